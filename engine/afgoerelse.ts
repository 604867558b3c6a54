// A decision over time (issue 13): its status lifecycle, when it must be reassessed, how a
// tilbud's afdelinger roll up, and the grace periods (overgang) it may carry. Pure: dates are ISO
// calendar dates (YYYY-MM-DD) computed in UTC, so server and browser agree.
import { type Indplaceringsniveau, RANG } from "./indplacering/politik.js";
import type { ParameterNiveau, Regelsaet } from "./schema/regelsaet.js";

export const AFGOERELSE_STATUSSER = ["kladde", "truffet", "paaklaget", "afgjort", "aendret"] as const;
export type AfgoerelseStatus = (typeof AFGOERELSE_STATUSSER)[number];

/**
 * The lifecycle: kladde → truffet → påklaget → afgjort (the appeal upheld the decision) or ændret
 * (the appeal changed it; a new decision replaces it). `afgjort` and `aendret` are final.
 */
export const STATUS_OVERGANGE: Readonly<Record<AfgoerelseStatus, readonly AfgoerelseStatus[]>> = {
  kladde: ["truffet"],
  truffet: ["paaklaget"],
  paaklaget: ["afgjort", "aendret"],
  afgjort: [],
  aendret: [],
};

/** A decision in force: the latest of these per tilbud and afdeling is the tilbud's current level. */
export const GAELDENDE_STATUSSER: readonly AfgoerelseStatus[] = ["truffet", "paaklaget", "afgjort"];

export const erStatus = (v: unknown): v is AfgoerelseStatus =>
  typeof v === "string" && (AFGOERELSE_STATUSSER as readonly string[]).includes(v);

export const kanSkifte = (fra: AfgoerelseStatus, til: AfgoerelseStatus): boolean => STATUS_OVERGANGE[fra].includes(til);

/** The seeds give no period (000 §3–4); the platform's assumption, see the schema's description. */
export const STANDARD_REVURDERING = { let: 36, moderat: 24, hoej: 12 } as const;
export const STANDARD_AFDELINGSREGEL = "hver-for-sig" as const;

const DATO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function erDato(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const m = DATO.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

/** `dato` plus `maaneder` months; the 31st of a short month becomes its last day. */
export function plusMaaneder(dato: string, maaneder: number): string {
  const [aar, maaned, dag] = dato.split("-").map(Number) as [number, number, number];
  const maal = new Date(Date.UTC(aar, maaned - 1 + maaneder, 1));
  const sidste = new Date(Date.UTC(maal.getUTCFullYear(), maal.getUTCMonth() + 1, 0)).getUTCDate();
  maal.setUTCDate(Math.min(dag, sidste));
  return maal.toISOString().slice(0, 10);
}

/** Months until reassessment for a level; a provider not placed is looked at again as soon as a let one. */
export function revurderingMaaneder(r: Pick<Regelsaet, "revurdering">, niveau: Indplaceringsniveau): number {
  const m = r.revurdering?.maaneder ?? STANDARD_REVURDERING;
  return niveau === "ikke-indplaceret" ? m.let : m[niveau];
}

export interface Overgangsperiode {
  /** The parameter that keeps its level. */
  parameter: string;
  /** The level it keeps until `til`. */
  niveau: Exclude<ParameterNiveau, "ingen">;
  /** First day of the grace period; the decision's gyldigFra when absent. */
  fra?: string;
  /** Last day of the grace period. */
  til: string;
  begrundelse: string;
}

/**
 * The date the decision must be reassessed: the level's period from gyldigFra, or the end of the
 * earliest grace period when that comes first (the tilbud must show it has caught up by then).
 */
export function naesteVurdering(
  r: Pick<Regelsaet, "revurdering">,
  niveau: Indplaceringsniveau,
  gyldigFra: string,
  overgang: readonly Overgangsperiode[] = [],
): string {
  let dato = plusMaaneder(gyldigFra, revurderingMaaneder(r, niveau));
  for (const o of overgang) if (o.til < dato) dato = o.til;
  return dato;
}

export interface AfdelingsNiveau {
  afdeling: string;
  niveau: Indplaceringsniveau;
}

/**
 * The tilbud's level from its afdelinger's by the regelsæt's rule: `hver-for-sig` gives none (the
 * afdelinger are listed), `hoejeste`/`laveste` the highest/lowest. Null without afdelinger.
 */
export function sammenfatAfdelinger(
  r: Pick<Regelsaet, "afdelinger">,
  afdelinger: readonly AfdelingsNiveau[],
): { regel: "hver-for-sig" | "hoejeste" | "laveste"; niveau: Indplaceringsniveau | null } {
  const regel = r.afdelinger?.sammenfatning ?? STANDARD_AFDELINGSREGEL;
  if (regel === "hver-for-sig" || afdelinger.length === 0) return { regel, niveau: null };
  const sorteret = [...afdelinger].sort((a, b) => RANG[a.niveau] - RANG[b.niveau]);
  const valgt = regel === "hoejeste" ? sorteret[sorteret.length - 1] : sorteret[0];
  return { regel, niveau: valgt?.niveau ?? null };
}

/** Whether a reassessment is overdue, due within `dage` days of `idag`, or not yet due. */
export function revurderingsStatus(naeste: string, idag: string, dage: number): "forfalden" | "snart" | "senere" {
  if (naeste < idag) return "forfalden";
  return naeste <= plusDage(idag, dage) ? "snart" : "senere";
}

export function plusDage(dato: string, dage: number): string {
  const d = new Date(`${dato}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dage);
  return d.toISOString().slice(0, 10);
}
