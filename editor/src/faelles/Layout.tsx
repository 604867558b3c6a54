// The page frame: a header with the sections the role may see, who is signed in, and sign-out.
import { type ReactNode, useEffect, useRef } from "react";
import { useAuth } from "./auth.js";
import { ROLLE_NAVN } from "./roller.js";
import { Link, useSti } from "./router.js";

function NavLink({ til, children, aktiv }: { til: string; children: ReactNode; aktiv: boolean }) {
  return (
    <Link til={til} aria-current={aktiv ? "page" : undefined} className={aktiv ? "aktiv" : undefined}>
      {children}
    </Link>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { session, logUd, kan } = useAuth();
  const { sti } = useSti();
  const forrigeSti = useRef(sti);
  // After navigating, focus moves to the new page's content (as a page load would).
  useEffect(() => {
    if (sti === forrigeSti.current) return;
    forrigeSti.current = sti;
    document.getElementById("indhold")?.focus({ preventScroll: true });
  }, [sti]);
  return (
    <>
      <a className="spring-over" href="#indhold">
        Spring til indhold
      </a>
      <header className="topbar">
        <Link til="/" className="logo">
          Specialiseringsmodellen
        </Link>
        <nav aria-label="Hovedmenu">
          <NavLink til="/" aktiv={sti === "/" || sti.startsWith("/regelsaet")}>
            Målgrupper
          </NavLink>
          {kan("tilsyn") && (
            <NavLink til="/vurdering" aktiv={sti.startsWith("/vurdering")}>
              Vurdering
            </NavLink>
          )}
          {kan("tilsyn") && (
            <NavLink til="/tilbud" aktiv={sti.startsWith("/tilbud")}>
              Tilbud
            </NavLink>
          )}
          {kan("forfatter") && (
            <NavLink til="/konsistens" aktiv={sti.startsWith("/konsistens")}>
              Konsistens
            </NavLink>
          )}
          {kan("admin") && (
            <NavLink til="/noegler" aktiv={sti.startsWith("/noegler")}>
              Nøgler
            </NavLink>
          )}
        </nav>
        {session && (
          <div className="bruger">
            <span>
              {session.bruger.navn && <strong>{session.bruger.navn}</strong>}{" "}
              <span className="rolle-maerke">{ROLLE_NAVN[session.bruger.rolle]}</span>
            </span>
            <button type="button" onClick={logUd}>
              Log ud
            </button>
          </div>
        )}
      </header>
      <main id="indhold" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
