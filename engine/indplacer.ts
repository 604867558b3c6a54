// The authoritative evaluation: json-rules-engine evaluates every level's condition tree for a
// provider, and the results become parameter levels, the provider's level, reasons, missing
// information and what stands between the provider and the next level.
import { Engine, Operator } from "json-rules-engine";
import { beregnFaktum, FAKTA, readPath } from "./facts.js";
import { type Forklaring, forklar, type LeafUdfald, manglendeIForklaring } from "./forklaring.js";
import { hashRegelsaet } from "./hash.js";
import { ukendtUdfald } from "./interval.js";
import { naesteNiveau } from "./naeste-niveau.js";
import { anvendPolitik, type ParameterUdfald } from "./politik.js";
import { EngineError } from "./problem.js";
import type { Indplacering, ParameterResultat, RegelsaetReference } from "./resultat.js";
import {
  type Betingelse,
  NIVEAUER,
  type Niveau,
  type Parameter,
  type ParameterNiveau,
  type Regelsaet,
} from "./schema/regelsaet.js";
import type { Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";
import { profilFor, profilNoegle, resolveBetingelse, type TaerskelOpslag, taerskelOpslag } from "./taerskler.js";
import { validateVurderingsgrundlag } from "./validate.js";

export interface Metadata {
  version?: number;
  kladde?: boolean;
}

/** A regelsæt made ready for many evaluations: hash computed once, engines cached per profile. */
export interface ForberedtRegelsaet {
  regelsaet: Regelsaet;
  hash: string;
  aktive: Parameter[];
  /** json-rules-engine instance and threshold lookup per (age group, provider type). */
  profiler: Map<string, { engine: Engine; opslag: TaerskelOpslag }>;
}

export function forbered(regelsaet: Regelsaet): ForberedtRegelsaet {
  return {
    regelsaet,
    hash: hashRegelsaet(regelsaet),
    aktive: regelsaet.parametre.filter((p) => p.aktiv !== false),
    profiler: new Map(),
  };
}

// Missing information must never satisfy a condition (json-rules-engine's notIn and notEqual
// would pass on undefined), so every operator refuses an undefined fact value.
const kendtVaerdi = (v: unknown) => v !== undefined;
const OPERATORER: [string, (a: never, b: never) => boolean, (v: unknown) => boolean][] = [
  ["equal", (a, b) => a === b, kendtVaerdi],
  ["notEqual", (a, b) => a !== b, kendtVaerdi],
  ["in", (a, b: unknown[]) => Array.isArray(b) && b.includes(a), kendtVaerdi],
  ["notIn", (a, b: unknown[]) => Array.isArray(b) && !b.includes(a), kendtVaerdi],
  ["contains", (a: unknown[], b) => a.includes(b), Array.isArray],
  ["doesNotContain", (a: unknown[], b) => !a.includes(b), Array.isArray],
  ["lessThan", (a, b) => a < b, erTal],
  ["lessThanInclusive", (a, b) => a <= b, erTal],
  ["greaterThan", (a, b) => a > b, erTal],
  ["greaterThanInclusive", (a, b) => a >= b, erTal],
];

function erTal(v: unknown): boolean {
  return typeof v === "number" && Number.isFinite(v);
}

export const regelNavn = (parameter: string, niveau: Niveau | "ikkeRelevant") => `${parameter}:${niveau}`;

/** json-rules-engine wants a boolean operator at the root of a rule. */
export function somRod(b: Betingelse): Betingelse {
  return "all" in b || "any" in b || "not" in b ? b : { all: [b] };
}

function byggEngine(f: ForberedtRegelsaet, opslag: TaerskelOpslag): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    pathResolver: (value: unknown, path: string) => readPath(value, path),
  });
  for (const [navn, fn, validator] of OPERATORER) {
    engine.addOperator(new Operator(navn, fn as (a: unknown, b: unknown) => boolean, validator));
  }
  for (const navn of FAKTA.keys()) {
    engine.addFact(navn, async (params, almanac) => {
      const input = (await almanac.factValue("vurderingsgrundlag")) as Vurderingsgrundlag;
      return beregnFaktum(input, navn, params as Record<string, never>, undefined).vaerdi;
    });
  }
  for (const p of f.aktive) {
    for (const niveau of NIVEAUER) {
      engine.addRule({
        name: regelNavn(p.id, niveau),
        conditions: somRod(resolveBetingelse(p.niveauer[niveau].betingelser, opslag)) as never,
        event: { type: "niveau", params: { parameter: p.id, niveau } },
      });
    }
    if (p.ikkeRelevant) {
      engine.addRule({
        name: regelNavn(p.id, "ikkeRelevant"),
        conditions: somRod(resolveBetingelse(p.ikkeRelevant.naar, opslag)) as never,
        event: { type: "ikkeRelevant", params: { parameter: p.id } },
      });
    }
  }
  return engine;
}

