// Thresholds in an analyst's words: a dotted name (`aktivPraksis.hoej.minBorgere`) becomes
// "Aktiv praksis · højt · mindst antal borgere", derived from the regelsæt itself (the
// parameter's `navn`, the level in the name, the last part of the name and the threshold's
// `enhed`) so that a new parameter or threshold is named without a table per name. Values are
// written in their unit with a decimal comma ("50 %", "10 borgere"), and a value outside the
// threshold's limits gets its reason ("Højst 60 borgere.") for the validator and the form alike.
import type { Niveau, Regelsaet, Taerskel } from "./schema/regelsaet.js";

export type Enhed = Taerskel["enhed"];

const NIVEAU_ORD: Record<string, string> = { ingen: "ingen", let: "let", moderat: "moderat", hoej: "højt" };
const NIVEAU_RAEKKE = ["let", "moderat", "hoej"];

/** "hoej" → "højt"; a level name as a Danish word (lower case). */
export function niveauOrd(n: string): string {
  return NIVEAU_ORD[n] ?? (n === "ikke-indplaceret" ? "ikke indplaceret" : n === "slaaet-fra" ? "slået fra" : n);
}

/** Identifiers are Danish in ASCII; shown to a person they get their letters back. */
export function danskeBogstaver(ord: string): string {
  return ord.replace(/aa/g, "å").replace(/ae/g, "æ").replace(/oe/g, "ø").replace(/Aa/g, "Å").replace(/Ae/g, "Æ");
}

/** `minAndelCertificeret` → ["min", "andel", "certificeret"]. */
const camelOrd = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(" ")
    .filter(Boolean)
    .map((w) => w.toLowerCase());

const ENHED_ORD: Partial<Record<Enhed, string>> = { borgere: "borgere", parametre: "parametre", aar: "år" };
/** Units a threshold counts in whole numbers. */
export const HELTALS_ENHEDER: readonly Enhed[] = ["borgere", "antal", "parametre"];

/** The last part of a threshold's name in words, e.g. `minBorgere` (borgere) → "mindst antal borgere". */
function betydning(del: string, enhed: Enhed | undefined): string {
  const ord = camelOrd(del).map(danskeBogstaver);
  const graense = ord[0] === "min" ? "mindst" : ord[0] === "max" ? "højst" : undefined;
  const rest = graense ? ord.slice(1) : ord;
  if (!graense) return rest.join(" ");
  const antal = enhed !== undefined && enhed !== "andel" && enhed !== "point" && enhed !== "liste";
  // `maxModerat` in parameters: "højst antal parametre på moderat".
  const niveau = rest.length === 1 && NIVEAU_ORD[rest[0] === "høj" ? "hoej" : (rest[0] ?? "")];
  if (niveau) return [graense, "antal", ENHED_ORD[enhed ?? "antal"] ?? "", "på", niveau].filter(Boolean).join(" ");
  return [graense, ...(antal ? ["antal"] : []), ...rest].join(" ");
}

export interface TaerskelEtiket {
  /** The full name as given, `navn` or `navn@variant`. */
  navn: string;
  /** The first part of the name: a parameter id, or `indplacering` for the policy numbers. */
  gruppe: string;
  /** The parameter's Danish name, or "Indplacering". */
  gruppeNavn: string;
  niveau?: Niveau;
  /** The meaning in words, e.g. "mindst antal borgere". */
  betydning: string;
  variant?: string;
  /** All of it: "Aktiv praksis · højt · mindst antal borgere". */
  tekst: string;
}

/** The Danish label of a threshold (or `navn@variant`) in the words of the regelsæt. */
export function taerskelEtiket(r: Pick<Regelsaet, "parametre" | "taerskler">, fuldtNavn: string): TaerskelEtiket {
  const [navn = "", variant] = fuldtNavn.split("@");
  const dele = navn.split(".");
  const gruppe = dele[0] ?? navn;
  const t = Object.hasOwn(r.taerskler, navn) ? r.taerskler[navn] : undefined;
  const parameter = r.parametre.find((p) => p.id === gruppe);
  const gruppeNavn =
    parameter?.navn ?? (gruppe === "indplacering" ? "Indplacering" : danskeBogstaver(camelOrd(gruppe).join(" ")));
  const midt = dele.slice(1, -1);
  const niveau = midt.find((d): d is Niveau => NIVEAU_RAEKKE.includes(d));
  const andre = midt.filter((d) => d !== niveau).map((d) => danskeBogstaver(camelOrd(d).join(" ")));
  const sidste = dele.length > 1 ? (dele[dele.length - 1] ?? "") : "";
  const mening = betydning(sidste, t?.enhed);
  const varianttekst = variant === undefined ? undefined : variantOrd(t, variant);
  const tekst = [
    gruppeNavn,
    ...andre,
    ...(niveau ? [niveauOrd(niveau)] : []),
    mening,
    ...(varianttekst ? [varianttekst] : []),
  ]
    .filter(Boolean)
    .join(" · ");
  const e: TaerskelEtiket = { navn: fuldtNavn, gruppe, gruppeNavn, betydning: mening, tekst };
  if (niveau) e.niveau = niveau;
  if (variant !== undefined) e.variant = variant;
  return e;
}

