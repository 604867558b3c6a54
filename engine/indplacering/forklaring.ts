// Reasons in domain words: a condition tree annotated with what each leaf asked, which threshold
// it used, what the provider had and whether it held. Three-valued: a leaf whose fact is
// missing is `null` (unknown), and unknown never counts as met.
import { FAKTA, niveauTekst, type ParamVaerdi } from "../facts.js";
import type { Interval } from "../interval.js";
import type { Betingelse, LeafBetingelse, Operator } from "../schema/regelsaet.js";
import { erTaerskelReference, type TaerskelOpslag } from "../taerskler.js";

export type Sandhed = boolean | null;

export interface BetingelsesForklaring {
  type: "betingelse";
  opfyldt: Sandhed;
  fakta: string;
  path?: string;
  params?: Record<string, unknown>;
  operator: Operator;
  /** The threshold the value came from, when the rule names one. */
  taerskel?: string;
  /** The threshold variant that applied (e.g. `boern`), when not the base value. */
  variant?: string;
  /** The value the condition requires. */
  kraevet: unknown;
  /** The provider's value; absent when the information is missing. */
  faktisk?: unknown;
  /**
   * When the value is unknown but bounded (a count or share with some unknown members): the
   * bounds. The condition is decided when it holds at both bounds or at neither.
   */
  interval?: Interval;
  mangler?: string[];
  tekst: string;
}

export type Forklaring =
  | { type: "alle" | "mindstEn"; opfyldt: Sandhed; dele: Forklaring[] }
  | { type: "ikke"; opfyldt: Sandhed; del: Forklaring }
  | BetingelsesForklaring;

/** The outcome json-rules-engine (or the compiled evaluator) gave for one leaf. */
export interface LeafUdfald {
  faktisk: unknown;
  resultat: boolean;
  /** Non-empty when the outcome is unknown. */
  mangler: string[];
  /** The fact's bounds when its value is unknown but bounded (interval.ts). */
  interval?: Interval;
}

export function kleeneAlle(v: readonly Sandhed[]): Sandhed {
  if (v.includes(false)) return false;
  return v.includes(null) ? null : true;
}

export function kleeneMindstEn(v: readonly Sandhed[]): Sandhed {
  if (v.includes(true)) return true;
  return v.includes(null) ? null : false;
}

/** Builds the explanation of `original` from per-leaf outcomes given in tree order. */
export function forklar(original: Betingelse, naesteLeaf: () => LeafUdfald, opslag: TaerskelOpslag): Forklaring {
  if ("all" in original) {
    const dele = original.all.map((c) => forklar(c, naesteLeaf, opslag));
    return { type: "alle", opfyldt: kleeneAlle(dele.map((d) => d.opfyldt)), dele };
  }
  if ("any" in original) {
    const dele = original.any.map((c) => forklar(c, naesteLeaf, opslag));
    return { type: "mindstEn", opfyldt: kleeneMindstEn(dele.map((d) => d.opfyldt)), dele };
  }
  if ("not" in original) {
    const del = forklar(original.not, naesteLeaf, opslag);
    return { type: "ikke", opfyldt: del.opfyldt === null ? null : !del.opfyldt, del };
  }
  return forklarLeaf(original, naesteLeaf(), opslag);
}

function forklarLeaf(leaf: LeafBetingelse, udfald: LeafUdfald, opslag: TaerskelOpslag): BetingelsesForklaring {
  const mangler = [...udfald.mangler];
  let taerskel: string | undefined;
  let variant: string | undefined;
  let kraevet: unknown = leaf.value;
  if (erTaerskelReference(leaf.value)) {
    const a = opslag(leaf.value.taerskel);
    taerskel = leaf.value.taerskel;
    variant = a.variant;
    kraevet = a.vaerdi;
    mangler.push(...a.mangler);
  }
  const params = leaf.params
    ? Object.fromEntries(
        Object.entries(leaf.params).map(([k, v]) => {
          if (!erTaerskelReference(v)) return [k, v];
          const a = opslag(v.taerskel);
          mangler.push(...a.mangler);
          return [k, a.vaerdi];
        }),
      )
    : undefined;
  const kendt = udfald.mangler.length === 0;
  const f: BetingelsesForklaring = {
    type: "betingelse",
    opfyldt: kendt ? udfald.resultat : null,
    fakta: leaf.fact,
    operator: leaf.operator,
    kraevet,
    tekst: "",
  };
  if (leaf.path) f.path = leaf.path;
  if (params) f.params = params;
  if (taerskel) f.taerskel = taerskel;
  if (variant) f.variant = variant;
  if (kendt && udfald.interval === undefined) f.faktisk = udfald.faktisk;
  if (udfald.interval) f.interval = udfald.interval;
  if (mangler.length > 0) f.mangler = [...new Set(mangler)];
  f.tekst = betingelsesTekst(leaf, f);
  return f;
}

