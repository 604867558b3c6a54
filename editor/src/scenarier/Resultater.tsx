// A comparison's results: providers per level per scenario (chart and table), the transition
// matrix between two scenarios, and the providers that move with the parameters that moved them.
import { useId, useMemo, useState } from "react";
import { RANG as NIVEAU_RANG, niveauOrd, type ParameterSkift, type Sammenligning } from "../../../engine/index.js";
import { NiveauMaerke } from "../faelles/IndplaceringVisning.js";
import { INDPLACERINGSNIVEAUER, niveauNavn } from "../faelles/niveau.js";
import { FordelingsVisning, NiveauHoved } from "./FordelingsVisning.js";
import type { Enkeltvis } from "./protokol.js";

/** "Aktiv praksis: 4 moderat → højt; 0 skifter samlet niveau". */
export function skiftTekst(p: ParameterSkift, navn: string): string {
  const overgange = p.overgange.map((o) => `${o.antal} ${niveauOrd(o.fra)} → ${niveauOrd(o.til)}`).join(", ");
  return `${navn}: ${overgange}; ${p.skifterSamlet} skifter samlet niveau`;
}

/** Per scenario, the parameters whose level moves, and how many of those providers move overall. */
function ParameterVirkning({ s, navne }: { s: Sammenligning; navne: Map<string, string> }) {
  if (s.parameterSkift.length === 0) return null;
  const forste = s.scenarier[0]?.navn ?? "";
  return (
    <section aria-labelledby="parametervirkning-titel">
      <h2 id="parametervirkning-titel">Virkning på parametrene</h2>
      <p className="diskret">
        For hvert scenarie: de leverandører, hvis niveau på en parameter ændres i forhold til «{forste}» — også når det
        samlede niveau ikke ændres.
      </p>
      <div data-testid="parametervirkning">
        {s.parameterSkift.map((x) => (
          <div key={x.scenarie}>
            <h3>{x.scenarie}</h3>
            {x.parametre.length === 0 ? (
              <p>Ingen parametre skifter niveau.</p>
            ) : (
              <ul className="virkning-liste">
                {x.parametre.map((p) => (
                  <li key={p.id}>{skiftTekst(p, navne.get(p.id) ?? p.id)}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

/** Each change of a scenario alone against the starting point, so a mixed scenario explains itself. */
export function EnkeltvisVisning({ e, navne }: { e: Enkeltvis; navne: Map<string, string> }) {
  if (e.length === 0) return null;
  return (
    <section aria-labelledby="enkeltvis-titel">
      <h2 id="enkeltvis-titel">Hver ændrings egen virkning</h2>
      <p className="diskret">
        Hver ændring afprøvet alene mod udgangspunktet. Tallene lægges ikke nødvendigvis sammen: ændringer kan forstærke
        eller udligne hinanden.
      </p>
      {e.map((sc) => (
        <div key={sc.scenarie} className="rulle-x">
          <h3>{sc.scenarie}</h3>
          <table className="tabel kompakt" data-testid="enkeltvis">
            <thead>
              <tr>
                <th scope="col">Ændring</th>
                <th scope="col">Parametre, der skifter niveau</th>
                <th scope="col" className="tal">
                  Skifter samlet niveau
                </th>
              </tr>
            </thead>
            <tbody>
              {sc.aendringer.map((a) => (
                <tr key={a.noegle}>
                  <th scope="row">{a.tekst}</th>
                  <td>
                    {a.fejl ? (
                      <span className="fejl">Kan ikke afprøves alene: {a.fejl}</span>
                    ) : (a.parametre ?? []).length === 0 ? (
                      "Ingen"
                    ) : (
                      (a.parametre ?? []).map((p) => <div key={p.id}>{skiftTekst(p, navne.get(p.id) ?? p.id)}</div>)
                    )}
                  </td>
                  <td className="tal">{a.skifterSamlet ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

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
                                ? "Ingen parameter skiftede: indplaceringsreglen (metode, vægte eller tællegrænser) flyttede leverandøren"
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

export function Resultater({
  s,
  navne,
  enkeltvis,
}: {
  s: Sammenligning;
  navne: Map<string, string>;
  enkeltvis?: Enkeltvis;
}) {
  return (
    <div className="resultater">
      <Fordeling s={s} />
      <ParameterVirkning s={s} navne={navne} />
      {enkeltvis && <EnkeltvisVisning e={enkeltvis} navne={navne} />}
      {s.overgange.length > 0 && <Overgange s={s} />}
      <Flyttede s={s} navne={navne} />
    </div>
  );
}