function profilFra(f: ForberedtRegelsaet, input: Vurderingsgrundlag) {
  const profil = profilFor(input);
  const noegle = profilNoegle(profil);
  let p = f.profiler.get(noegle);
  if (!p) {
    const opslag = taerskelOpslag(f.regelsaet, profil);
    p = { engine: byggEngine(f, opslag), opslag };
    f.profiler.set(noegle, p);
  }
  return p;
}

interface JreCondition {
  operator?: string;
  value?: unknown;
  all?: JreCondition[];
  any?: JreCondition[];
  not?: JreCondition;
  fact?: string;
  path?: string;
  params?: Record<string, never>;
  factResult?: unknown;
  result?: boolean;
}

/** Leaf outcomes of a json-rules-engine result tree, in tree order. */
function leafUdfald(c: JreCondition, input: Vurderingsgrundlag, ud: LeafUdfald[]): LeafUdfald[] {
  if (c.all) for (const x of c.all) leafUdfald(x, input, ud);
  else if (c.any) for (const x of c.any) leafUdfald(x, input, ud);
  else if (c.not) leafUdfald(c.not, input, ud);
  else if (c.factResult === undefined) {
    // json-rules-engine's operators refuse an unknown value; whether the known members still
    // decide the condition comes from the fact's bounds (interval.ts).
    const faktum = beregnFaktum(input, c.fact ?? "", c.params, c.path);
    ud.push(
      faktum.mangler.length === 0
        ? { faktisk: undefined, resultat: c.result === true, mangler: [] }
        : ukendtUdfald(faktum, c.operator ?? "", c.value),
    );
  } else ud.push({ faktisk: c.factResult, resultat: c.result === true, mangler: [] });
  return ud;
}

export function assertInput(f: ForberedtRegelsaet, input: unknown): asserts input is Vurderingsgrundlag {
  const fejl = validateVurderingsgrundlag(input);
  if (fejl.length > 0) throw new EngineError("UGYLDIGT_VURDERINGSGRUNDLAG", "Vurderingsgrundlaget er ugyldigt.", fejl);
  const maalgruppe = (input as Vurderingsgrundlag).maalgruppe;
  if (maalgruppe !== f.regelsaet.maalgruppe) {
    throw new EngineError(
      "FORKERT_MAALGRUPPE",
      `Vurderingsgrundlaget gælder '${maalgruppe}', men regelsættet gælder '${f.regelsaet.maalgruppe}'.`,
      [{ path: "maalgruppe", pointer: "/maalgruppe", message: `Skal være '${f.regelsaet.maalgruppe}'.` }],
    );
  }
}

export function hoejesteNiveau(opfyldt: Record<Niveau, boolean>): ParameterNiveau {
  for (const n of ["hoej", "moderat", "let"] as const) if (opfyldt[n]) return n;
  return "ingen";
}

/** Evaluates one provider with json-rules-engine. Throws EngineError on invalid input. */
export async function indplacer(
  regelsaet: Regelsaet | ForberedtRegelsaet,
  input: unknown,
  meta: Metadata = {},
): Promise<Indplacering> {
  const f = "hash" in regelsaet && "profiler" in regelsaet ? regelsaet : forbered(regelsaet);
  assertInput(f, input);
  const { engine, opslag } = profilFra(f, input);
  const { results, failureResults } = await engine.run({ vurderingsgrundlag: input });
  const jre = new Map<string, JreCondition>();
  for (const r of [...results, ...failureResults]) jre.set(r.name as string, r.conditions as unknown as JreCondition);

  const parametre = f.aktive.map((p) => parameterResultat(p, input, jre, opslag));
  return saml(f, input, parametre, opslag, meta);
}

function parameterResultat(
  p: Parameter,
  input: Vurderingsgrundlag,
  jre: Map<string, JreCondition>,
  opslag: TaerskelOpslag,
): ParameterResultat {
  const forklarRegel = (niveau: Niveau | "ikkeRelevant", b: Betingelse): Forklaring => {
    const cond = jre.get(regelNavn(p.id, niveau));
    if (!cond) throw new Error(`Engine: json-rules-engine returned no result for ${p.id}:${niveau}`);
    const udfald = leafUdfald(cond, input, []);
    let i = 0;
    return forklar(
      b,
      () => {
        const u = udfald[i++];
        if (!u) throw new Error(`Engine: leaf count mismatch in ${p.id}:${niveau}`);
        return u;
      },
      opslag,
    );
  };
  const begrundelse = NIVEAUER.map((niveau) => {
    const betingelser = forklarRegel(niveau, p.niveauer[niveau].betingelser);
    return { niveau, opfyldt: betingelser.opfyldt, betingelser };
  });
  const relevans = p.ikkeRelevant ? forklarRegel("ikkeRelevant", p.ikkeRelevant.naar) : undefined;
  return parameterFraBegrundelse(p, input, begrundelse, relevans);
}

