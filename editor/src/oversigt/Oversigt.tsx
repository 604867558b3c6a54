// Oversigt: the målgrupper with their published version, last change and whether a draft exists.
import { fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { datoTid } from "../faelles/format.js";
import { Link } from "../faelles/router.js";
import { Fejlboks, Indlaeser } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";

export function Oversigt() {
  const { api, kan } = useAuth();
  const { data, fejl, indlaeser } = useHent((signal) => api.maalgrupper(signal), [api]);
  return (
    <section className="side">
      <h1>Målgrupper</h1>
      <p className="indledning">
        Hver målgruppe har sit eget regelsæt: de otte parametre med tærskler og vægte, som indplacerer en leverandør som
        let, moderat eller højt specialiseret.
      </p>
      {indlaeser && !data && <Indlaeser />}
      {fejl !== undefined && <Fejlboks>{fejlTekst(fejl)}</Fejlboks>}
      {data && (
        <table className="tabel oversigt-tabel">
          <thead>
            <tr>
              <th scope="col">Målgruppe</th>
              <th scope="col">Publiceret version</th>
              <th scope="col">Senest ændret</th>
              <th scope="col">Kladde</th>
              <th scope="col">
                <span className="skjult">Handlinger</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((m) => (
              <tr key={m.maalgruppe}>
                <th scope="row">
                  <Link til={`/regelsaet/${m.maalgruppe}`}>{m.titel}</Link>
                  <div className="diskret">{m.maalgruppe}</div>
                </th>
                <td>{m.version === null ? "Ingen" : `Version ${m.version}`}</td>
                <td>
                  {datoTid(m.kladdeOpdateret ?? m.publiceret)}
                  {m.forfatter && <div className="diskret">{m.forfatter}</div>}
                </td>
                <td>{m.kladde ? <span className="maerke maerke-kladde">Kladde findes</span> : "Ingen"}</td>
                <td>
                  <div className="handlinger">
                    <Link til={`/regelsaet/${m.maalgruppe}`}>{kan("forfatter") ? "Redigér" : "Se regelsæt"}</Link>
                    {kan("forfatter") && <Link til={`/regelsaet/${m.maalgruppe}/scenarier`}>Scenarier</Link>}
                    <Link til={`/regelsaet/${m.maalgruppe}/historik`}>Historik</Link>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
