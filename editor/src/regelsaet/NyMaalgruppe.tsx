// A målgruppe with neither a published version nor a draft. The API creates a målgruppe when its
// first draft is saved (PUT …/kladde answers 201), so an author opening such an address is told
// that saving creates it; anyone else, or an id the API would refuse, gets a "findes ikke" page.
import { MAALGRUPPE_ID } from "../../../engine/index.js";
import { Link } from "../faelles/router.js";

// An id outside the API's rule for a målgruppe can never be saved.

export const kanOprettes = (maalgruppe: string) => MAALGRUPPE_ID.test(maalgruppe);

export function NyMaalgruppeBesked({ maalgruppe }: { maalgruppe: string }) {
  return (
    <div className="besked advarsel" role="status" data-testid="ny-maalgruppe">
      <p>
        <strong>Målgruppen '{maalgruppe}' findes ikke endnu. Gem en kladde for at oprette den.</strong>
      </p>
      <p>
        Skriv regelsættet i editoren med <code>"maalgruppe": "{maalgruppe}"</code>. Serveren gemmer kladden, når
        regelsættet er gyldigt (se fanen Problemer). <Link til="/">Tilbage til målgrupperne</Link>
      </p>
    </div>
  );
}

export function MaalgruppeFindesIkke({ maalgruppe, forfatter }: { maalgruppe: string; forfatter: boolean }) {
  return (
    <section className="side" data-testid="maalgruppe-findes-ikke">
      <p className="broedkrumme">
        <Link til="/">Målgrupper</Link> / <span>{maalgruppe}</span>
      </p>
      <h1>Målgruppen findes ikke</h1>
      {kanOprettes(maalgruppe) ? (
        <p>
          Der er ingen publiceret version af målgruppen '{maalgruppe}'
          {forfatter ? "" : ", og kun en forfatter kan oprette en ny målgruppe"}.
        </p>
      ) : (
        <p>
          Der findes ingen målgruppe med id'et '{maalgruppe}'. Et målgruppe-id består af små bogstaver, tal og
          bindestreg, fx 'autisme'.
        </p>
      )}
      <p>
        <Link til="/">Tilbage til målgrupperne</Link>
      </p>
    </section>
  );
}
