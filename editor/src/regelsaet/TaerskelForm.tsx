// "Tærskler og vægte": a form generated from the regelsæt — every threshold (and its variants),
// each parameter's weight and on/off switch, and the policy numbers. Every change is written into
// the JSON text at its path, so form and editor stay in step both ways.
import type { JSONPath } from "jsonc-parser";
import { useId } from "react";
import {
  type Indplaceringspolitik,
  type Parameter,
  type Taerskel,
  taerskelEtiket,
  taerskelGraenseBrud,
  taerskelGrupper,
  taerskelVaerdiTekst,
} from "../../../engine/index.js";
import { KildeLinje } from "../faelles/Kilde.js";
import { ListeFelt } from "../faelles/ListeFelt.js";
import { TalFelt } from "../faelles/TalFelt.js";

interface Props {
  vaerdi: unknown;
  aendre: (sti: JSONPath, vaerdi: unknown) => void;
  kunLaes: boolean;
}

interface Form {
  taerskler: Record<string, Taerskel>;
  parametre: Parameter[];
  indplacering: Partial<Indplaceringspolitik>;
  kilder?: Record<string, { titel: string }>;
}

function somForm(v: unknown): Form | null {
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.taerskler !== "object" || o.taerskler === null || !Array.isArray(o.parametre)) return null;
  return {
    taerskler: o.taerskler as Record<string, Taerskel>,
    parametre: (o.parametre as Parameter[]).filter((p) => typeof p === "object" && p !== null),
    indplacering: (typeof o.indplacering === "object" && o.indplacering !== null
      ? o.indplacering
      : {}) as Form["indplacering"],
    kilder: (typeof o.kilder === "object" && o.kilder !== null ? o.kilder : undefined) as Form["kilder"],
  };
}

/** "højt · mindst antal borgere" → "Højt · mindst antal borgere": the row's own words under its parameter. */
const stort = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
function raekkeEtiket(f: Form, navn: string): string {
  const e = taerskelEtiket(f, navn);
  return stort(e.tekst.slice(e.gruppeNavn.length).replace(/^ · /, "") || e.tekst);
}

