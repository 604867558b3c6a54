// For a socialtilsyn caseworker: the tilbud the key's organisation supervises, the reassessments
// that are due or overdue per socialtilsyn, and one tilbud's history — every decision with its
// version, status and reason for change, and each parameter's level over time.
import { useMemo } from "react";
import { RANG } from "../../../engine/index.js";
import { useAuth } from "../faelles/auth.js";
import { niveauNavn } from "../faelles/niveau.js";
import { Link } from "../faelles/router.js";
import { Fejlboks, Indlaeser } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";
import { Diagram, NIVEAU_FARVE } from "../scenarier/Diagram.js";
import { AARSAG_NAVN, type Historik, type Revurderinger, STATUS_NAVN, TILSYN_NAVN, type TilbudInfo } from "./typer.js";

function RevurderingsListe({ r }: { r: Revurderinger }) {
  return (
    <section aria-labelledby="revurderinger-titel">
      <h2 id="revurderinger-titel">Revurderinger, der er forfaldne eller forfalder inden {r.til}</h2>
      {r.socialtilsyn.map((g) => (
        <div key={g.socialtilsyn} className="revurdering-gruppe">
          <h3>
            {TILSYN_NAVN[g.socialtilsyn] ?? g.socialtilsyn}: {g.forfaldne} forfaldne, {g.snart} snart
          </h3>
          {g.revurderinger.length > 0 && (
            <table className="tabel kompakt" data-testid={`revurderinger-${g.socialtilsyn}`}>
              <thead>
                <tr>
                  <th scope="col">Tilbud</th>
                  <th scope="col">Afdeling</th>
                  <th scope="col">Målgruppe</th>
                  <th scope="col">Niveau</th>
                  <th scope="col">Næste vurdering</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {g.revurderinger.map((x) => (
                  <tr key={`${x.tilbud.id}-${x.afdeling}-${x.maalgruppe}`} className={x.status}>
                    <td>
                      <Link til={`/tilbud/${encodeURIComponent(x.tilbud.id)}`}>{x.tilbud.navn}</Link>
                    </td>
                    <td>{x.afdeling ?? "Hele tilbuddet"}</td>
                    <td>{x.maalgruppe}</td>
                    <td>{niveauNavn(x.niveau)}</td>
                    <td>{x.naesteVurdering}</td>
                    <td>
                      {x.status === "forfalden" ? "Forfalden" : "Snart"}
                      {x.overgang ? " (overgangsperiode)" : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}

export function TilbudListe() {
  const { api } = useAuth();
  const tilbud = useHent((s) => api.json<{ tilbud: TilbudInfo[] }>("/tilbud", s), [api]);
  const revurderinger = useHent((s) => api.json<Revurderinger>("/revurderinger", s), [api]);
  if (tilbud.fejl || revurderinger.fejl) return <Fejlboks>Tilbuddene kunne ikke hentes.</Fejlboks>;
  if (!tilbud.data || !revurderinger.data) return <Indlaeser />;
  return (
    <section aria-labelledby="tilbud-titel">
      <h1 id="tilbud-titel">Tilbud</h1>
      <RevurderingsListe r={revurderinger.data} />
      <h2>Registrerede tilbud</h2>
      <table className="tabel" data-testid="tilbud-liste">
        <thead>
          <tr>
            <th scope="col">Tilbud</th>
            <th scope="col">Type</th>
            <th scope="col">Socialtilsyn</th>
            <th scope="col">Afdelinger</th>
          </tr>
        </thead>
        <tbody>
          {tilbud.data.tilbud.map((t) => (
            <tr key={t.id}>
              <td>
                <Link til={`/tilbud/${encodeURIComponent(t.id)}`}>{t.navn}</Link>{" "}
                <span className="diskret">{t.id}</span>
              </td>
              <td>{t.type}</td>
              <td>{TILSYN_NAVN[t.socialtilsyn] ?? t.socialtilsyn}</td>
              <td>{t.afdelinger.map((a) => a.navn).join(", ") || "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const FARVER = ["#1d3b6b", "#3d67a8", "#7fb8e6", "#b5523b", "#d99a3d", "#5c8a4d", "#7d5ba6", "#9aa3b0"];

/** Each parameter's level (0–3) per decision for one afdeling and målgruppe, as lines. */
function ParameterForloeb({ poster }: { poster: Historik["afgoerelser"] }) {
  const etiketter = useMemo(() => poster.map((p) => p.gyldigFra), [poster]);
  const serier = useMemo(() => {
    const ids = [...new Set(poster.flatMap((p) => p.parametre.map((x) => x.id)))];
    return ids.map((id, i) => ({
      navn: id,
      data: poster.map(
        (p) => (RANG as Record<string, number>)[p.parametre.find((x) => x.id === id)?.niveau ?? "ingen"] ?? 0,
      ),
      farve: FARVER[i % FARVER.length] ?? NIVEAU_FARVE.moderat ?? "#3d67a8",
    }));
  }, [poster]);
  if (poster.length === 0) return null;
  return (
    <Diagram
      type="line"
      etiketter={etiketter}
      serier={serier}
      ariaLabel="Linjediagram: hver parameters niveau (0 ingen, 1 let, 2 moderat, 3 højt) ved hver afgørelse. Niveauerne står også i tabellen."
      xTitel="Gyldig fra"
      yTitel="Niveau (0–3)"
    />
  );
}

export function TilbudHistorikSide({ id }: { id: string }) {
  const { api } = useAuth();
  const h = useHent((s) => api.json<Historik>(`/tilbud/${encodeURIComponent(id)}/historik`, s), [api, id]);
  if (h.fejl) return <Fejlboks>Tilbuddet findes ikke, eller det hører til et andet socialtilsyn.</Fejlboks>;
  if (!h.data) return <Indlaeser />;
  const { tilbud, afgoerelser, revurderinger } = h.data;
  const enheder = [...new Set(afgoerelser.map((a) => `${a.afdeling ?? ""}|${a.maalgruppe}`))];
  return (
    <section aria-labelledby="historik-titel">
      <p>
        <Link til="/tilbud">← Alle tilbud</Link>
      </p>
      <h1 id="historik-titel">
        {tilbud.navn} <span className="diskret">{tilbud.id}</span>
      </h1>
      <p>
        {TILSYN_NAVN[tilbud.socialtilsyn] ?? tilbud.socialtilsyn} · {tilbud.type}
        {tilbud.kommune ? ` · ${tilbud.kommune}` : ""} · afdelinger:{" "}
        {tilbud.afdelinger
          .map((a) => `${a.navn} (${a.maalgruppe}${a.pladser ? `, ${a.pladser} pladser` : ""})`)
          .join(", ") || "ingen"}
      </p>
      <h2>Næste vurdering</h2>
      <ul data-testid="tilbud-revurderinger">
        {revurderinger.map((r) => (
          <li key={r.afgoerelse} className={r.status}>
            {r.afdeling ?? "Hele tilbuddet"}: {r.naesteVurdering} —{" "}
            {r.status === "forfalden" ? "forfalden" : r.status === "snart" ? "forfalder snart" : "ikke forfalden"}
          </li>
        ))}
      </ul>
      {enheder.map((enhed) => {
        const poster = afgoerelser.filter((a) => `${a.afdeling ?? ""}|${a.maalgruppe}` === enhed);
        const [afdeling, maalgruppe] = enhed.split("|");
        return (
          <section key={enhed} className="historik-enhed">
            <h2>
              {afdeling ? `Afdeling ${afdeling}` : "Hele tilbuddet"} · {maalgruppe}
            </h2>
            <ParameterForloeb poster={poster.filter((p) => p.status !== "kladde")} />
            <div className="rulle-x">
              <table className="tabel kompakt" data-testid="historik-tabel">
                <thead>
                  <tr>
                    <th scope="col">Gyldig fra</th>
                    <th scope="col">Niveau</th>
                    <th scope="col">Version</th>
                    <th scope="col">Status</th>
                    <th scope="col">Hvorfor ændret</th>
                    <th scope="col">Parametre</th>
                    <th scope="col">Næste vurdering</th>
                  </tr>
                </thead>
                <tbody>
                  {poster.map((p) => (
                    <tr key={p.id}>
                      <td>{p.gyldigFra}</td>
                      <td>{niveauNavn(p.niveau)}</td>
                      <td>{p.regelsaet.version ?? "kladde"}</td>
                      <td
                        title={p.haendelser
                          .map((x) => `${x.tidspunkt.slice(0, 10)} ${x.status}: ${x.begrundelse}`)
                          .join("\n")}
                      >
                        {STATUS_NAVN[p.status] ?? p.status}
                      </td>
                      <td>
                        {AARSAG_NAVN[p.aendring.aarsag]}
                        {p.aendring.felter && p.aendring.felter.length > 0 ? `: ${p.aendring.felter.join(", ")}` : ""}
                        {p.aendring.regelsaet
                          ? ` (version ${p.aendring.regelsaet.fra} → ${p.aendring.regelsaet.til})`
                          : ""}
                      </td>
                      <td className="diskret">
                        {p.parametre
                          .map((x) => `${x.id} ${niveauNavn(x.niveau)}${x.tilsynsvurdering ? " (tilsyn)" : ""}`)
                          .join(", ")}
                      </td>
                      <td>
                        {p.naesteVurdering}
                        {p.overgang.length > 0
                          ? ` · overgang: ${p.overgang.map((o) => `${o.parameter} beholder ${niveauNavn(o.niveau)} til ${o.til}`).join("; ")}`
                          : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </section>
  );
}
