// An indplacering as a reader needs it: the level, the level per parameter with its reasons
// (every condition with the threshold, the provider's value and whether it held), the missing
// information, and what it takes to reach the next level.
import type { Forklaring, Indplacering, ParameterResultat } from "../../../engine/index.js";
import { feltNavn, medFeltNavne } from "./felt-navne.js";
import { kortHash, tal } from "./format.js";
import { ikkeIndplaceretForklaring } from "./ikke-indplaceret.js";
import { niveauNavn } from "./niveau.js";

/** Missing information by its Danish name; the engine's path stays in the title for experts. */
function FeltNavne({ stier }: { stier: readonly string[] }) {
  return stier.map((s, i) => (
    <span key={s}>
      {i > 0 && ", "}
      <span title={s}>{feltNavn(s)}</span>
    </span>
  ));
}

export function NiveauMaerke({ niveau }: { niveau: string }) {
  return <span className={`niveau niveau-${niveau}`}>{niveauNavn(niveau)}</span>;
}

function Ikon({ opfyldt }: { opfyldt: boolean | null }) {
  if (opfyldt === true)
    return (
      <span className="ikon ok" role="img" aria-label="opfyldt">
        ✓
      </span>
    );
  if (opfyldt === false)
    return (
      <span className="ikon nej" role="img" aria-label="ikke opfyldt">
        ✗
      </span>
    );
  return (
    <span className="ikon ukendt" role="img" aria-label="ukendt">
      ?
    </span>
  );
}

function Betingelser({ f }: { f: Forklaring }) {
  if (f.type === "betingelse") {
    return (
      <li>
        <Ikon opfyldt={f.opfyldt} /> {medFeltNavne(f.tekst, f.mangler)}
      </li>
    );
  }
  const overskrift =
    f.type === "alle"
      ? "Alle skal være opfyldt"
      : f.type === "mindstEn"
        ? "Mindst én skal være opfyldt"
        : "Må ikke gælde";
  const dele = f.type === "ikke" ? [f.del] : f.dele;
  return (
    <li>
      <Ikon opfyldt={f.opfyldt} /> <em>{overskrift}:</em>
      <ul className="betingelser">
        {dele.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a condition tree has no ids; its order is fixed
          <Betingelser key={i} f={d} />
        ))}
      </ul>
    </li>
  );
}

function ParameterRaekke({ p }: { p: ParameterResultat }) {
  return (
    <tr>
      <th scope="row">{p.navn}</th>
      <td>
        <NiveauMaerke niveau={p.niveau} />
        {p.tilsynsvurdering && (
          <div className="diskret">
            Fastsat af tilsynet; reglerne giver {niveauNavn(p.regelNiveau).toLowerCase()}
            {p.afvigerFraRegler ? " (afviger)" : ""}
          </div>
        )}
      </td>
      <td>{p.manglendeOplysninger.length > 0 ? <FeltNavne stier={p.manglendeOplysninger} /> : "–"}</td>
      <td>
        <details>
          <summary>Begrundelse</summary>
          {p.begrundelse.map((b) => (
            <div key={b.niveau} className="begrundelse-niveau">
              <h5>
                <Ikon opfyldt={b.opfyldt} /> {niveauNavn(b.niveau)} niveau
              </h5>
              <ul className="betingelser">
                <Betingelser f={b.betingelser} />
              </ul>
            </div>
          ))}
        </details>
      </td>
    </tr>
  );
}

export function IndplaceringVisning({
  r,
  overskrift = "Indplacering",
  regelsaetTitel,
}: {
  r: Indplacering;
  overskrift?: string;
  /** The regelsæt's title, where the page has it; the result itself carries only the målgruppe's id. */
  regelsaetTitel?: string;
}) {
  const o = r.politik.optaelling;
  const parameterNavn = (id: string) => r.parametre.find((p) => p.id === id)?.navn ?? id;
  return (
    <section className="indplacering" aria-label={overskrift}>
      <div className="indplacering-hoved">
        <div>
          <div className="diskret">{overskrift}</div>
          <div className="stort-niveau" data-testid="indplacering-niveau">
            <NiveauMaerke niveau={r.niveau} />
          </div>
        </div>
        <dl className="noegletal">
          <div>
            <dt>Leverandør</dt>
            <dd>
              {r.leverandoer.navn ?? r.leverandoer.id}
              {r.leverandoer.afdeling ? `, ${r.leverandoer.afdeling}` : ""}
            </dd>
          </div>
          <div>
            <dt>Regelsæt</dt>
            <dd>
              {regelsaetTitel || r.regelsaet.maalgruppe}
              {r.regelsaet.kladde
                ? ", kladde"
                : r.regelsaet.version !== undefined
                  ? `, version ${r.regelsaet.version}`
                  : ""}
              <div className="diskret mono" title={r.regelsaet.hash}>
                {kortHash(r.regelsaet.hash)}
              </div>
            </dd>
          </div>
          <div>
            <dt>Parametre</dt>
            <dd>
              {o.hoej} højt · {o.moderat} moderat · {o.let} let · {o.ingen} ingen
              {r.politik.score !== undefined && <div className="diskret">Score {tal(r.politik.score, 3)}</div>}
            </dd>
          </div>
        </dl>
      </div>
      {r.niveau === "ikke-indplaceret" && <p className="advarsel">{ikkeIndplaceretForklaring(r)}</p>}
      {r.politik.kravIkkeOpfyldt.map((k) => (
        <p key={k.niveau} className="advarsel">
          Krav for {niveauNavn(k.niveau).toLowerCase()} niveau ikke opfyldt: {k.parametre.map(parameterNavn).join(", ")}
          .
        </p>
      ))}
      {r.manglendeOplysninger.length > 0 && (
        <div className="manglende">
          <h4>Manglende oplysninger</h4>
          <p className="diskret">Ikke oplyst er ikke det samme som ikke opfyldt; disse felter blev ikke indberettet.</p>
          <ul>
            {r.manglendeOplysninger.map((m) => (
              <li key={m}>
                <span title={m}>{feltNavn(m)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.naesteNiveau && (
        <div className="naeste-niveau">
          <h4>Hvad mangler for {niveauNavn(r.naesteNiveau.niveau).toLowerCase()} niveau</h4>
          <p>{r.naesteNiveau.tekst}</p>
          {r.naesteNiveau.mangler.length > 0 && (
            <ul>
              {r.naesteNiveau.mangler.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on every result
                <li key={i}>
                  <strong>{parameterNavn(m.parameter)}:</strong> {medFeltNavne(m.tekst, m.mangler)}
                  {m.alternativ && <span className="diskret"> (ét af flere alternativer)</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <table className="tabel parametre-tabel">
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Niveau</th>
            <th scope="col">Mangler</th>
            <th scope="col">Begrundelse</th>
          </tr>
        </thead>
        <tbody>
          {r.parametre.map((p) => (
            <ParameterRaekke key={p.id} p={p} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
