// A regelsæt as a GoRules JDM decision (one expression node evaluated by @gorules/zen-engine), so
// the benchmark has a real rules-engine peer beside json-rules-engine (issue 15). Bench only.
// The translator follows the regelsæt: every active parameter's level conditions (all/any of
// leaves) become ZEN expressions with the thresholds resolved — variants by aldersgruppe and
// leverandoer.type included — and the indplacering policy (optaelling or vaegtet, krav,
// toNiveauer, referenceAntal) becomes expressions over the parameter levels. Our semantics are
// kept: a condition holds only when its fact and threshold are known (missing information never
// counts as met), a parameter's rule level is the highest level whose conditions hold, the
// tilsynsvurdering decides a parameter when given.
// Derived facts over staff, citizens and lists are written in ZEN (count/filter/some over
// `medarbejdere`), or — with `forudberegnet` — computed in JavaScript by the engine's own fact
// functions and passed in the input as `fakta.fN` (null when unknown).
// Not translated (throws): `not`, parameters given by a threshold with variants, threshold
// variants in the policy's limits.

import { beregnFaktum, type ParamVaerdi } from "../engine/facts.js";
import type { Regelsaet, Vurderingsgrundlag } from "../engine/index.js";
import { STANDARD_NIVEAUVAERDIER } from "../engine/indplacering/politik.js";

type Betingelse = Regelsaet["parametre"][number]["niveauer"]["let"]["betingelser"];
interface Blad {
  fact: string;
  operator: string;
  value: unknown;
  params?: Record<string, unknown>;
  path?: string;
}

const AFLEDTE = new Set(["antalBorgere", "andelMedarbejdere", "antalMedarbejdere", "antalElementer"]);

/** A ZEN literal. */
function lit(v: unknown): string {
  if (typeof v === "string") return `'${v.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(lit).join(", ")}]`;
  throw new Error(`jdm: cannot write ${JSON.stringify(v)} as a ZEN literal`);
}

const isTaerskel = (v: unknown): v is { taerskel: string } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "taerskel" in v;

export interface JdmValg {
  /** Derived facts computed in JavaScript and passed as `fakta.fN` instead of written in ZEN. */
  forudberegnet?: boolean;
}

export interface JdmOversaettelse {
  jdm: object;
  /** The derived facts to precompute (only with `forudberegnet`), in `fakta.fN` order. */
  afledte: { fact: string; params: Record<string, ParamVaerdi> }[];
}

