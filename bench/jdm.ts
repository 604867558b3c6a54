// A regelsæt as a GoRules JDM decision (one expression node evaluated by @gorules/zen-engine), so
// the benchmark has a real rules-engine peer beside json-rules-engine (issue 15). Bench only.
// The translator follows the regelsæt: every active parameter's level conditions (all/any of
// leaves) become ZEN expressions with the thresholds resolved — variants by aldersgruppe and
// leverandoer.type included — and the indplacering policy (optaelling or vaegtet, krav,
// toNiveauer, referenceAntal) becomes expressions over the parameter levels. Our semantics are
// kept: a condition holds only when its fact and threshold are known (missing information never
// counts as met) — or, for a count or share with unknown members, when the known members already
// settle it (the bounds of engine/facts.ts and engine/interval.ts) — a parameter's rule level is
// the highest level whose conditions hold, the tilsynsvurdering decides a parameter when given.
// Derived facts over staff, citizens and lists are written in ZEN as their bounds (count/some
// over `medarbejdere`), or — with `forudberegnet` — computed in JavaScript by the engine's own
// fact functions and passed in the input as `fakta.fN_lo` / `fakta.fN_hi`.
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
  /** The derived facts' bounds in ZEN, evaluated before the rules that read them. */
  const afledteUdtryk: { id: string; key: string; value: string }[] = [];

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

  /** An input field as an expression (null when it is absent). */
  const felt = (b: Blad) => (b.path ? `${b.fact}${b.path.slice(1)}` : b.fact);

  /**
   * A derived fact as its bounds: `lo` always a number, `hi` null when there is no upper bound.
   * Known, they are equal; with unknown members they are the bounds every completion of the
   * unknowns respects (engine/facts.ts), so that a condition the known members settle is decided
   * as the engine decides it (engine/interval.ts). In ZEN each fact is one set of expressions
   * before the rules (`$.afledt_N_lo`, `$.afledt_N_hi`); with `forudberegnet` the engine's own
   * fact functions compute them in JavaScript (`fakta.fN_lo`, `fakta.fN_hi`).
   */
  function graenser(b: Blad): { lo: string; hi: string } {
    const params = Object.fromEntries(Object.entries(b.params ?? {}).map(([k, v]) => [k, paramVaerdi(v)]));
    const noegle = JSON.stringify([b.fact, params]);
    let i = afledtIndeks.get(noegle);
    if (i === undefined) {
      i = afledte.length;
      afledte.push({ fact: b.fact, params });
      afledtIndeks.set(noegle, i);
      if (!valg.forudberegnet) afledtIZen(`afledt_${i}`, b.fact, params);
    }
    return valg.forudberegnet
      ? { lo: `fakta.f${i}_lo`, hi: `fakta.f${i}_hi` }
      : { lo: `$.afledt_${i}_lo`, hi: `$.afledt_${i}_hi` };
  }

  /** The expressions of one derived fact's bounds, named `<navn>_lo` and `<navn>_hi`. */
  function afledtIZen(navn: string, fact: string, params: Record<string, ParamVaerdi>): void {
    const saet = (del: string, udtryk: string) =>
      afledteUdtryk.push({ id: `${navn}_${del}`, key: `${navn}_${del}`, value: udtryk });
    switch (fact) {
      case "antalBorgere": {
        const niveauer = (params.niveauer as string[] | undefined) ?? ["let", "moderat", "hoej"];
        const sum = (udtryk: (n: string) => string) => niveauer.map(udtryk).join(" + ");
        // An absent level adds 0 or more: the reported ones are a lower bound.
        saet("lo", `borgere == null ? 0 : ${sum((n) => `(borgere.${n} ?? 0)`)}`);
        const alle = ["borgere != null", ...niveauer.map((n) => `borgere.${n} != null`)].join(" and ");
        saet("hi", `(${alle}) ? ${sum((n) => `borgere.${n}`)} : null`);
        return;
      }
      case "andelMedarbejdere":
      case "antalMedarbejdere": {
        // Each member: matches (every criterion known and met), does not (a known criterion
        // fails), or unknown; in scope, or — without temps and `ansaettelse` absent — unknown scope.
        const opfylder: string[] = [];
        const fejler: string[] = [];
        const kriterium = (felt: string, opfyldt: string, ikke: string) => {
          opfylder.push(`(#.${felt} != null and ${opfyldt})`);
          fejler.push(`(#.${felt} != null and ${ikke})`);
        };
        if (params.uddannelser) {
          const s = `some(#.uddannelser, # in ${lit(params.uddannelser)})`;
          kriterium("uddannelser", s, `not ${s}`);
        }
        if (params.certificeringer) {
          const s = `some(#.certificeringer, # in ${lit(params.certificeringer)})`;
          kriterium("certificeringer", s, `not ${s}`);
        }
        if (params.minErfaringAar !== undefined) {
          const n = lit(params.minErfaringAar);
          kriterium("erfaringAar", `#.erfaringAar >= ${n}`, `#.erfaringAar < ${n}`);
        }
        if (params.hjaelpemiddelfaglig !== undefined) {
          const v = lit(params.hjaelpemiddelfaglig);
          kriterium("hjaelpemiddelfaglig", `#.hjaelpemiddelfaglig == ${v}`, `#.hjaelpemiddelfaglig != ${v}`);
        }
        const ja = opfylder.length === 0 ? "true" : opfylder.join(" and ");
        const nej = fejler.length === 0 ? "false" : `(${fejler.join(" or ")})`;
        const medVikarer = params.medVikarer !== false;
        const tael = (hvem: string, hvad: string) =>
          `(medarbejdere == null ? 0 : count(medarbejdere, ${hvem} and (${hvad})))`;
        const $ = (...dele: string[]) => dele.map((d) => `$.${navn}_${d}`).join(" + ");
        /** Members that match, fail, and (the rest of those counted) are unknown, for one scope. */
        const tre = (praefiks: string, hvem: string) => {
          saet(`${praefiks}ja`, tael(hvem, ja));
          saet(`${praefiks}nej`, tael(hvem, nej));
          saet(`${praefiks}uvis`, `${tael(hvem, "true")} - (${$(`${praefiks}ja`, `${praefiks}nej`)})`);
        };
        tre("", medVikarer ? "true" : "#.ansaettelse != null and #.ansaettelse != 'vikar'");
        // Without temps, a member whose `ansaettelse` is absent may or may not be counted.
        if (medVikarer) for (const d of ["vja", "vnej", "vuvis"]) saet(d, "0");
        else tre("v", "#.ansaettelse == null");
        // The bounds of engine/facts.ts's taelMedarbejdere, from the same six counts.
        const andel = (taeller: string, naevner: string) => `((${naevner}) == 0 ? 0 : (${taeller}) / (${naevner}))`;
        if (fact === "antalMedarbejdere") {
          saet("lo", `medarbejdere == null ? 0 : ${$("ja")}`);
          saet("hi", `medarbejdere == null ? null : ${$("ja", "uvis", "vja", "vuvis")}`);
        } else {
          saet("lo", `medarbejdere == null ? 0 : ${andel($("ja"), $("ja", "nej", "uvis", "vnej", "vuvis"))}`);
          saet(
            "hi",
            `medarbejdere == null ? 1 : ${andel($("ja", "uvis", "vja", "vuvis"), $("ja", "nej", "uvis", "vja", "vuvis"))}`,
          );
        }
        return;
      }
      case "antalElementer": {
        const liste = String(params.felt);
        const vaerdi = params.blandt ? `count(${liste}, # in ${lit(params.blandt)})` : `len(${liste})`;
        saet("lo", `${liste} != null ? ${vaerdi} : 0`);
        saet("hi", `${liste} != null ? ${vaerdi} : null`);
        return;
      }
    }
    throw new Error(`jdm: fact ${fact}`);
  }

  /** A comparison decided on bounds: true only when it holds for every value between them. */
  function paaGraenser(operator: string, lo: string, hi: string, v: string): string {
    const praecis = `${hi} != null and ${lo} == ${hi}`;
    switch (operator) {
      case "greaterThanInclusive":
        return `${lo} >= ${v}`;
      case "greaterThan":
        return `${lo} > ${v}`;
      case "lessThanInclusive":
        return `(${hi} != null and ${hi} <= ${v})`;
      case "lessThan":
        return `(${hi} != null and ${hi} < ${v})`;
      case "equal":
        return `(${praecis} and ${lo} == ${v})`;
      case "notEqual":
        return `((${praecis} and ${lo} != ${v}) or ${v} < ${lo} or (${hi} != null and ${v} > ${hi}))`;
      case "in":
        return `(${praecis} and ${lo} in ${v})`;
      case "notIn":
        return `((${praecis} and not (${lo} in ${v})) or all(${v}, # < ${lo} or (${hi} != null and # > ${hi})))`;
      case "contains":
      case "doesNotContain":
        return "false";
    }
    throw new Error(`jdm: operator ${operator}`);
  }

  function blad(b: Blad): string {
    const { v, kendt } = isTaerskel(b.value) ? taerskel(b.value.taerskel) : { v: lit(b.value), kendt: "true" };
    const vaern = kendt === "true" ? [] : [kendt];
    if (AFLEDTE.has(b.fact)) {
      const { lo, hi } = graenser(b);
      return `(${[`${lo} != null`, ...vaern, paaGraenser(b.operator, lo, hi, v)].join(" and ")})`;
    }
    const f = felt(b);
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
    return `(${[`${f} != null`, ...vaern, sammenligning].join(" and ")})`;
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
        content: { expressions: [...afledteUdtryk, ...expressions] },
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

/** The input with the derived facts' bounds computed by the engine's own fact functions (`fakta.fN_lo`, `fakta.fN_hi`). */
export function medFakta(input: Vurderingsgrundlag, afledte: JdmOversaettelse["afledte"]): Record<string, unknown> {
  const fakta: Record<string, unknown> = {};
  for (let i = 0; i < afledte.length; i++) {
    const a = afledte[i] as JdmOversaettelse["afledte"][number];
    const f = beregnFaktum(input, a.fact, a.params, undefined);
    const kendt = f.mangler.length === 0;
    fakta[`f${i}_lo`] = kendt ? f.vaerdi : (f.interval?.mindst ?? null);
    fakta[`f${i}_hi`] = kendt ? f.vaerdi : (f.interval?.hoejst ?? null);
  }
  return { ...input, fakta };
}
