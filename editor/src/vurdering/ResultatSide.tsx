// The result of an assessment as a page that prints well: the decision's id and time and the full
// hash of the regelsæt it was made with, above the indplacering itself, and the målgruppe's
// description from the same regelsæt version (collapsed; opened for print).
import type { Indplacering } from "../../../engine/index.js";
import { useAuth } from "../faelles/auth.js";
import { datoTid } from "../faelles/format.js";
import { IndplaceringVisning } from "../faelles/IndplaceringVisning.js";
import { MaalgruppeBeskrivelse } from "../faelles/MaalgruppeBeskrivelse.js";
import { useHent } from "../faelles/useHent.js";

/** The målgruppebeskrivelse of the regelsæt version the decision names (the draft's for a draft decision). */
function useBeskrivelse(r: Indplacering) {
  const { api } = useAuth();
  const { maalgruppe, version, kladde } = r.regelsaet;
  return useHent(async () => {
    if (kladde) return (await api.kladde(maalgruppe))?.data.maalgruppebeskrivelse;
    return (await api.regelsaet(maalgruppe, version)).data.maalgruppebeskrivelse;
  }, [api, maalgruppe, version, kladde]).data;
}

export function ResultatSide({
  r,
  tidspunkt,
  regelsaetTitel,
  vurderingsgrundlag,
}: {
  r: Indplacering & { id?: string };
  tidspunkt: Date;
  /** The title of the result's regelsæt; its målgruppe id is shown until it is known. */
  regelsaetTitel?: string;
  /** The information the decision was made on, shown (collapsed) for a stored decision. */
  vurderingsgrundlag?: unknown;
}) {
  const beskrivelse = useBeskrivelse(r);
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
      <MaalgruppeBeskrivelse
        b={beskrivelse}
        titel={`Målgruppebeskrivelse${regelsaetTitel ? `: ${regelsaetTitel}` : ""}`}
      />
      {vurderingsgrundlag !== undefined && (
        <details>
          <summary>Vurderingsgrundlaget, afgørelsen er truffet på (JSON)</summary>
          <pre className="mono json-visning">{JSON.stringify(vurderingsgrundlag, null, 2)}</pre>
        </details>
      )}
    </article>
  );
}
