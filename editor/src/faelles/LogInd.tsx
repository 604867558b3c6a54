// The sign-in form: one API key, checked against the server before it is kept.
import { type FormEvent, useState } from "react";
import { fejlTekst } from "./api-klient.js";
import { useAuth } from "./auth.js";

export function LogInd() {
  const { logInd } = useAuth();
  const [noegle, setNoegle] = useState("");
  const [fejl, setFejl] = useState<string | null>(null);
  const [arbejder, setArbejder] = useState(false);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setArbejder(true);
    setFejl(null);
    try {
      await logInd(noegle.trim());
    } catch (err) {
      setFejl(fejlTekst(err));
    } finally {
      setArbejder(false);
    }
  };

  return (
    <main className="log-ind">
      <form className="kort log-ind-kort" onSubmit={send} aria-labelledby="log-ind-titel">
        <h1 id="log-ind-titel">Specialiseringsmodellen</h1>
        <p>Log ind med din API-nøgle. Nøglen gemmes kun i denne fane og glemmes, når du lukker den.</p>
        <label htmlFor="api-noegle">API-nøgle</label>
        <input
          id="api-noegle"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={noegle}
          onChange={(e) => setNoegle(e.target.value)}
          required
        />
        {fejl && (
          <p className="fejl" role="alert">
            {fejl}
          </p>
        )}
        <button type="submit" className="primaer" disabled={arbejder || noegle.trim() === ""}>
          {arbejder ? "Logger ind …" : "Log ind"}
        </button>
        <p className="hjaelp">
          Første gang serveren starter, skriver den en administratornøgle i sin log (<code>Admin-nøgle: …</code>).
        </p>
      </form>
    </main>
  );
}