function TaerskelRaekke({
  navn,
  t,
  f,
  aendre,
  kunLaes,
}: { navn: string; t: Taerskel; f: Form } & Omit<Props, "vaerdi">) {
  const beskrivelseId = useId();
  const procent = t.enhed === "andel";
  const erListe = Array.isArray(t.vaerdi);
  const tjek = (v: number) => taerskelGraenseBrud(t, v);
  const graenser = [
    t.min !== undefined ? `mindst ${taerskelVaerdiTekst(t.min, t.enhed)}` : undefined,
    t.max !== undefined ? `højst ${taerskelVaerdiTekst(t.max, t.enhed)}` : undefined,
  ].filter(Boolean);
  return (
    <div className="taerskel">
      <div className="taerskel-hoved">
        {erListe ? (
          <span className="taerskel-liste">
            <label htmlFor={`${beskrivelseId}-felt`}>
              {raekkeEtiket(f, navn)} <span className="diskret mono under-label">{navn}</span>
            </label>
            <ListeFelt
              id={`${beskrivelseId}-felt`}
              vaerdi={t.vaerdi as string[]}
              kunLaes={kunLaes}
              beskrivelseId={beskrivelseId}
              onAendring={(v) => aendre(["taerskler", navn, "vaerdi"], v)}
            />
          </span>
        ) : (
          <TalFelt
            label={raekkeEtiket(f, navn)}
            underLabel={navn}
            id={`taerskel-${navn}`}
            tjek={tjek}
            vaerdi={t.vaerdi as number}
            procent={procent}
            min={t.min ?? (procent ? 0 : undefined)}
            max={t.max ?? (procent ? 1 : undefined)}
            skyder
            kunLaes={kunLaes}
            beskrivelseId={beskrivelseId}
            onAendring={(v) => aendre(["taerskler", navn, "vaerdi"], v)}
          />
        )}
        {t.antagelse && (
          <span className="maerke maerke-antagelse" title="Kilderne giver ikke et tal; værdien er en pilotantagelse.">
            Pilotantagelse
          </span>
        )}
      </div>
      <p id={beskrivelseId} className="diskret taerskel-beskrivelse">
        {t.beskrivelse}
        {graenser.length > 0 && <> Grænser: {graenser.join(", ")}.</>}
      </p>
      {/* An assumption is already marked by its badge and explained in the description. */}
      <KildeLinje kilde={t.kilde} dokumenter={f.kilder} />
      {!erListe && (t.varianter ?? []).length > 0 && (
        <ul className="varianter">
          {(t.varianter ?? []).map((v, i) => {
            return (
              <li key={v.navn}>
                <TalFelt
                  label={`Variant for ${taerskelEtiket(f, `${navn}@${v.navn}`).tekst.split(" · ").pop()}`}
                  underLabel={`${navn}@${v.navn}`}
                  id={`taerskel-${navn}@${v.navn}`}
                  tjek={tjek}
                  vaerdi={v.vaerdi as number}
                  procent={procent}
                  kunLaes={kunLaes}
                  onAendring={(x) => aendre(["taerskler", navn, "varianter", i, "vaerdi"], x)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Politik({
  p,
  parametre,
  aendre,
  kunLaes,
}: { p: Form["indplacering"]; parametre: Parameter[] } & Omit<Props, "vaerdi">) {
  const metodeId = useId();
  const vaerdier = p.niveauvaerdier ?? { ingen: 0, let: 1, moderat: 2, hoej: 3 };
  return (
    <fieldset className="gruppe">
      <legend>Indplaceringspolitik</legend>
      <div className="felt-raekke">
        <label htmlFor={metodeId}>Metode</label>
        <select
          id={metodeId}
          value={p.metode ?? "optaelling"}
          disabled={kunLaes}
          onChange={(e) => aendre(["indplacering", "metode"], e.target.value)}
        >
          <option value="optaelling">Optælling (Tabel 4)</option>
          <option value="vaegtet">Vægtet score</option>
        </select>
      </div>
      <label className="afkryds">
        <input
          type="checkbox"
          checked={p.toNiveauer === true}
          disabled={kunLaes}
          onChange={(e) => aendre(["indplacering", "toNiveauer"], e.target.checked)}
        />
        Ansøgningsmodel: kun to niveauer (højt mod resten)
      </label>
      <div className="felt-raekke">
        <TalFelt
          label="Referenceantal aktive parametre"
          vaerdi={p.referenceAntal}
          kunLaes={kunLaes}
          onAendring={(v) => aendre(["indplacering", "referenceAntal"], Math.max(1, Math.round(v)))}
        />
      </div>
      <div className="felt-raekke niveauvaerdier">
        <span>Point pr. niveau (vægtet):</span>
        {(["ingen", "let", "moderat", "hoej"] as const).map((n) => (
          <TalFelt
            key={n}
            label={n === "hoej" ? "højt" : n}
            vaerdi={vaerdier[n]}
            kunLaes={kunLaes}
            onAendring={(v) => aendre(["indplacering", "niveauvaerdier"], { ...vaerdier, [n]: v })}
          />
        ))}
      </div>
      {(["moderat", "hoej"] as const).map((niveau) => (
        <fieldset key={niveau} className="krav">
          <legend>Krav for {niveau === "hoej" ? "højt" : "moderat"} niveau: disse parametre skal være opfyldt</legend>
          {parametre.map((par) => {
            const valgt = p.krav?.[niveau]?.includes(par.id) ?? false;
            return (
              <label key={par.id} className="afkryds">
                <input
                  type="checkbox"
                  checked={valgt}
                  disabled={kunLaes}
                  onChange={(e) => {
                    const nu = p.krav?.[niveau] ?? [];
                    const ny = e.target.checked ? [...nu, par.id] : nu.filter((x) => x !== par.id);
                    aendre(["indplacering", "krav", niveau], ny);
                  }}
                />
                {par.navn}
              </label>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

export function TaerskelForm({ vaerdi, aendre, kunLaes }: Props) {
  const f = somForm(vaerdi);
  if (!f) return <p>Formularen vises, når JSON-teksten har felterne taerskler og parametre.</p>;
  // Every threshold with a readable shape, grouped by parameter in the regelsæt's order.
  const gyldige = Object.fromEntries(
    Object.entries(f.taerskler).filter(([, t]) => typeof t === "object" && t !== null && "vaerdi" in t),
  );
  const grupper = taerskelGrupper({ parametre: f.parametre, taerskler: gyldige }, { medVarianter: false });
  return (
    <div className="taerskel-form">
      <fieldset className="gruppe">
        <legend>Parametre: til/fra og vægt</legend>
        <table className="tabel kompakt">
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Aktiv</th>
              <th scope="col">Vægt</th>
            </tr>
          </thead>
          <tbody>
            {f.parametre.map((p, i) => (
              <tr key={p.id}>
                <th scope="row">{p.navn}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${p.navn} aktiv`}
                    checked={p.aktiv !== false}
                    disabled={kunLaes}
                    onChange={(e) => aendre(["parametre", i, "aktiv"], e.target.checked)}
                  />
                </td>
                <td>
                  <TalFelt
                    label={`Vægt for ${p.navn}`}
                    skjulLabel
                    vaerdi={p.vaegt ?? 1}
                    kunLaes={kunLaes}
                    onAendring={(v) => aendre(["parametre", i, "vaegt"], Math.max(0, v))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <Politik p={f.indplacering} parametre={f.parametre} aendre={aendre} kunLaes={kunLaes} />
      {grupper.map((g) => (
        <fieldset key={g.gruppe} className="gruppe">
          <legend>Tærskler: {g.navn}</legend>
          {g.taerskler.map(({ navn }) => {
            const t = f.taerskler[navn];
            return t ? <TaerskelRaekke key={navn} navn={navn} t={t} f={f} aendre={aendre} kunLaes={kunLaes} /> : null;
          })}
        </fieldset>
      ))}
    </div>
  );
}
