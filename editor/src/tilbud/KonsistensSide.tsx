// For Socialstyrelsen's analysts: how often each socialtilsyn's own assessment departs from the
// rule level for the same input, per parameter and direction — a chart and the table beneath it.
import { useId, useMemo, useState } from "react";
import { useAuth } from "../faelles/auth.js";
import { Fejlboks, Indlaeser } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";
import { Diagram } from "../scenarier/Diagram.js";
import { type Konsistens, TILSYN_NAVN } from "./typer.js";

function Tabel({ k }: { k: Konsistens }) {
  const serier = useMemo(
    () => [
      { navn: "Tilsynet højere end reglen", farve: "#5c8a4d", data: k.socialtilsyn.map((r) => sum(r, "op")) },
      { navn: "Tilsynet lavere end reglen", farve: "#b5523b", data: k.socialtilsyn.map((r) => sum(r, "ned")) },
    ],
    [k],
  );
  const etiketter = useMemo(() => k.socialtilsyn.map((r) => TILSYN_NAVN[r.socialtilsyn] ?? r.socialtilsyn), [k]);
  return (
    <>
      <Diagram
        type="bar"
        etiketter={etiketter}
        serier={serier}
        ariaLabel="Søjlediagram: antal parameterniveauer pr. socialtilsyn, hvor tilsynets vurdering er højere eller lavere end regelniveauet. Tallene står i tabellen."
        yTitel="Afvigelser"
      />
      <div className="rulle-x">
        <table className="tabel kompakt" data-testid="konsistens-tabel">
          <caption className="diskret">
            Pr. parameter: vurderet af tilsynet · heraf op (↑) og ned (↓) i forhold til reglen for samme oplysninger.
          </caption>
          <thead>
            <tr>
              <th scope="col">Socialtilsyn</th>
              <th scope="col">Afgørelser</th>
              <th scope="col">Afvigelser</th>
              {k.parametre.map((p) => (
                <th key={p} scope="col">
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {k.socialtilsyn.map((r) => (
              <tr key={r.socialtilsyn}>
                <th scope="row">{TILSYN_NAVN[r.socialtilsyn] ?? r.socialtilsyn}</th>
                <td className="tal">{r.afgoerelser}</td>
                <td className="tal">
                  {r.afvigelser} af {r.vurderet}
                </td>
                {k.parametre.map((p) => {
                  const x = r.parametre[p];
                  return (
                    <td key={p} className="tal">
                      {x && x.vurderet > 0 ? `${x.vurderet} · ↑${x.op} ↓${x.ned}` : "–"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const sum = (r: Konsistens["socialtilsyn"][number], felt: "op" | "ned") =>
  Object.values(r.parametre).reduce((n, x) => n + x[felt], 0);

export default function KonsistensSide() {
  const { api } = useAuth();
  const id = useId();
  const maalgrupper = useHent((s) => api.maalgrupper(s), [api]);
  const [valgt, setValgt] = useState("autisme");
  const k = useHent(
    (s) => api.json<Konsistens>(`/konsistens?maalgruppe=${encodeURIComponent(valgt)}`, s),
    [api, valgt],
  );
  return (
    <section aria-labelledby={`${id}-titel`}>
      <h1 id={`${id}-titel`}>Ensartet vurdering på tværs af socialtilsyn</h1>
      <p>
        For hver gældende afgørelse sammenlignes tilsynets eget niveau for en parameter med det niveau, reglen giver for
        de samme oplysninger og den version, afgørelsen blev truffet med.
      </p>
      <div className="felt-raekke">
        <label htmlFor={`${id}-m`}>Målgruppe</label>
        <select id={`${id}-m`} value={valgt} onChange={(e) => setValgt(e.target.value)}>
          {(maalgrupper.data ?? [{ maalgruppe: "autisme", titel: "autisme" }]).map((m) => (
            <option key={m.maalgruppe} value={m.maalgruppe}>
              {m.titel}
            </option>
          ))}
        </select>
      </div>
      {k.fejl ? (
        <Fejlboks>Konsistenstallene kunne ikke hentes.</Fejlboks>
      ) : k.data ? (
        <Tabel k={k.data} />
      ) : (
        <Indlaeser />
      )}
    </section>
  );
}
