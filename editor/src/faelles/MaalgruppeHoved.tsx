// The heading of a målgruppe's pages with links between its views.
import { useAuth } from "./auth.js";
import { Link } from "./router.js";

export function MaalgruppeHoved({
  maalgruppe,
  titel,
  aktiv,
}: {
  maalgruppe: string;
  titel?: string;
  aktiv: "regelsaet" | "scenarier" | "historik";
}) {
  const { kan } = useAuth();
  const links = [
    { id: "regelsaet", til: `/regelsaet/${maalgruppe}`, tekst: "Regelsæt" },
    ...(kan("forfatter") ? [{ id: "scenarier", til: `/regelsaet/${maalgruppe}/scenarier`, tekst: "Scenarier" }] : []),
    { id: "historik", til: `/regelsaet/${maalgruppe}/historik`, tekst: "Historik" },
  ];
  return (
    <div className="maalgruppe-hoved">
      <p className="broedkrumme">
        <Link til="/">Målgrupper</Link> / <span>{titel ?? maalgruppe}</span>
      </p>
      <nav aria-label="Målgruppens sider" className="undermenu">
        {links.map((l) => (
          <Link key={l.id} til={l.til} aria-current={l.id === aktiv ? "page" : undefined}>
            {l.tekst}
          </Link>
        ))}
      </nav>
    </div>
  );
}
