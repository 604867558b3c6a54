// The konsekvensanalyse before publishing: the saved draft run over the decision in force of every
// tilbud in the målgruppe, beside the published version — the scenario view on real decisions.
import { useMemo } from "react";
import { useAuth } from "../faelles/auth.js";
import { Fejlboks, Indlaeser } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";
import { Resultater } from "../scenarier/Resultater.js";
import type { Konsekvens } from "./typer.js";

export function KonsekvensPanel({ maalgruppe }: { maalgruppe: string }) {
  const { api } = useAuth();
  const k = useHent(
    (s) => api.json<Konsekvens>(`/regelsaet/${encodeURIComponent(maalgruppe)}/kladde/konsekvens`, s),
    [api, maalgruppe],
  );
  const navne = useMemo(() => new Map<string, string>(), []);
  if (k.fejl) return <Fejlboks>Konsekvensanalysen kunne ikke beregnes (er kladden gemt?).</Fejlboks>;
  if (!k.data) return <Indlaeser tekst="Beregner konsekvenserne for de gældende afgørelser …" />;
  const r = k.data.resume;
  const parametre = Object.entries(r.parametre);
  return (
    <section className="konsekvens" aria-labelledby="konsekvens-titel" data-testid="konsekvens">
      <h3 id="konsekvens-titel">Konsekvenser for de gældende afgørelser</h3>
      <p data-testid="konsekvens-resume">
        {r.afgoerelser} gældende afgørelser
        {k.data.regelsaet.fra ? ` (mod version ${k.data.regelsaet.fra.version})` : ""}:{" "}
        <strong>{r.flyttede} flytter</strong> — {r.op} op, {r.ned} ned.
        {r.udeladte > 0 ? ` ${r.udeladte} kunne ikke køres igen.` : ""} Beregnet på den gemte kladde.
      </p>
      {parametre.length > 0 && (
        <p>Parametre, der flytter dem: {parametre.map(([id, x]) => `${id} (↑${x.op} ↓${x.ned})`).join(", ")}</p>
      )}
      {r.afgoerelser > 0 && <Resultater s={k.data} navne={navne} />}
    </section>
  );
}
