// The first half of the specialiseringsmodel for one målgruppe, as the regelsæt carries it: who
// the målgruppe is on each level (002 Boks 1–3), its size nationally, its delmålgrupper and the
// national criteria for high specialisation (004), every part with its source. Collapsed by
// default, opened for print; used on the vurdering's result page (and reusable on the regelsæt page).
import type { Kilde, Maalgruppebeskrivelse } from "../../../engine/index.js";
import "./MaalgruppeBeskrivelse.css";

/** The seed documents by number, as a caseworker would cite them. */
const DOKUMENTER: Record<string, string> = {
  "000": "Evaluering af det specialiserede socialområde (2021)",
  "001": "Projektbeskrivelse for spor 2 (evalueringen)",
  "002": "Model for beskrivelse af specialiseringsniveauer (Socialstyrelsen 2020)",
  "003": "De tre faglige sessioner",
  "004": "Den nationale koordinationsstruktur",
};

export function KildeHenvisning({ kilde }: { kilde: Kilde | undefined }) {
  if (!kilde) return null;
  return (
    <span className="kilde diskret">
      Kilde: <cite title={DOKUMENTER[kilde.dokument]}>{kilde.dokument}</cite>, {kilde.afsnit}
      {kilde.citat && <> – «{kilde.citat}»</>}
    </span>
  );
}

const RAEKKER: {
  noegle: "kompleksitet" | "stoerrelse" | "sammensaetning" | "fagligtIndhold" | "eksempler";
  navn: string;
  boks: string;
}[] = [
  { noegle: "kompleksitet", navn: "Målgruppekompleksitet", boks: "Boks 1" },
  { noegle: "stoerrelse", navn: "Målgruppens størrelse", boks: "Boks 1" },
  { noegle: "sammensaetning", navn: "Sammensætning af ydelser og foranstaltninger", boks: "Boks 2" },
  { noegle: "fagligtIndhold", navn: "Fagligt indhold", boks: "Boks 2" },
  { noegle: "eksempler", navn: "Eksempler på borgere", boks: "Boks 3" },
];

export function MaalgruppeBeskrivelse({
  b,
  titel = "Målgruppebeskrivelse",
  aaben = false,
}: {
  b: Maalgruppebeskrivelse | undefined;
  titel?: string;
  aaben?: boolean;
}) {
  if (!b) return null;
  const niveauRaekker = RAEKKER.filter((r) => b[r.noegle]);
  return (
    <details className="maalgruppebeskrivelse" open={aaben}>
      <summary>
        <h3>{titel}</h3>
        <span className="diskret"> – hvem målgruppen er på hvert niveau (modellens Boks 1–3)</span>
      </summary>
      {b.kilde && (
        <p>
          <KildeHenvisning kilde={b.kilde} />
        </p>
      )}
      {niveauRaekker.length > 0 && (
        <div className="rulle-x">
          <table className="tabel kompakt beskrivelse-tabel">
            <caption className="skjult">Målgruppen på let, moderat og højt specialiseret niveau</caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Let</th>
                <th scope="col">Moderat</th>
                <th scope="col">Højt</th>
              </tr>
            </thead>
            <tbody>
              {niveauRaekker.map((r) => {
                const v = b[r.noegle];
                return (
                  <tr key={r.noegle}>
                    <th scope="row">
                      {r.navn}
                      <div className="diskret">002 {r.boks}</div>
                    </th>
                    <td>{v?.let}</td>
                    <td>{v?.moderat}</td>
                    <td>{v?.hoej}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {b.nationaltAntal && (
        <section>
          <h4>Målgruppens størrelse på landsplan</h4>
          <p>
            {b.nationaltAntal.tekst}
            {b.nationaltAntal.under1000 !== undefined && (
              <>
                {" "}
                <strong>
                  {b.nationaltAntal.under1000
                    ? "Under 1.000 borgere på landsplan («meget lille» målgruppe)."
                    : "Ikke under 1.000 borgere på landsplan."}
                </strong>
              </>
            )}{" "}
            <KildeHenvisning kilde={b.nationaltAntal.kilde} />
          </p>
        </section>
      )}
      {b.delmaalgrupper && b.delmaalgrupper.length > 0 && (
        <section>
          <h4>Delmålgrupper</h4>
          <dl className="beskrivelse-liste">
            {b.delmaalgrupper.map((d) => (
              <div key={d.navn}>
                <dt>{d.navn}</dt>
                <dd>
                  {d.beskrivelse} <KildeHenvisning kilde={d.kilde} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {b.kriterier && b.kriterier.length > 0 && (
        <section>
          <h4>Kriterier og forudsætninger for høj specialisering</h4>
          <dl className="beskrivelse-liste">
            {b.kriterier.map((k) => (
              <div key={k.navn}>
                <dt>{k.navn}</dt>
                <dd>
                  {k.tekst} <KildeHenvisning kilde={k.kilde} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </details>
  );
}