/** A variant by whom it is for ("børn, unge"), or by its name when it says nothing more. */
function variantOrd(t: Taerskel | undefined, variant: string): string {
  const v = t?.varianter?.find((x) => x.navn === variant);
  const hvem = [...(v?.naar.aldersgruppe ?? []), ...(v?.naar.leverandoertype ?? []), ...(v?.naar.forloebsfase ?? [])];
  return danskeBogstaver(hvem.length > 0 ? hvem.join(", ") : variant);
}

export interface TaerskelGruppe {
  gruppe: string;
  navn: string;
  taerskler: TaerskelEtiket[];
}

/**
 * The thresholds grouped by parameter, in the regelsæt's parameter order (then the policy's
 * numbers, then anything else), each group by level (let, moderat, højt) and name; with their
 * variants (`navn@variant`) right after the base value unless left out.
 */
export function taerskelGrupper(
  r: Pick<Regelsaet, "parametre" | "taerskler">,
  valg: { kunTal?: boolean; medVarianter?: boolean } = {},
): TaerskelGruppe[] {
  const medVarianter = valg.medVarianter ?? true;
  const grupper = new Map<string, TaerskelGruppe>();
  for (const p of r.parametre) grupper.set(p.id, { gruppe: p.id, navn: p.navn, taerskler: [] });
  const navne = Object.keys(r.taerskler).filter((n) => !valg.kunTal || typeof r.taerskler[n]?.vaerdi === "number");
  const rang = (n: string) => {
    const i = n.split(".").findIndex((d) => NIVEAU_RAEKKE.includes(d));
    return i < 0 ? 0 : 1 + NIVEAU_RAEKKE.indexOf(n.split(".")[i] ?? "");
  };
  navne.sort((a, b) => rang(a) - rang(b) || a.localeCompare(b));
  for (const navn of navne) {
    const e = taerskelEtiket(r, navn);
    let g = grupper.get(e.gruppe);
    if (!g) {
      g = { gruppe: e.gruppe, navn: e.gruppeNavn, taerskler: [] };
      grupper.set(e.gruppe, g);
    }
    g.taerskler.push(e);
    if (medVarianter)
      for (const v of r.taerskler[navn]?.varianter ?? []) g.taerskler.push(taerskelEtiket(r, `${navn}@${v.navn}`));
  }
  const ud = [...grupper.values()].filter((g) => g.taerskler.length > 0);
  // The policy's numbers after the parameters, whatever order the map was filled in.
  return [...ud.filter((g) => g.gruppe !== "indplacering"), ...ud.filter((g) => g.gruppe === "indplacering")];
}

const TAL = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 3 });

/** A number the Danish way: 2,875; 1.000. */
export function talTekst(v: number): string {
  return TAL.format(v);
}

/** A threshold's value in its unit: 0.5 (andel) → "50 %", 10 (borgere) → "10 borgere". */
export function taerskelVaerdiTekst(v: number | readonly string[], enhed: Enhed | undefined): string {
  if (typeof v !== "number") return v.map(danskeBogstaver).join(", ");
  switch (enhed) {
    case "andel":
      return `${talTekst(Math.round(v * 100000) / 1000)} %`;
    case "borgere":
      return `${talTekst(v)} ${v === 1 ? "borger" : "borgere"}`;
    case "parametre":
      return `${talTekst(v)} ${v === 1 ? "parameter" : "parametre"}`;
    case "aar":
      return `${talTekst(v)} år`;
    case "point":
      return `${talTekst(v)} point`;
    default:
      return talTekst(v);
  }
}

/** The limits that apply to a threshold's values: its own `min`/`max`, and 0–1 for a share. */
export function taerskelGraenser(t: Pick<Taerskel, "enhed" | "min" | "max">): {
  min?: number;
  max?: number;
  heltal: boolean;
} {
  const andel = t.enhed === "andel";
  const min = t.min ?? (andel ? 0 : undefined);
  const max = t.max ?? (andel ? 1 : undefined);
  const ud: { min?: number; max?: number; heltal: boolean } = { heltal: HELTALS_ENHEDER.includes(t.enhed) };
  if (min !== undefined) ud.min = andel ? Math.max(0, min) : min;
  if (max !== undefined) ud.max = andel ? Math.min(1, max) : max;
  return ud;
}

/**
 * Why a value is not allowed for a threshold, in the analyst's words ("Højst 60 borgere."), or
 * undefined when it is. Lists have no limits.
 */
export function taerskelGraenseBrud(t: Pick<Taerskel, "enhed" | "min" | "max">, v: unknown): string | undefined {
  if (typeof v !== "number") return undefined;
  if (!Number.isFinite(v)) return "Skal være et tal.";
  const g = taerskelGraenser(t);
  if (g.heltal && !Number.isInteger(v))
    return `Skal være et helt antal${ENHED_ORD[t.enhed] ? ` ${ENHED_ORD[t.enhed]}` : ""}.`;
  if (g.min !== undefined && v < g.min) return `Mindst ${taerskelVaerdiTekst(g.min, t.enhed)}.`;
  if (g.max !== undefined && v > g.max) return `Højst ${taerskelVaerdiTekst(g.max, t.enhed)}.`;
  return undefined;
}
