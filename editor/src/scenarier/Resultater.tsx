// A comparison's results: providers per level per scenario (chart and table), the transition
// matrix between two scenarios, and the providers that move with the parameters that moved them.
import { useId, useMemo, useState } from "react";
import { RANG as NIVEAU_RANG, type Sammenligning } from "../../../engine/index.js";
import { NiveauMaerke } from "../faelles/IndplaceringVisning.js";
import { INDPLACERINGSNIVEAUER, niveauNavn } from "../faelles/niveau.js";
import { FordelingsVisning, NiveauHoved } from "./FordelingsVisning.js";

const RANG: Record<string, number> = { ...NIVEAU_RANG, "slaaet-fra": -1 };

function Fordeling({ s }: { s: Sammenligning }) {
  const etiketter = useMemo(() => s.scenarier.map((x) => x.navn), [s]);
  const fordelinger = useMemo(() => s.scenarier.map((x) => x.fordeling), [s]);
  return (
    <section aria-labelledby="fordeling-titel">
      <h2 id="fordeling-titel">Leverandører pr. niveau</h2>
      <FordelingsVisning
        type="bar"
        etiketter={etiketter}
        fordelinger={fordelinger}
        ariaLabel="Søjlediagram: antal leverandører på hvert niveau i hvert scenarie. Tallene står i tabellen under diagrammet."
        kolonne="Scenarie"
        // Under the chart, not beside it: beside it the table is too narrow for its four level
        // columns and hides «Højt» behind a horizontal scroll bar even with one scenario.
        layout="stablet"
        rulle="rulle-x"
        testid="fordeling"
      />
    </section>
  );
}

function Overgange({ s }: { s: Sammenligning }) {
  const id = useId();
  const [valgt, setValgt] = useState(0);
  const o = s.overgange[Math.min(valgt, s.overgange.length - 1)];
  if (!o) return null;
  return (
    <section aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>Overgange mellem scenarier</h2>
      <div className="felt-raekke">
        <label htmlFor={`${id}-par`}>Fra og til</label>
        <select id={`${id}-par`} value={valgt} onChange={(e) => setValgt(Number(e.target.value))}>
          {s.overgange.map((x, i) => (
            <option key={`${x.fra}→${x.til}`} value={i}>
              {x.fra} → {x.til}
            </option>
          ))}
        </select>
      </div>
      <div className="rulle-x">
        <table className="tabel kompakt matrix" aria-describedby={`${id}-forklaring`}>
          <caption id={`${id}-forklaring`} className="diskret">
            Rækker: niveau i «{o.fra}». Kolonner: niveau i «{o.til}». Grøn: op, rød: ned.
          </caption>
          <NiveauHoved>
            {o.fra} ↓ / {o.til} →
          </NiveauHoved>
          <tbody>
            {INDPLACERINGSNIVEAUER.map((fra) => (
              <tr key={fra}>
                <th scope="row">{niveauNavn(fra)}</th>
                {INDPLACERINGSNIVEAUER.map((til) => {
                  const n = o.matrix[fra][til];
                  const klasse =
                    fra === til ? "diagonal" : n > 0 ? ((RANG[til] ?? 0) > (RANG[fra] ?? 0) ? "op" : "ned") : "";
                  return (
                    <td key={til} className={`tal ${klasse}`}>
                      {n}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Flyttede({ s, navne }: { s: Sammenligning; navne: Map<string, string> }) {
  const forste = s.scenarier[0]?.navn ?? "";
  const niveauTekst = (n: string) => (n === "slaaet-fra" ? "slået fra" : niveauNavn(n).toLowerCase());
  return (
    <section aria-labelledby="flyttede-titel">
      <h2 id="flyttede-titel">
        Leverandører der flytter ({s.flyttede.length} af {s.antalLeverandoerer})
      </h2>
      {s.flyttede.length === 0 ? (
        <p>Ingen leverandører skifter niveau i forhold til «{forste}».</p>
      ) : (
        <>
          <p className="diskret">
            Under hvert niveau, der afviger fra «{forste}», står de parametre, der skiftede niveau og flyttede
            leverandøren.
          </p>
          <div className="rulle-x rulle-y">
            <table className="tabel kompakt flyttede" data-testid="flyttede">
              <thead>
                <tr>
                  <th scope="col">Leverandør</th>
                  {s.scenarier.map((x) => (
                    <th key={x.navn} scope="col">
                      {x.navn}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.flyttede.map((f) => (
                  <tr key={`${f.leverandoer.id}|${f.leverandoer.afdeling ?? ""}`}>
                    <th scope="row">
                      {f.leverandoer.navn ?? f.leverandoer.id}
                      {f.leverandoer.afdeling ? `, ${f.leverandoer.afdeling}` : ""}
                    </th>
                    {s.scenarier.map((x) => {
                      const a = f.aarsager.find((y) => y.scenarie === x.navn);
                      return (
                        <td key={x.navn}>
                          <NiveauMaerke niveau={f.niveauer[x.navn] ?? "ikke-indplaceret"} />
                          {a && (
                            <div className="aarsag">
                              {a.politik
                                ? "Politik, vægte eller grænser"
                                : a.parametre
                                    .map(
                                      (p) =>
                                        `${navne.get(p.id) ?? p.id}: ${niveauTekst(p.fra)} → ${niveauTekst(p.til)}`,
                                    )
                                    .join("; ")}
                            </div>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function Resultater({ s, navne }: { s: Sammenligning; navne: Map<string, string> }) {
  return (
    <div className="resultater">
      <Fordeling s={s} />
      {s.overgange.length > 0 && <Overgange s={s} />}
      <Flyttede s={s} navne={navne} />
    </div>
  );
}
