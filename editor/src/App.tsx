// Routes to the views. Every view but the overview is loaded lazily, so the first view needs
// neither the engine nor Monaco nor chart.js.
import { lazy, type ReactNode, Suspense } from "react";
import { useAuth } from "./faelles/auth.js";
import { Layout } from "./faelles/Layout.js";
import { LogInd } from "./faelles/LogInd.js";
import type { Rolle } from "./faelles/roller.js";
import { Link, match, useSti } from "./faelles/router.js";
import { Fejlboks, Indlaeser } from "./faelles/Status.js";
import { Oversigt } from "./oversigt/Oversigt.js";

const RegelsaetSide = lazy(() => import("./regelsaet/RegelsaetSide.js"));
const ScenarieSide = lazy(() => import("./scenarier/ScenarieSide.js"));
const HistorikSide = lazy(() => import("./historik/HistorikSide.js"));
const VurderingSide = lazy(() => import("./vurdering/VurderingSide.js"));
const NoeglerSide = lazy(() => import("./noegler/NoeglerSide.js"));
const TilbudListe = lazy(() => import("./tilbud/TilbudSide.js").then((m) => ({ default: m.TilbudListe })));
const TilbudHistorikSide = lazy(() =>
  import("./tilbud/TilbudSide.js").then((m) => ({ default: m.TilbudHistorikSide })),
);
const KonsistensSide = lazy(() => import("./tilbud/KonsistensSide.js"));

function Kraever({ rolle, children }: { rolle: Rolle; children: ReactNode }) {
  const { kan } = useAuth();
  if (kan(rolle)) return children;
  return (
    <Fejlboks>
      Din rolle giver ikke adgang til denne side. <Link til="/">Til oversigten</Link>
    </Fejlboks>
  );
}

function Side() {
  const { sti } = useSti();
  if (sti === "/") return <Oversigt />;
  let p = match("/regelsaet/:maalgruppe", sti);
  if (p) return <RegelsaetSide key={p.maalgruppe} maalgruppe={p.maalgruppe ?? ""} />;
  p = match("/regelsaet/:maalgruppe/scenarier", sti);
  if (p)
    return (
      <Kraever rolle="forfatter">
        <ScenarieSide key={p.maalgruppe} maalgruppe={p.maalgruppe ?? ""} />
      </Kraever>
    );
  p = match("/regelsaet/:maalgruppe/historik", sti);
  if (p) return <HistorikSide key={p.maalgruppe} maalgruppe={p.maalgruppe ?? ""} />;
  if (sti === "/vurdering")
    return (
      <Kraever rolle="tilsyn">
        <VurderingSide />
      </Kraever>
    );
  if (sti === "/tilbud")
    return (
      <Kraever rolle="tilsyn">
        <TilbudListe />
      </Kraever>
    );
  p = match("/tilbud/:id", sti);
  if (p)
    return (
      <Kraever rolle="tilsyn">
        <TilbudHistorikSide key={p.id} id={p.id ?? ""} />
      </Kraever>
    );
  if (sti === "/konsistens")
    return (
      <Kraever rolle="forfatter">
        <KonsistensSide />
      </Kraever>
    );
  if (sti === "/noegler")
    return (
      <Kraever rolle="admin">
        <NoeglerSide />
      </Kraever>
    );
  return (
    <Fejlboks>
      Siden findes ikke. <Link til="/">Til oversigten</Link>
    </Fejlboks>
  );
}

export function App() {
  const { session } = useAuth();
  if (!session) return <LogInd />;
  return (
    <Layout>
      <Suspense fallback={<Indlaeser />}>
        <Side />
      </Suspense>
    </Layout>
  );
}
