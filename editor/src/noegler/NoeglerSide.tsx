// Nøgler (admin): the API keys by name and role — never their secrets — creating a key (its
// secret is shown once) and revoking one.
import { type FormEvent, useId, useState } from "react";
import { ApiFejl, fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { datoTid } from "../faelles/format.js";
import { ROLLE_NAVN, ROLLER, type Rolle } from "../faelles/roller.js";
import { Fejlboks, Indlaeser } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";

/**
 * The key the server itself makes (api/store/noegler.ts, LOKAL_CLI) with the embedded database, for
 * the key command on the same machine: a new secret at every start, written to a file only the
 * server's user can read, revoked when the server stops. The server refuses to revoke it here.
 */
const LOKAL_CLI = "lokal-cli";

export default function NoeglerSide() {
  const { api, session } = useAuth();
  const id = useId();
  const noegler = useHent(() => api.noegler(), [api]);
  const [navn, setNavn] = useState("");
  const [rolle, setRolle] = useState<Rolle>("laeser");
  const [ny, setNy] = useState<{ navn: string; hemmelighed: string } | null>(null);
  const [fejl, setFejl] = useState<unknown>();

  const opret = async (e: FormEvent) => {
    e.preventDefault();
    setFejl(undefined);
    try {
      const hemmelighed = await api.opretNoegle(navn.trim(), rolle);
      setNy({ navn: navn.trim(), hemmelighed });
      setNavn("");
      noegler.genindlaes();
    } catch (err) {
      setFejl(err);
    }
  };

  const tilbagekald = async (n: string) => {
    if (!window.confirm(`Tilbagekald nøglen «${n}»? Den holder op med at virke med det samme.`)) return;
    setFejl(undefined);
    try {
      await api.sletNoegle(n);
      noegler.genindlaes();
    } catch (err) {
      setFejl(err);
    }
  };

  return (
    <section className="side">
      <h1>API-nøgler</h1>
      <p className="indledning">
        Hver nøgle har et navn og en rolle. Navnet står i revisionssporet ved hver ændring og afgørelse. Nøglens
        hemmelighed vises kun én gang, når den oprettes.
      </p>
      <form className="kort felt-raekke" onSubmit={opret}>
        <label htmlFor={`${id}-navn`}>Navn</label>
        <input
          id={`${id}-navn`}
          type="text"
          value={navn}
          onChange={(e) => setNavn(e.target.value)}
          required
          aria-describedby={`${id}-navn-hjaelp`}
        />
        <label htmlFor={`${id}-rolle`}>Rolle</label>
        <select id={`${id}-rolle`} value={rolle} onChange={(e) => setRolle(e.target.value as Rolle)}>
          {ROLLER.map((r) => (
            <option key={r} value={r}>
              {ROLLE_NAVN[r]}
            </option>
          ))}
        </select>
        <button type="submit" className="primaer" disabled={navn.trim() === ""}>
          Opret nøgle
        </button>
        <p id={`${id}-navn-hjaelp`} className="diskret noegle-hjaelp">
          Navnet må indeholde bogstaverne a–z, tal, punktum, bindestreg og understregning, fx <code>tilsyn-nord</code>.
        </p>
      </form>
      {ny && (
        <div className="besked ok" role="status">
          Nøglen «{ny.navn}» er oprettet. Kopiér den nu; den vises ikke igen:
          <div>
            <code className="ny-noegle" data-testid="ny-noegle">
              {ny.hemmelighed}
            </code>
          </div>
        </div>
      )}
      {fejl !== undefined && (
        <Fejlboks>
          {fejlTekst(fejl)}
          {/* The server says why (which characters a name may hold): show that, not only that it failed. */}
          {fejl instanceof ApiFejl && fejl.detaljer.length > 0 && (
            <ul>
              {fejl.detaljer.map((d) => (
                <li key={`${d.path}:${d.message}`}>{d.message}</li>
              ))}
            </ul>
          )}
        </Fejlboks>
      )}
      {noegler.indlaeser && !noegler.data && <Indlaeser />}
      {noegler.fejl !== undefined && <Fejlboks>{fejlTekst(noegler.fejl)}</Fejlboks>}
      {noegler.data && (
        <table className="tabel">
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Rolle</th>
              <th scope="col">Oprettet</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="skjult">Handlinger</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {noegler.data.map((n) => (
              <tr key={n.navn}>
                <th scope="row">
                  {n.navn}
                  {n.navn === LOKAL_CLI && (
                    <div className="diskret noegle-forklaring">
                      Serverens egen nøgle til <code>npm run noegle</code> på denne maskine, mens serveren kører. Den
                      får en ny hemmelighed ved hver start og tilbagekaldes, når serveren stopper.
                    </div>
                  )}
                </th>
                <td>{ROLLE_NAVN[n.rolle]}</td>
                <td>{datoTid(n.oprettet)}</td>
                <td>{n.tilbagekaldt ? "Tilbagekaldt" : "Aktiv"}</td>
                <td>
                  {!n.tilbagekaldt && n.navn !== session?.bruger.navn && n.navn !== LOKAL_CLI && (
                    <button type="button" className="fare" onClick={() => void tilbagekald(n.navn)}>
                      Tilbagekald
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
