// Sign-in state: the API key lives in sessionStorage only (gone when the tab closes), the role
// comes from the server. Every view gets the API through this context.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { type Api, type Bruger, lavApi } from "./api.js";
import { lavApiKald } from "./api-klient.js";
import { meldLogUd } from "./log-ud.js";
import { harRolle, type Rolle } from "./roller.js";

const NOEGLE = "specialisering.noegle";
const BRUGER = "specialisering.bruger";

interface Session {
  noegle: string;
  bruger: Bruger;
}

interface AuthVaerdi {
  session: Session | null;
  api: Api;
  logInd(noegle: string): Promise<void>;
  logUd(): void;
  kan(rolle: Rolle): boolean;
}

const AuthContext = createContext<AuthVaerdi | null>(null);

function gemtSession(): Session | null {
  try {
    const noegle = sessionStorage.getItem(NOEGLE);
    const bruger = sessionStorage.getItem(BRUGER);
    if (!noegle || !bruger) return null;
    return { noegle, bruger: JSON.parse(bruger) as Bruger };
  } catch {
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(gemtSession);

  const logUd = useCallback(() => {
    sessionStorage.removeItem(NOEGLE);
    sessionStorage.removeItem(BRUGER);
    meldLogUd();
    setSession(null);
  }, []);

  const api = useMemo(() => lavApi(lavApiKald(session?.noegle ?? "", logUd)), [session?.noegle, logUd]);

  const logInd = useCallback(async (noegle: string) => {
    const proeve = lavApi(lavApiKald(noegle));
    const [bruger] = await Promise.all([proeve.mig(), proeve.maalgrupper()]);
    sessionStorage.setItem(NOEGLE, noegle);
    sessionStorage.setItem(BRUGER, JSON.stringify(bruger));
    setSession({ noegle, bruger });
  }, []);

  const vaerdi = useMemo<AuthVaerdi>(
    () => ({ session, api, logInd, logUd, kan: (rolle) => harRolle(session?.bruger.rolle, rolle) }),
    [session, api, logInd, logUd],
  );
  return <AuthContext.Provider value={vaerdi}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthVaerdi {
  const v = useContext(AuthContext);
  if (!v) throw new Error("Editor: useAuth() must be used inside <AuthProvider>");
  return v;
}
