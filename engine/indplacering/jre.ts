// The oracle: json-rules-engine evaluates every level's condition tree for a provider, and the
// results become the same indplacering the compiled production path (kompileret/) gives. It serves
// the differential tests, the API's recompute check and the golden test cases; nothing in
// kompileret/ imports it, so the browser's scenario worker carries no json-rules-engine.
import { Engine, Operator } from "json-rules-engine";
import { beregnFaktum, FAKTA, readPath } from "../facts.js";
import { ukendtUdfald } from "../interval.js";
import type { Indplacering, ParameterResultat } from "../resultat.js";
import { type Betingelse, NIVEAUER, type Niveau, type Parameter, type Regelsaet } from "../schema/regelsaet.js";
import type { Vurderingsgrundlag } from "../schema/vurderingsgrundlag.js";
import { profilFor, profilNoegle, resolveBetingelse, type TaerskelOpslag, taerskelOpslag } from "../taerskler.js";
import { assertInput, type ForberedtRegelsaet, forberedt } from "./forberedt.js";
import { type Forklaring, forklar, type LeafUdfald } from "./forklaring.js";
import { type Metadata, parameterFraBegrundelse, saml } from "./saml.js";

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

/** json-rules-engine instance and threshold lookup per (age group, provider type), per regelsæt. */
const PROFILER = new WeakMap<ForberedtRegelsaet, Map<string, { engine: Engine; opslag: TaerskelOpslag }>>();

function profilFra(f: ForberedtRegelsaet, input: Vurderingsgrundlag) {
  const profil = profilFor(input);
  const noegle = profilNoegle(profil);
  let profiler = PROFILER.get(f);
  if (!profiler) {
    profiler = new Map();
    PROFILER.set(f, profiler);
  }
  let p = profiler.get(noegle);
  if (!p) {
    const opslag = taerskelOpslag(f.regelsaet, profil);
    p = { engine: byggEngine(f, opslag), opslag };
    profiler.set(noegle, p);
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

/** Evaluates one provider with json-rules-engine. Throws EngineError on invalid input. */
export async function indplacer(
  regelsaet: Regelsaet | ForberedtRegelsaet,
  input: unknown,
  meta: Metadata = {},
): Promise<Indplacering> {
  const f = forberedt(regelsaet);
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