const OPERATOR_TEKST: Record<Operator, string> = {
  equal: "skal være",
  notEqual: "må ikke være",
  lessThan: "skal være under",
  lessThanInclusive: "må højst være",
  greaterThan: "skal være over",
  greaterThanInclusive: "skal være mindst",
  in: "skal være en af",
  notIn: "må ikke være en af",
  contains: "skal indeholde",
  doesNotContain: "må ikke indeholde",
};

export function operatorTekst(op: Operator): string {
  return OPERATOR_TEKST[op];
}

export function formatVaerdi(v: unknown, somAndel: boolean): string {
  if (v === undefined) return "ikke oplyst";
  if (typeof v === "boolean") return v ? "ja" : "nej";
  if (typeof v === "number") {
    if (somAndel) return `${(Math.round(v * 1000) / 10).toLocaleString("da-DK")} %`;
    return Number.isInteger(v) ? String(v) : v.toLocaleString("da-DK", { maximumFractionDigits: 3 });
  }
  if (Array.isArray(v)) return v.length === 0 ? "(ingen)" : v.join(", ");
  return String(v);
}

function betingelsesTekst(leaf: LeafBetingelse, f: BetingelsesForklaring): string {
  const fakta = FAKTA.get(leaf.fact);
  const hvad =
    leaf.beskrivelse ?? fakta?.beskriv((f.params ?? {}) as Record<string, ParamVaerdi>, leaf.path) ?? leaf.fact;
  const somAndel = leaf.fact.startsWith("andel");
  const krav = `${OPERATOR_TEKST[leaf.operator]} ${formatVaerdi(f.kraevet, somAndel)}`;
  const kilde = f.taerskel ? ` (tærskel ${f.taerskel}${f.variant ? `@${f.variant}` : ""})` : "";
  const faktisk =
    f.opfyldt === null
      ? `ikke oplyst (mangler ${f.mangler?.join(", ")}${f.interval ? `; ${intervalTekst(f.interval, somAndel)}` : ""})`
      : f.interval
        ? `${intervalTekst(f.interval, somAndel)}, uanset de oplysninger, der mangler`
        : formatVaerdi(f.faktisk, somAndel);
  const dom = f.opfyldt === null ? "ukendt" : f.opfyldt ? "opfyldt" : "ikke opfyldt";
  return `${hvad}: ${faktisk} – ${krav}${kilde}: ${dom}.`;
}

function intervalTekst(i: Interval, somAndel: boolean): string {
  const fra = formatVaerdi(i.mindst, somAndel);
  if (i.hoejst === undefined) return `mindst ${fra}`;
  return i.hoejst === i.mindst ? fra : `mellem ${fra} og ${formatVaerdi(i.hoejst, somAndel)}`;
}

/** The leaves that would have to change for the tree to hold. */
export function uopfyldte(f: Forklaring): BetingelsesForklaring[] {
  if (f.opfyldt === true) return [];
  switch (f.type) {
    case "betingelse":
      return [f];
    case "alle":
    case "mindstEn":
      return f.dele.flatMap(uopfyldte);
    case "ikke":
      return opfyldteLeaves(f.del);
  }
}

function opfyldteLeaves(f: Forklaring): BetingelsesForklaring[] {
  switch (f.type) {
    case "betingelse":
      return f.opfyldt === false ? [] : [f];
    case "alle":
    case "mindstEn":
      return f.dele.flatMap(opfyldteLeaves);
    case "ikke":
      return uopfyldte(f.del);
  }
}

export function manglendeIForklaring(f: Forklaring, ud: Set<string>): void {
  if (f.opfyldt === true) return;
  if (f.type === "betingelse") {
    for (const m of f.mangler ?? []) ud.add(m);
  } else if (f.type === "ikke") manglendeIForklaring(f.del, ud);
  else for (const d of f.dele) manglendeIForklaring(d, ud);
}

export { niveauTekst };
