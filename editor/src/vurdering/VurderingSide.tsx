// Vurdering (for tilsyn): one provider's information in a form (or from a JSON file), the
// indplacering from the server with reasons and missing information, and a printable result.
// Several providers at once by upload.
import { useEffect, useId, useMemo, useState } from "react";
import { type Indplacering, type Vurderingsgrundlag, validateVurderingsgrundlag } from "../../../engine/index.js";
import { ApiFejl, fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { eksempeldata, leverandoerNavn } from "../faelles/eksempler.js";
import { Faner } from "../faelles/Faner.js";
import { iGrundlaget, stiNavn } from "../faelles/felt-navne.js";
import { laesFil } from "../faelles/laes-fil.js";
import { naviger, useSti } from "../faelles/router.js";
import { Fejlboks } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";
import { BatchVurdering } from "./BatchVurdering.js";
import { GemtAfgoerelseSide } from "./GemtAfgoerelse.js";
import { ResultatSide } from "./ResultatSide.js";
import { type Grundlag, VurderingsForm } from "./VurderingsForm.js";

function EnLeverandoer() {
  const { api } = useAuth();
  const id = useId();
  const maalgrupper = useHent(() => api.maalgrupper(), [api]);
  const [vg, setVg] = useState<Grundlag>({ leverandoer: { id: "" }, maalgruppe: "autisme" });
  const maalgruppe = typeof vg.maalgruppe === "string" ? vg.maalgruppe : "";
  const regelsaet = useHent(
    async () => (maalgruppe ? (await api.regelsaet(maalgruppe)).data : null),
    [api, maalgruppe],
  );
  const [eksempler, setEksempler] = useState<Vurderingsgrundlag[]>([]);
  const [resultat, setResultat] = useState<{ r: Indplacering & { id?: string }; tid: Date } | null>(null);
  const [fejl, setFejl] = useState<{ besked: string; detaljer: { path: string; message: string }[] } | null>(null);
  const [sender, setSender] = useState(false);

  useEffect(() => {
    void eksempeldata().then(setEksempler);
  }, []);

  const egneEksempler = useMemo(() => eksempler.filter((e) => e.maalgruppe === maalgruppe), [eksempler, maalgruppe]);
  const json = useMemo(() => JSON.stringify(vg, null, 2), [vg]);

  const send = async () => {
    setFejl(null);
    const problemer = validateVurderingsgrundlag(vg);
    if (problemer.length > 0) {
      setFejl({ besked: "Oplysningerne er ikke gyldige.", detaljer: problemer });
      return;
    }
    setSender(true);
    try {
      const r = await api.indplacer(vg);
      setResultat({ r, tid: new Date() });
      requestAnimationFrame(() => document.getElementById("resultat-titel")?.scrollIntoView({ behavior: "smooth" }));
    } catch (e) {
      setFejl({ besked: fejlTekst(e), detaljer: e instanceof ApiFejl ? e.detaljer : [] });
    } finally {
      setSender(false);
    }
  };

  return (
    <div>
      <div className="felt-raekke ikke-print">
        <label htmlFor={`${id}-eks`}>Udfyld fra eksempeldata</label>
        <select
          id={`${id}-eks`}
          value=""
          onChange={(e) => {
            const x = egneEksempler.find((d) => d.leverandoer.id === e.target.value);
            if (x) {
              setVg(structuredClone(x) as Grundlag);
              setResultat(null);
            }
          }}
        >
          <option value="">Vælg en leverandør …</option>
          {egneEksempler.map((d) => (
            <option key={d.leverandoer.id} value={d.leverandoer.id}>
              {leverandoerNavn(d)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-fil`}>Indlæs JSON-fil</label>
        <input
          id={`${id}-fil`}
          type="file"
          accept=".json,application/json"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (!f) return;
            try {
              const x: unknown = JSON.parse(await laesFil(f));
              if (typeof x !== "object" || x === null || Array.isArray(x))
                throw new Error(
                  "Filen skal indeholde ét vurderingsgrundlag (et JSON-objekt). Brug fanen «Flere leverandører» til lister.",
                );
              setVg(x as Grundlag);
              setResultat(null);
            } catch (err) {
              setFejl({
                besked: err instanceof SyntaxError ? "Filen er ikke gyldig JSON." : fejlTekst(err),
                detaljer: [],
              });
            }
          }}
        />
        <button type="button" onClick={() => setVg({ leverandoer: { id: "" }, maalgruppe })}>
          Ryd formularen
        </button>
      </div>
      <form
        className="ikke-print"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <VurderingsForm
          vg={vg}
          setVg={setVg}
          maalgrupper={maalgrupper.data ?? []}
          parametre={(regelsaet.data?.parametre ?? []).filter((p) => p.aktiv !== false)}
          kodelister={regelsaet.data?.kodelister}
        />
        <details>
          <summary>Vis som JSON</summary>
          <pre className="mono json-visning">{json}</pre>
        </details>
        {fejl && (
          <Fejlboks>
            {fejl.besked}
            {fejl.detaljer.length > 0 && (
              <ul>
                {fejl.detaljer.map((d) => {
                  const sti = iGrundlaget(d.path);
                  return (
                    <li key={`${d.path}${d.message}`}>
                      <span title={sti || undefined}>{stiNavn(sti)}</span>: {d.message}
                    </li>
                  );
                })}
              </ul>
            )}
          </Fejlboks>
        )}
        <div className="knapper">
          <button type="submit" className="primaer" disabled={sender}>
            {sender ? "Indplacerer …" : "Indplacér"}
          </button>
        </div>
      </form>
      {resultat && (
        <ResultatSide
          r={resultat.r}
          tidspunkt={resultat.tid}
          // By the result's own målgruppe: the form may have moved on to another since.
          regelsaetTitel={maalgrupper.data?.find((m) => m.maalgruppe === resultat.r.regelsaet.maalgruppe)?.titel}
        />
      )}
    </div>
  );
}

export default function VurderingSide() {
  const { query } = useSti();
  const afgoerelse = query.get("afgoerelse");
  // The tab is in the address, so going back from a decision opened in the batch results lands there.
  const fane = query.get("fane") === "flere" ? "flere" : "en";
  if (afgoerelse) return <GemtAfgoerelseSide id={afgoerelse} />;
  return (
    <section className="side vurdering-side">
      <h1 className="ikke-print">Vurdering</h1>
      <p className="indledning ikke-print">
        Indtast en leverandørs oplysninger for én målgruppe. Felter, der ikke er oplyst, tæller hverken med eller imod,
        men vises som manglende oplysninger.
      </p>
      <Faner
        label="Vurdering"
        aktiv={fane}
        vaelg={(f) => naviger(f === "flere" ? "/vurdering?fane=flere" : "/vurdering", true)}
        faner={[
          { id: "en", titel: "Én leverandør", indhold: () => <EnLeverandoer /> },
          { id: "flere", titel: "Flere leverandører (upload)", indhold: () => <BatchVurdering /> },
        ]}
      />
    </section>
  );
}