/** The sentence the reasons give for a parameter that is left out as not relevant. */
export function ikkeRelevantTekst(p: Parameter, af: "regel" | "tilsyn"): string {
  if (af === "tilsyn") return `${p.navn}: tilsynet har vurderet parameteren som ikke relevant; den tælles ikke med.`;
  const k = p.ikkeRelevant?.kilde;
  const kilde = k ? ` (kilde: ${k.dokument}, ${k.afsnit})` : p.ikkeRelevant?.antagelse ? " (antagelse)" : "";
  return `${p.navn}: ikke relevant for leverandøren – ${p.ikkeRelevant?.beskrivelse ?? ""}${kilde}; den tælles ikke med.`;
}

/**
 * A parameter's result from its evaluated level trees and, when it has an `ikkeRelevant` rule,
 * that rule's evaluated tree (`relevans`). Only a definitely true rule makes the parameter not
 * relevant; an unknown one leaves it counted and lists what is missing.
 */
export function parameterFraBegrundelse(
  p: Parameter,
  input: Vurderingsgrundlag,
  begrundelse: ParameterResultat["begrundelse"],
  relevans?: Forklaring,
): ParameterResultat {
  const opfyldt = Object.fromEntries(begrundelse.map((b) => [b.niveau, b.opfyldt === true])) as Record<Niveau, boolean>;
  const regelNiveau = hoejesteNiveau(opfyldt);
  const regelIkkeRelevant = relevans?.opfyldt === true;
  const regelUdfald = regelIkkeRelevant ? "ikke-relevant" : regelNiveau;
  // Own properties only: a parameter id such as "constructor" must not read Object.prototype.
  const vurderinger = input.tilsynsvurdering;
  const tilsynsvurdering = vurderinger && Object.hasOwn(vurderinger, p.id) ? vurderinger[p.id] : undefined;
  const niveau = tilsynsvurdering ?? regelUdfald;
  const mangler = new Set<string>();
  // What a parameter that is left out lacks does not matter for the indplacering.
  if (niveau !== "ikke-relevant") for (const b of begrundelse) manglendeIForklaring(b.betingelser, mangler);
  if (relevans && relevans.opfyldt === null) manglendeIForklaring(relevans, mangler);
  const resultat: ParameterResultat = {
    id: p.id,
    navn: p.navn,
    niveau,
    regelNiveau,
    vaegt: p.vaegt ?? 1,
    begrundelse,
    manglendeOplysninger: [...mangler].sort(),
  };
  if (relevans) resultat.relevans = relevans;
  if (tilsynsvurdering) {
    resultat.tilsynsvurdering = tilsynsvurdering;
    resultat.afvigerFraRegler = tilsynsvurdering !== regelUdfald;
  }
  if (niveau === "ikke-relevant") {
    const af = tilsynsvurdering ? "tilsyn" : "regel";
    resultat.ikkeRelevant = { af, tekst: ikkeRelevantTekst(p, af) };
    const kilde = af === "regel" ? p.ikkeRelevant?.kilde : undefined;
    if (kilde) resultat.ikkeRelevant.kilde = kilde;
  }
  return resultat;
}

/** Combines parameter results into the indplacering; shared with the compiled evaluator. */
export function saml(
  f: ForberedtRegelsaet,
  input: Vurderingsgrundlag,
  parametre: ParameterResultat[],
  opslag: TaerskelOpslag,
  meta: Metadata,
): Indplacering {
  const udfald: ParameterUdfald[] = parametre.map((p) => ({ id: p.id, niveau: p.niveau, vaegt: p.vaegt }));
  const politik = anvendPolitik(f.regelsaet.indplacering, opslag, udfald, input.godkendt);
  const mangler = new Set<string>();
  if (input.godkendt === undefined) mangler.add("godkendt");
  for (const p of parametre) for (const m of p.manglendeOplysninger) mangler.add(m);
  const regelsaetRef: RegelsaetReference = {
    maalgruppe: f.regelsaet.maalgruppe,
    hash: f.hash,
    kladde: meta.kladde ?? false,
  };
  if (meta.version !== undefined) regelsaetRef.version = meta.version;
  const leverandoer: Indplacering["leverandoer"] = { id: input.leverandoer.id };
  if (input.leverandoer.navn) leverandoer.navn = input.leverandoer.navn;
  if (input.leverandoer.afdeling) leverandoer.afdeling = input.leverandoer.afdeling;
  const resultat: Indplacering = {
    niveau: politik.niveau,
    maalgruppe: f.regelsaet.maalgruppe,
    leverandoer,
    regelsaet: regelsaetRef,
    politik,
    parametre,
    manglendeOplysninger: [...mangler].sort(),
    naesteNiveau: null,
  };
  const ikkeRelevante = parametre.flatMap((p) =>
    p.ikkeRelevant ? [{ id: p.id, navn: p.navn, tekst: p.ikkeRelevant.tekst }] : [],
  );
  if (ikkeRelevante.length > 0) resultat.ikkeRelevante = ikkeRelevante;
  resultat.naesteNiveau = naesteNiveau(f.regelsaet, resultat, opslag);
  return resultat;
}
