// "Regler": each parameter's levels as an analyst reads them — the official description, each
// condition in words with the threshold it reads (by its Danish label and value), and beside
// each rule where it comes from (a seed's section and quote) or that it is the team's assumption.
import {
  type Betingelse,
  type BetingelsesVaerdi,
  NIVEAUER,
  operatorTekst,
  type Regelsaet,
  taerskelEtiket,
  taerskelVaerdiTekst,
} from "../../../engine/index.js";
import { feltNavn } from "../faelles/felt-navne.js";
import { KildeLinje } from "../faelles/Kilde.js";
import { niveauNavn } from "../faelles/niveau.js";

function vaerdiTekst(r: Regelsaet, v: BetingelsesVaerdi): string {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const t = r.taerskler[v.taerskel];
    const vaerdi = t ? ` (${taerskelVaerdiTekst(t.vaerdi, t.enhed)})` : "";
    return `${taerskelEtiket(r, v.taerskel).tekst}${vaerdi}`;
  }
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "boolean") return v ? "ja" : "nej";
  return String(v);
}

function BetingelseVisning({ r, b }: { r: Regelsaet; b: Betingelse }) {
  const kilde = (
    <KildeLinje kilde={b.kilde} antagelse={b.antagelse} begrundelse={b.begrundelse} dokumenter={r.kilder} />
  );
  if ("all" in b || "any" in b) {
    const boern = "all" in b ? b.all : b.any;
    return (
      <li>
        {b.beskrivelse ?? ("all" in b ? "Alle disse:" : "Mindst én af disse:")}
        {kilde}
        <ul>
          {boern.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id; the tree is read-only here
            <BetingelseVisning key={i} r={r} b={c} />
          ))}
        </ul>
      </li>
    );
  }
  if ("not" in b)
    return (
      <li>
        {b.beskrivelse ?? "Ikke:"}
        {kilde}
        <ul>
          <BetingelseVisning r={r} b={b.not} />
        </ul>
      </li>
    );
  const hvad = b.beskrivelse ?? feltNavn(`${b.fact}${b.path ? b.path.slice(1) : ""}`);
  return (
    <li>
      {hvad} {operatorTekst(b.operator)} {vaerdiTekst(r, b.value)}
      {kilde}
    </li>
  );
}

export function Regler({ regelsaet: r }: { regelsaet: Regelsaet | undefined }) {
  if (!r) return <p>Reglerne vises, når regelsættet er gyldigt.</p>;
  return (
    <div className="regler">
      {r.parametre.map((p) => (
        <details key={p.id} className="regel-parameter">
          <summary>
            <strong>{p.navn}</strong>
            {p.aktiv === false && <span className="diskret"> (slået fra)</span>}
          </summary>
          <KildeLinje kilde={p.kilde} dokumenter={r.kilder} />
          {NIVEAUER.map((n) => {
            const k = p.niveauer[n];
            return (
              <section key={n} className="regel-niveau">
                <h4>{niveauNavn(n)}</h4>
                <p>{k.beskrivelse}</p>
                <KildeLinje kilde={k.kilde} antagelse={k.antagelse} begrundelse={k.begrundelse} dokumenter={r.kilder} />
                <ul className="betingelser">
                  <BetingelseVisning r={r} b={k.betingelser} />
                </ul>
              </section>
            );
          })}
        </details>
      ))}
    </div>
  );
}