export function tilJdm(r: Regelsaet, valg: JdmValg = {}): JdmOversaettelse {
  const afledte: JdmOversaettelse["afledte"] = [];
  const afledtIndeks = new Map<string, number>();

  /** A threshold's value expression and the condition under which it is known. */
  function taerskel(navn: string): { v: string; kendt: string } {
    const t = r.taerskler[navn];
    if (!t) throw new Error(`jdm: unknown threshold ${navn}`);
    let v = lit(t.vaerdi);
    const passer: string[] = [];
    const mangler = new Set<string>();
    // First matching variant wins; build from the last one inwards.
    const varianter = t.varianter ?? [];
    for (let i = varianter.length - 1; i >= 0; i--) {
      const vr = varianter[i];
      if (!vr) continue;
      const krav: string[] = [];
      if (vr.naar.aldersgruppe) {
        krav.push(`aldersgruppe != null and aldersgruppe in ${lit(vr.naar.aldersgruppe)}`);
        mangler.add("aldersgruppe == null");
      }
      if (vr.naar.leverandoertype) {
        krav.push(`leverandoer.type != null and leverandoer.type in ${lit(vr.naar.leverandoertype)}`);
        mangler.add("leverandoer.type == null");
      }
      const k = krav.length === 0 ? "true" : `(${krav.join(" and ")})`;
      passer.push(k);
      v = `(${k} ? ${lit(vr.vaerdi)} : ${v})`;
    }
    // The base value is unknown when no variant matched and a field a variant asks about is
    // missing (engine/taerskler.ts).
    if (mangler.size === 0) return { v, kendt: "true" };
    return { v, kendt: `(${passer.join(" or ")} or not (${[...mangler].join(" or ")}))` };
  }

  function paramVaerdi(v: unknown): ParamVaerdi {
    if (isTaerskel(v)) {
      const t = r.taerskler[v.taerskel];
      if (!t) throw new Error(`jdm: unknown threshold ${v.taerskel}`);
      if (t.varianter?.length)
        throw new Error(`jdm: a fact parameter given by a threshold with variants (${v.taerskel})`);
      return t.vaerdi as ParamVaerdi;
    }
    return v as ParamVaerdi;
  }

  /** The fact as an expression that is null when the fact is unknown. */
  function faktum(b: Blad): string {
    const params = Object.fromEntries(Object.entries(b.params ?? {}).map(([k, v]) => [k, paramVaerdi(v)]));
    if (!AFLEDTE.has(b.fact)) {
      const sti = b.path ? `${b.fact}${b.path.slice(1)}` : b.fact;
      return sti;
    }
    if (valg.forudberegnet) {
      const noegle = JSON.stringify([b.fact, params]);
      let i = afledtIndeks.get(noegle);
      if (i === undefined) {
        i = afledte.length;
        afledte.push({ fact: b.fact, params });
        afledtIndeks.set(noegle, i);
      }
      return `fakta.f${i}`;
    }
    switch (b.fact) {
      case "antalBorgere": {
        const niveauer = (params.niveauer as string[] | undefined) ?? ["let", "moderat", "hoej"];
        const kendt = ["borgere != null", ...niveauer.map((n) => `borgere.${n} != null`)].join(" and ");
        return `((${kendt}) ? (${niveauer.map((n) => `borgere.${n}`).join(" + ")}) : null)`;
      }
      case "andelMedarbejdere":
      case "antalMedarbejdere": {
        const medVikarer = params.medVikarer !== false;
        const S = medVikarer
          ? "medarbejdere"
          : "filter(medarbejdere, #.ansaettelse != null and #.ansaettelse != 'vikar')";
        const ukendt: string[] = [];
        if (!medVikarer) ukendt.push("some(medarbejdere, #.ansaettelse == null)");
        const match: string[] = [];
        const felt = (navn: string, udtryk: string) => {
          ukendt.push(`some(${S}, #.${navn} == null)`);
          match.push(udtryk);
        };
        if (params.uddannelser) felt("uddannelser", `some(#.uddannelser, # in ${lit(params.uddannelser)})`);
        if (params.certificeringer)
          felt("certificeringer", `some(#.certificeringer, # in ${lit(params.certificeringer)})`);
        if (params.minErfaringAar !== undefined) felt("erfaringAar", `#.erfaringAar >= ${lit(params.minErfaringAar)}`);
        if (params.hjaelpemiddelfaglig !== undefined)
          felt("hjaelpemiddelfaglig", `#.hjaelpemiddelfaglig == ${lit(params.hjaelpemiddelfaglig)}`);
        const antal = match.length === 0 ? `len(${S})` : `count(${S}, ${match.join(" and ")})`;
        const vaerdi = b.fact === "antalMedarbejdere" ? antal : `(len(${S}) == 0 ? 0 : ${antal} / len(${S}))`;
        const kendt = ["medarbejdere != null", ...ukendt.map((u) => `not ${u}`)].join(" and ");
        return `((${kendt}) ? ${vaerdi} : null)`;
      }
      case "antalElementer": {
        const liste = String(params.felt);
        const vaerdi = params.blandt ? `count(${liste}, # in ${lit(params.blandt)})` : `len(${liste})`;
        return `(${liste} != null ? ${vaerdi} : null)`;
      }
    }
    throw new Error(`jdm: fact ${b.fact}`);
  }

  function blad(b: Blad): string {
    const f = faktum(b);
    const { v, kendt } = isTaerskel(b.value) ? taerskel(b.value.taerskel) : { v: lit(b.value), kendt: "true" };
    const sammenligning = (() => {
      switch (b.operator) {
        case "equal":
          return `${f} == ${v}`;
        case "notEqual":
          return `${f} != ${v}`;
        case "lessThan":
          return `${f} < ${v}`;
        case "lessThanInclusive":
          return `${f} <= ${v}`;
        case "greaterThan":
          return `${f} > ${v}`;
        case "greaterThanInclusive":
          return `${f} >= ${v}`;
        case "in":
          return `${f} in ${v}`;
        case "notIn":
          return `not (${f} in ${v})`;
        case "contains":
          return `${v} in ${f}`;
        case "doesNotContain":
          return `not (${v} in ${f})`;
      }
      throw new Error(`jdm: operator ${b.operator}`);
    })();
    const dele = [`${f} != null`, ...(kendt === "true" ? [] : [kendt]), sammenligning];
    return `(${dele.join(" and ")})`;
  }

  function betingelse(c: Betingelse): string {
    const x = c as { all?: Betingelse[]; any?: Betingelse[]; not?: unknown };
    if (x.all) return x.all.length === 0 ? "true" : `(${x.all.map(betingelse).join(" and ")})`;
    if (x.any) return x.any.length === 0 ? "false" : `(${x.any.map(betingelse).join(" or ")})`;
    if (x.not) throw new Error("jdm: 'not' is not translated (unknown must stay unknown under negation)");
    return blad(c as unknown as Blad);
  }

  const expressions: { id: string; key: string; value: string }[] = [];
  const udtryk = (key: string, value: string) => expressions.push({ id: key, key, value });

  const aktive = r.parametre.filter((p) => p.aktiv !== false);
  for (const p of aktive) {
    const opfyldt = (n: "let" | "moderat" | "hoej") => {
      const niveau = p.niveauer[n];
      return niveau ? betingelse(niveau.betingelser) : "false";
    };
    udtryk(
      `regel_${p.id}`,
      `${opfyldt("hoej")} ? 'hoej' : ${opfyldt("moderat")} ? 'moderat' : ${opfyldt("let")} ? 'let' : 'ingen'`,
    );
    udtryk(`parametre.${p.id}`, `tilsynsvurdering.${p.id} ?? $.regel_${p.id}`);
  }

  // The policy over the levels.
  const pol = r.indplacering;
  const niveauer = `[${aktive.map((p) => `$.parametre.${p.id}`).join(", ")}]`;
  const tal = (navn: string) => {
    const t = r.taerskler[navn];
    if (!t) throw new Error(`jdm: unknown threshold ${navn}`);
    if (t.varianter?.length) throw new Error(`jdm: policy threshold with variants (${navn})`);
    return t.vaerdi as number;
  };
  let raat: string;
  if (aktive.length === 0) raat = "'let'";
  else if (pol.metode === "vaegtet") {
    const vaerdier = pol.niveauvaerdier ?? STANDARD_NIVEAUVAERDIER;
    const vaegte = aktive.reduce((s, p) => s + (p.vaegt ?? 1), 0);
    const led = aktive.map(
      (p) =>
        `${p.vaegt ?? 1} * ($.parametre.${p.id} == 'hoej' ? ${vaerdier.hoej} : $.parametre.${p.id} == 'moderat' ? ${vaerdier.moderat} : $.parametre.${p.id} == 'let' ? ${vaerdier.let} : ${vaerdier.ingen})`,
    );
    udtryk("score", vaegte === 0 ? "0" : `(${led.join(" + ")}) / ${vaegte}`);
    const eps = 1e-9;
    raat = `$.score + ${eps} >= ${tal("indplacering.vaegtet.hoej.minScore")} ? 'hoej' : $.score + ${eps} >= ${tal(
      "indplacering.vaegtet.moderat.minScore",
    )} ? 'moderat' : 'let'`;
  } else {
    const n = aktive.length;
    const justering = pol.referenceAntal === undefined ? 0 : n - pol.referenceAntal;
    const klem = (x: number) => Math.min(n, Math.max(1, x));
    const moderatMin = klem(tal("indplacering.moderat.minParametre") + justering);
    const hoejMin = klem(tal("indplacering.hoej.minParametre") + justering);
    const hoejMaxModerat = Math.max(0, tal("indplacering.hoej.maxModerat"));
    udtryk("antal_hoej", `count(${niveauer}, # == 'hoej')`);
    udtryk("antal_moderat", `count(${niveauer}, # == 'moderat')`);
    raat = `($.antal_hoej >= ${hoejMin} and $.antal_moderat <= ${hoejMaxModerat} and $.antal_hoej + $.antal_moderat == ${n}) ? 'hoej' : ($.antal_hoej + $.antal_moderat >= ${moderatMin} ? 'moderat' : 'let')`;
  }
  udtryk("raat", raat);
  let niveau = "$.raat";
  const under = (id: string, krav: "hoej" | "moderat") =>
    krav === "hoej" ? `$.parametre.${id} != 'hoej'` : `($.parametre.${id} == 'let' or $.parametre.${id} == 'ingen')`;
  for (const krav of ["hoej", "moderat"] as const) {
    const ids = (pol.krav?.[krav] ?? []).filter((id) => aktive.some((p) => p.id === id));
    if (ids.length === 0) continue;
    udtryk(
      `efter_krav_${krav}`,
      `${niveau} == '${krav}' and (${ids.map((id) => under(id, krav)).join(" or ")}) ? '${krav === "hoej" ? "moderat" : "let"}' : ${niveau}`,
    );
    niveau = `$.efter_krav_${krav}`;
  }
  if (pol.toNiveauer) niveau = `(${niveau} == 'moderat' ? 'let' : ${niveau})`;
  udtryk("niveau", `godkendt != true ? 'ikke-indplaceret' : ${niveau}`);

  const jdm = {
    nodes: [
      { id: "input", type: "inputNode", name: "Vurderingsgrundlag", position: { x: 0, y: 0 } },
      {
        id: "regelsaet",
        type: "expressionNode",
        name: `${r.maalgruppe}: parameterniveauer og indplacering`,
        position: { x: 300, y: 0 },
        content: { expressions },
      },
      { id: "output", type: "outputNode", name: "Indplacering", position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: "e1", sourceId: "input", targetId: "regelsaet", type: "edge" },
      { id: "e2", sourceId: "regelsaet", targetId: "output", type: "edge" },
    ],
  };
  return { jdm, afledte };
}

/** The input with the derived facts computed by the engine's own fact functions (`fakta.fN`, null = unknown). */
export function medFakta(input: Vurderingsgrundlag, afledte: JdmOversaettelse["afledte"]): Record<string, unknown> {
  const fakta: Record<string, unknown> = {};
  for (let i = 0; i < afledte.length; i++) {
    const a = afledte[i] as JdmOversaettelse["afledte"][number];
    const f = beregnFaktum(input, a.fact, a.params, undefined);
    fakta[`f${i}`] = f.mangler.length > 0 ? null : f.vaerdi;
  }
  return { ...input, fakta };
}
