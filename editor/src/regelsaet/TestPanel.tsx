// The Test panel: pick a provider from the example data set or paste a vurderingsgrundlag, and see
// the indplacering under the draft update as the draft or the input changes.
import { useEffect, useId, useMemo, useState } from "react";
import { EngineError, type Indplacering, type Regelsaet, type Vurderingsgrundlag } from "../../../engine/index.js";
import { indplacer } from "../../../engine/indplacering/jre.js";
import { eksempeldata, leverandoerNavn } from "../faelles/eksempler.js";
import { IndplaceringVisning } from "../faelles/IndplaceringVisning.js";
import { vaerdiNavn } from "../faelles/vaerdi-navne.js";

interface Props {
  maalgruppe: string;
  regelsaet: Regelsaet | undefined;
  kladde: boolean;
}

type Udfald = { r: Indplacering } | { fejl: string } | null;

export function TestPanel({ maalgruppe, regelsaet, kladde }: Props) {
  const vaelgId = useId();
  const tekstId = useId();
  const [data, setData] = useState<Vurderingsgrundlag[]>([]);
  const [valgt, setValgt] = useState<string>("");
  const [egen, setEgen] = useState("");
  const [udfald, setUdfald] = useState<Udfald>(null);

  useEffect(() => {
    let aktiv = true;
    void eksempeldata(maalgruppe).then((d) => {
      if (!aktiv) return;
      setData(d);
      setValgt((v) => v || (d[0]?.leverandoer.id ?? ""));
    });
    return () => {
      aktiv = false;
    };
  }, [maalgruppe]);

  const input = useMemo((): { vg?: unknown; fejl?: string } => {
    if (valgt === "egen") {
      if (egen.trim() === "") return { fejl: "Indsæt et vurderingsgrundlag som JSON." };
      try {
        return { vg: JSON.parse(egen) };
      } catch {
        return { fejl: "Teksten er ikke gyldig JSON." };
      }
    }
    return { vg: data.find((d) => d.leverandoer.id === valgt) };
  }, [valgt, egen, data]);

  useEffect(() => {
    if (!regelsaet) return;
    if (input.fejl) {
      setUdfald({ fejl: input.fejl });
      return;
    }
    if (!input.vg) return;
    let aktiv = true;
    const t = setTimeout(() => {
      indplacer(regelsaet, input.vg, { kladde }).then(
        (r) => aktiv && setUdfald({ r }),
        (e: unknown) => {
          if (!aktiv) return;
          const detaljer = e instanceof EngineError ? e.detaljer.map((d) => `${d.path}: ${d.message}`).join(" ") : "";
          setUdfald({ fejl: `${e instanceof Error ? e.message : String(e)} ${detaljer}`.trim() });
        },
      );
    }, 120);
    return () => {
      aktiv = false;
      clearTimeout(t);
    };
  }, [regelsaet, input.vg, input.fejl, kladde]);

  return (
    <div className="test-panel">
      <div className="felt-raekke">
        <label htmlFor={vaelgId}>Leverandør</label>
        <select id={vaelgId} value={valgt} onChange={(e) => setValgt(e.target.value)}>
          {data.map((d) => (
            <option key={d.leverandoer.id} value={d.leverandoer.id}>
              {`${leverandoerNavn(d)} (${d.leverandoer.type ? vaerdiNavn(d.leverandoer.type) : "type ikke oplyst"}, ${
                d.aldersgruppe ? vaerdiNavn(d.aldersgruppe) : "alder ikke oplyst"
              })`}
            </option>
          ))}
          <option value="egen">Indsæt eget vurderingsgrundlag …</option>
        </select>
      </div>
      {valgt === "egen" && (
        <div className="felt">
          <label htmlFor={tekstId}>Vurderingsgrundlag (JSON)</label>
          <textarea
            id={tekstId}
            rows={10}
            spellCheck={false}
            className="mono"
            value={egen}
            onChange={(e) => setEgen(e.target.value)}
            placeholder={`{ "leverandoer": { "id": "…" }, "maalgruppe": "${maalgruppe}", … }`}
          />
        </div>
      )}
      {!regelsaet && <p className="advarsel">Regelsættet har fejl; resultatet opdateres, når de er rettet.</p>}
      <div aria-live="polite">
        {udfald && "fejl" in udfald && <p className="fejl">{udfald.fejl}</p>}
        {udfald && "r" in udfald && (
          <IndplaceringVisning
            r={udfald.r}
            overskrift={kladde ? "Resultat med kladden" : "Resultat"}
            regelsaetTitel={regelsaet?.titel}
          />
        )}
      </div>
    </div>
  );
}
