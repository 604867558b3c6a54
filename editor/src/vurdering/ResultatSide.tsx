// The result of an assessment as a page that prints well: it names the regelsæt version and hash
// the decision was made with, the decision's id and time.
import type { Indplacering } from "../../../engine/index.js";
import { IndplaceringVisning } from "../faelles/IndplaceringVisning.js";

export function ResultatSide({ r, tidspunkt }: { r: Indplacering & { id?: string }; tidspunkt: Date }) {
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
      <dl className="noegletal resultat-meta">
        <div>
          <dt>Regelsæt</dt>
          <dd data-testid="resultat-regelsaet">
            {r.regelsaet.maalgruppe}, {r.regelsaet.kladde ? "kladde" : `version ${r.regelsaet.version ?? "?"}`}
          </dd>
        </div>
        <div>
          <dt>Hash</dt>
          <dd className="mono">{r.regelsaet.hash}</dd>
        </div>
        {r.id && (
          <div>
            <dt>Afgørelsens id</dt>
            <dd className="mono">{r.id}</dd>
          </div>
        )}
        <div>
          <dt>Tidspunkt</dt>
          <dd>{tidspunkt.toLocaleString("da-DK")}</dd>
        </div>
      </dl>
      <IndplaceringVisning r={r} overskrift="Samlet niveau" />
    </article>
  );
}
