// A stored decision on its own page (/vurdering?afgoerelse=<id>), as the single vurdering shows a
// new one: what a batch result row opens, and an address a caseworker can file or send on.
import { fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { Link } from "../faelles/router.js";
import { Fejlboks, Indlaeser } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";
import { ResultatSide } from "./ResultatSide.js";
import { useTilsynApi } from "./tilsyn-api.js";

export function GemtAfgoerelseSide({ id }: { id: string }) {
  const { api } = useAuth();
  const tilsyn = useTilsynApi();
  const a = useHent((signal) => tilsyn.afgoerelse(id, signal), [tilsyn, id]);
  const maalgrupper = useHent(() => api.maalgrupper(), [api]);
  const tilbage = (
    <Link
      til="/vurdering?fane=flere"
      className="ikke-print"
      onClick={(e) => {
        // Back in history keeps the batch run's results; a page opened directly has none to go back to.
        if (window.history.length > 1) {
          e.preventDefault();
          window.history.back();
        }
      }}
    >
      ← Tilbage
    </Link>
  );
  return (
    <section className="side vurdering-side">
      <p>{tilbage}</p>
      {a.indlaeser && !a.data && <Indlaeser />}
      {a.fejl !== undefined && <Fejlboks>{fejlTekst(a.fejl)}</Fejlboks>}
      {a.data && (
        <ResultatSide
          r={{ ...a.data.indplacering, id: a.data.id }}
          tidspunkt={new Date(a.data.oprettet)}
          regelsaetTitel={maalgrupper.data?.find((m) => m.maalgruppe === a.data?.regelsaet.maalgruppe)?.titel}
          vurderingsgrundlag={a.data.vurderingsgrundlag}
        />
      )}
    </section>
  );
}
