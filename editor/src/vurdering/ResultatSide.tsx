// The result of an assessment as a page that prints well: the decision's id and time and the full
// hash of the regelsæt it was made with, above the indplacering itself.
import type { Indplacering } from "../../../engine/index.js";
import { datoTid } from "../faelles/format.js";
import { IndplaceringVisning } from "../faelles/IndplaceringVisning.js";

export function ResultatSide({
  r,
  tidspunkt,
  regelsaetTitel,
}: {
  r: Indplacering & { id?: string };
  tidspunkt: Date;
  /** The title of the result's regelsæt; its målgruppe id is shown until it is known. */
  regelsaetTitel?: string;
}) {
  const udskriv = () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>(".resultat-side details")) d.open = true;
    window.print();
  };
  return (
    <article className="resultat-side kort" aria-labelledby="resultat-titel">
      <p className="print-kun diskret">Specialiseringsmodellen · afgørelse om indplacering</p>
      <div className="vaerktoejslinje">
        <h2 id="resultat-titel">Indplacering af {r.leverandoer.navn ?? r.leverandoer.id}</h2>
        <button type="button" onClick={udskriv}>
          Udskriv
        </button>
      </div>
      {/* The regelsæt and its version are named once, in the summary beside the level below; here
          the hash is given whole because a print has no tooltip for the short one there. */}
      <dl className="noegletal resultat-meta">
        {r.id && (
          <div>
            <dt>Afgørelsens id</dt>
            <dd className="mono">{r.id}</dd>
          </div>
        )}
        <div>
          <dt>Tidspunkt</dt>
          <dd>{datoTid(tidspunkt.toISOString())}</dd>
        </div>
        <div>
          <dt>Regelsættets hash</dt>
          <dd className="mono">{r.regelsaet.hash}</dd>
        </div>
      </dl>
      <IndplaceringVisning r={r} overskrift="Samlet niveau" regelsaetTitel={regelsaetTitel} />
    </article>
  );
}
