// Threshold resolution: which value of a named threshold applies to a provider (its variant by
// age group, provider type and phase), and substitution of `{ "taerskel": … }` references in
// condition trees so that json-rules-engine sees plain values.
import type { Betingelse, BetingelsesVaerdi, LeafBetingelse, Regelsaet, Taerskel } from "./schema/regelsaet.js";
import type { Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";

export type TaerskelVaerdi = number | string[];

export interface Profil {
  aldersgruppe?: string;
  leverandoertype?: string;
  forloebsfase?: string;
}

export function profilFor(input: Vurderingsgrundlag): Profil {
  return {
    aldersgruppe: input.aldersgruppe,
    leverandoertype: input.leverandoer.type,
    forloebsfase: input.forloebsfase,
  };
}

export function profilNoegle(p: Profil): string {
  return `${p.aldersgruppe ?? "-"}|${p.leverandoertype ?? "-"}|${p.forloebsfase ?? "-"}`;
}

export interface AnvendtTaerskel {
  vaerdi: TaerskelVaerdi;
  /** The variant whose value applies, or undefined for the base value. */
  variant?: string;
  /** Profile fields that were absent but decide between variants of this threshold. */
  mangler: string[];
}

/** The value of a threshold for a provider profile: the first variant that matches, else the base. */
export function anvendTaerskel(t: Taerskel, profil: Profil): AnvendtTaerskel {
  const mangler = new Set<string>();
  for (const v of t.varianter ?? []) {
    let passer = true;
    if (v.naar.aldersgruppe) {
      if (profil.aldersgruppe === undefined) {
        mangler.add("aldersgruppe");
        passer = false;
      } else if (!(v.naar.aldersgruppe as string[]).includes(profil.aldersgruppe)) passer = false;
    }
    if (v.naar.leverandoertype) {
      if (profil.leverandoertype === undefined) {
        mangler.add("leverandoer.type");
        passer = false;
      } else if (!(v.naar.leverandoertype as string[]).includes(profil.leverandoertype)) passer = false;
    }
    if (v.naar.forloebsfase) {
      if (profil.forloebsfase === undefined) {
        mangler.add("forloebsfase");
        passer = false;
      } else if (!(v.naar.forloebsfase as string[]).includes(profil.forloebsfase)) passer = false;
    }
    if (passer) return { vaerdi: v.vaerdi, variant: v.navn, mangler: [] };
  }
  return { vaerdi: t.vaerdi, mangler: [...mangler] };
}

export type TaerskelOpslag = (navn: string) => AnvendtTaerskel;

export function taerskelOpslag(r: Regelsaet, profil: Profil): TaerskelOpslag {
  const cache = new Map<string, AnvendtTaerskel>();
  return (navn) => {
    let a = cache.get(navn);
    if (!a) {
      const t = r.taerskler[navn];
      if (!t) throw new Error(`Engine: threshold '${navn}' is not defined (validate the regelsæt first)`);
      a = anvendTaerskel(t, profil);
      cache.set(navn, a);
    }
    return a;
  };
}

export function erTaerskelReference(v: unknown): v is { taerskel: string } {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { taerskel?: unknown }).taerskel === "string"
  );
}

export function resolveVaerdi(
  v: BetingelsesVaerdi,
  opslag: TaerskelOpslag,
): number | string | boolean | (string | number)[] {
  return erTaerskelReference(v) ? opslag(v.taerskel).vaerdi : v;
}

/** A copy of a condition tree with every threshold reference replaced by its value. */
export function resolveBetingelse(b: Betingelse, opslag: TaerskelOpslag): Betingelse {
  if ("all" in b) return { all: b.all.map((c) => resolveBetingelse(c, opslag)) };
  if ("any" in b) return { any: b.any.map((c) => resolveBetingelse(c, opslag)) };
  if ("not" in b) return { not: resolveBetingelse(b.not, opslag) };
  const leaf: LeafBetingelse = { fact: b.fact, operator: b.operator, value: resolveVaerdi(b.value, opslag) };
  if (b.path) leaf.path = b.path;
  if (b.params) {
    leaf.params = Object.fromEntries(Object.entries(b.params).map(([k, v]) => [k, resolveVaerdi(v, opslag)]));
  }
  return leaf;
}

/** Threshold names a condition tree refers to, in value or params. */
export function taerskelNavne(b: Betingelse, ud: Set<string> = new Set()): Set<string> {
  if ("all" in b) for (const c of b.all) taerskelNavne(c, ud);
  else if ("any" in b) for (const c of b.any) taerskelNavne(c, ud);
  else if ("not" in b) taerskelNavne(b.not, ud);
  else {
    if (erTaerskelReference(b.value)) ud.add(b.value.taerskel);
    for (const v of Object.values(b.params ?? {})) if (erTaerskelReference(v)) ud.add(v.taerskel);
  }
  return ud;
}

/** The number of a numeric threshold for a profile; policy thresholds are plain numbers. */
export function talTaerskel(opslag: TaerskelOpslag, navn: string): number {
  const v = opslag(navn).vaerdi;
  if (typeof v !== "number") throw new Error(`Engine: threshold '${navn}' must be a number`);
  return v;
}
