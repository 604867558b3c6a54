// Schema validation with ajv, and the semantic checks a schema cannot express (unknown
// thresholds and facts, duplicate parameter ids, fact parameters). Errors come back as a list of
// Problems in Danish; nothing here throws on bad input.
import type { ErrorObject, ValidateFunction } from "ajv";
import { FAKTA, LISTEFELT_PATTERN, type ParamType } from "./facts.js";
import { kodelisteProblemer } from "./kodelister.js";
import { naermeste } from "./naermeste.js";
import { type Problem, problem, type Sti, stiFromPointer } from "./problem.js";
import {
  type Betingelse,
  type BetingelsesVaerdi,
  type LeafBetingelse,
  NIVEAUER,
  type Regelsaet,
} from "./schema/regelsaet.js";
import {
  erVurderingsgrundlagHurtig,
  validateRegelsaetSchema as validateRegelsaetGen,
  validateVurderingsgrundlagSchema as validateVurderingsgrundlagGen,
} from "./schema/validatorer.gen.js";
import type { Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";
import { taerskelGraenseBrud } from "./taerskel-etiketter.js";

// Precompiled by `npm run schema` (ajv standalone): no code is generated at run time.
const validateRegelsaetSchema = validateRegelsaetGen as ValidateFunction<Regelsaet>;
const validateVurderingsgrundlagSchema = validateVurderingsgrundlagGen as ValidateFunction<Vurderingsgrundlag>;

const TYPE_NAVNE: Record<string, string> = {
  string: "en tekst",
  number: "et tal",
  integer: "et helt tal",
  boolean: "sand eller falsk (true/false)",
  object: "et objekt",
  array: "en liste",
  null: "null",
};

function danskTekst(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `Feltet '${p.missingProperty}' mangler.`;
    case "additionalProperties": {
      // A map with named keys (taerskler, supplerende, …): the name has the wrong form.
      const moenstre = Object.keys(
        (e.parentSchema as { patternProperties?: object } | undefined)?.patternProperties ?? {},
      );
      return moenstre.length > 0
        ? `Navnet '${p.additionalProperty}' har ikke den rette form (${moenstre.join(", ")}).`
        : `Feltet '${p.additionalProperty}' er ukendt her.`;
    }
    case "type":
      return `Skal være ${String(p.type)
        .split(",")
        .map((t) => TYPE_NAVNE[t] ?? t)
        .join(" eller ")}.`;
    case "enum":
      return `${JSON.stringify(e.data)} er ikke tilladt. Skal være en af: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}.`;
    case "const":
      return `Skal være ${JSON.stringify(p.allowedValue)}.`;
    case "minimum":
      return `Skal være mindst ${p.limit}.`;
    case "maximum":
      return `Må højst være ${p.limit}.`;
    case "minLength":
      return p.limit === 1 ? "Må ikke være tom." : `Skal have mindst ${p.limit} tegn.`;
    case "maxLength":
      return `Må højst have ${p.limit} tegn.`;
    case "minItems":
      return `Skal have mindst ${p.limit} element${p.limit === 1 ? "" : "er"}.`;
    case "maxItems":
      return `Må højst have ${p.limit} elementer.`;
    case "maxProperties":
      return `Må højst have ${p.limit} felter.`;
    case "pattern":
      return `Har ikke den rette form (${String(p.pattern)}).`;
    case "anyOf":
      return "Passer ikke til nogen af de tilladte former.";
    default:
      return e.message ?? "Ugyldig værdi.";
  }
}

/** Turns ajv's errors into Problems, dropping the summary errors of if/then and unions. */
function fromAjv(errors: ErrorObject[] | null | undefined, rod: Sti = []): Problem[] {
  if (!errors) return [];
  const relevant = errors.filter((e) => e.keyword !== "if");
  // A union (anyOf) reports every branch; keep the summary only where no branch said more.
  const pathsWithDetail = new Set(relevant.filter((e) => e.keyword !== "anyOf").map((e) => e.instancePath));
  // A union of literals reports one `const` error per literal; say it once, as a choice.
  const konstanter = new Map<string, unknown[]>();
  for (const e of relevant) {
    if (e.keyword !== "const") continue;
    const tilladt = (e.params as { allowedValue: unknown }).allowedValue;
    konstanter.set(e.instancePath, [...(konstanter.get(e.instancePath) ?? []), tilladt]);
  }
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of relevant) {
    if (e.keyword === "anyOf" && pathsWithDetail.has(e.instancePath)) continue;
    const sti = [...rod, ...stiFromPointer(e.instancePath)];
    if (e.keyword === "additionalProperties")
      sti.push(String((e.params as Record<string, unknown>).additionalProperty));
    const valg = konstanter.get(e.instancePath);
    const tekst =
      e.keyword === "const" && valg && valg.length > 1
        ? `${JSON.stringify(e.data)} er ikke tilladt. Skal være en af: ${valg.map((v) => JSON.stringify(v)).join(", ")}.`
        : danskTekst(e);
    const p = problem(sti, tekst);
    const key = `${p.pointer} ${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/**
 * Whether the input is a valid vurderingsgrundlag, as `validateVurderingsgrundlag(input)` is
 * empty, but faster: the same schema with its unions of constants as enums, so a valid document
 * costs no error objects (see scripts/schema-filer.ts). Ask validateVurderingsgrundlag for errors.
 */
export function erGyldigtVurderingsgrundlag(input: unknown): input is Vurderingsgrundlag {
  return erVurderingsgrundlagHurtig(input, ROD_KALD);
}

/**
 * The options of a top-level call, shared: called with one argument, ajv's standalone code
 * allocates its default options object on every call (a megabyte per 10,000 providers).
 */
const ROD_KALD = Object.freeze({});

export function validateVurderingsgrundlag(input: unknown, rod: Sti = []): Problem[] {
  // Valid input is the common case: the fast check says so without building any error objects.
  if (erGyldigtVurderingsgrundlag(input) || validateVurderingsgrundlagSchema(input)) return [];
  return fromAjv(validateVurderingsgrundlagSchema.errors, rod);
}

export function isVurderingsgrundlag(input: unknown): input is Vurderingsgrundlag {
  return validateVurderingsgrundlag(input).length === 0;
}

export interface RegelsaetValidering {
  fejl: Problem[];
  regelsaet?: Regelsaet;
}

/** Schema and semantic validation. `regelsaet` is set only when there are no errors. */
export function validateRegelsaet(input: unknown): RegelsaetValidering {
  if (!validateRegelsaetSchema(input)) return { fejl: fromAjv(validateRegelsaetSchema.errors) };
  const fejl = semanticProblems(input);
  return fejl.length > 0 ? { fejl } : { fejl, regelsaet: input };
}

function semanticProblems(r: Regelsaet): Problem[] {
  const fejl: Problem[] = [];
  const ids = new Map<string, number>();
  r.parametre.forEach((p, i) => {
    const foer = ids.get(p.id);
    if (foer !== undefined) {
      fejl.push(problem(["parametre", i, "id"], `Parameter-id '${p.id}' findes allerede (parametre[${foer}]).`));
    } else ids.set(p.id, i);
    for (const niveau of NIVEAUER) {
      walkLeaves(p.niveauer[niveau].betingelser, ["parametre", i, "niveauer", niveau, "betingelser"], (leaf, sti) =>
        fejl.push(...leafProblems(r, leaf, sti)),
      );
    }
    if (p.ikkeRelevant) {
      walkLeaves(p.ikkeRelevant.naar, ["parametre", i, "ikkeRelevant", "naar"], (leaf, sti) =>
        fejl.push(...leafProblems(r, leaf, sti)),
      );
    }
  });
  for (const [navn, t] of Object.entries(r.taerskler)) {
    const varianter = new Set<string>();
    t.varianter?.forEach((v, i) => {
      const sti = ["taerskler", navn, "varianter", i];
      if (varianter.has(v.navn)) fejl.push(problem([...sti, "navn"], `Varianten '${v.navn}' findes to gange.`));
      varianter.add(v.navn);
      if (Array.isArray(v.vaerdi) !== Array.isArray(t.vaerdi)) {
        fejl.push(problem([...sti, "vaerdi"], "Varianten skal have samme slags værdi (tal eller liste) som tærsklen."));
      }
    });
  }
  fejl.push(...kodelisteProblemer(r));
  fejl.push(...taerskelGraenseProblemer(r));
  for (const niveau of ["moderat", "hoej"] as const) {
    r.indplacering.krav?.[niveau]?.forEach((id, i) => {
      if (!ids.has(id)) {
        fejl.push(problem(["indplacering", "krav", niveau, i], `Parameteren '${id}' findes ikke i regelsættet.`));
      }
    });
  }
  const taelleTaerskler = [
    "indplacering.moderat.minParametre",
    "indplacering.hoej.minParametre",
    "indplacering.hoej.maxModerat",
  ];
  const kraevede =
    r.indplacering.metode === "vaegtet"
      ? ["indplacering.vaegtet.moderat.minScore", "indplacering.vaegtet.hoej.minScore"]
      : taelleTaerskler;
  for (const navn of kraevede) {
    if (!r.taerskler[navn]) {
      fejl.push(
        problem(
          ["taerskler"],
          `Tærsklen '${navn}' mangler; indplaceringsmetoden '${r.indplacering.metode}' bruger den.`,
        ),
      );
    }
  }
  return fejl;
}

/**
 * Threshold limits: every number (base value and variants) within the threshold's `min`/`max`
 * (a share within 0–1), whole for counted units, and `min` not above `max` — so a form, a
 * scenario or a hand edit cannot store 200 where at most 60 makes sense.
 */
function taerskelGraenseProblemer(r: Regelsaet): Problem[] {
  const fejl: Problem[] = [];
  for (const [navn, t] of Object.entries(r.taerskler)) {
    if (t.min !== undefined && t.max !== undefined && t.min > t.max) {
      fejl.push(problem(["taerskler", navn, "min"], `'min' (${t.min}) er større end 'max' (${t.max}).`));
      continue;
    }
    const brud = taerskelGraenseBrud(t, t.vaerdi);
    if (brud) fejl.push(problem(["taerskler", navn, "vaerdi"], brud));
    t.varianter?.forEach((v, i) => {
      const b = taerskelGraenseBrud(t, v.vaerdi);
      if (b) fejl.push(problem(["taerskler", navn, "varianter", i, "vaerdi"], b));
    });
  }
  return fejl;
}

export function walkLeaves(b: Betingelse, sti: Sti, visit: (leaf: LeafBetingelse, sti: Sti) => void): void {
  if ("all" in b) b.all.forEach((c, i) => walkLeaves(c, [...sti, "all", i], visit));
  else if ("any" in b) b.any.forEach((c, i) => walkLeaves(c, [...sti, "any", i], visit));
  else if ("not" in b) walkLeaves(b.not, [...sti, "not"], visit);
  else visit(b, sti);
}

function taerskelProblem(r: Regelsaet, v: BetingelsesVaerdi, sti: Sti, forventet?: ParamType): Problem | undefined {
  if (typeof v !== "object" || Array.isArray(v)) return undefined;
  const t = r.taerskler[v.taerskel];
  if (!t) {
    const forslag = naermeste(v.taerskel, Object.keys(r.taerskler));
    return problem(
      [...sti, "taerskel"],
      `Tærsklen '${v.taerskel}' findes ikke i taerskler.${forslag ? ` Mente du '${forslag}'?` : ""}`,
    );
  }
  if (forventet === "tal" && Array.isArray(t.vaerdi))
    return problem([...sti, "taerskel"], `Tærsklen '${v.taerskel}' er en liste; her skal bruges et tal.`);
  if (forventet === "tekstliste" && !Array.isArray(t.vaerdi))
    return problem([...sti, "taerskel"], `Tærsklen '${v.taerskel}' er et tal; her skal bruges en liste.`);
  return undefined;
}

function leafProblems(r: Regelsaet, leaf: LeafBetingelse, sti: Sti): Problem[] {
  const out: Problem[] = [];
  const fakta = FAKTA.get(leaf.fact);
  if (!fakta) {
    const forslag = naermeste(leaf.fact, [...FAKTA.keys()]);
    out.push(
      problem(
        [...sti, "fact"],
        `Faktummet '${leaf.fact}' findes ikke.${forslag ? ` Mente du '${forslag}'?` : ""} Kendte fakta: ${[...FAKTA.keys()].join(", ")}.`,
      ),
    );
    return out;
  }
  if (fakta.slags === "afledt" && leaf.path) {
    out.push(problem([...sti, "path"], `Faktummet '${leaf.fact}' er afledt og har ingen 'path'; brug 'params'.`));
  }
  if (fakta.slags === "felt" && leaf.params && Object.keys(leaf.params).length > 0) {
    out.push(problem([...sti, "params"], `Faktummet '${leaf.fact}' tager ingen 'params'; brug 'path'.`));
  }
  for (const [navn, spec] of Object.entries(fakta.params)) {
    if (spec.paakraevet && leaf.params?.[navn] === undefined) {
      out.push(problem([...sti, "params"], `Faktummet '${leaf.fact}' kræver parameteren '${navn}'.`));
    }
  }
  for (const [navn, vaerdi] of Object.entries(leaf.params ?? {})) {
    const spec = fakta.params[navn];
    const psti = [...sti, "params", navn];
    if (!spec) {
      out.push(
        problem(
          psti,
          `Faktummet '${leaf.fact}' kender ikke parameteren '${navn}'. Kendte: ${Object.keys(fakta.params).join(", ")}.`,
        ),
      );
      continue;
    }
    const tp = taerskelProblem(r, vaerdi, psti, spec.type);
    if (tp) out.push(tp);
    else if (!(typeof vaerdi === "object" && !Array.isArray(vaerdi)) && !passerType(vaerdi, spec.type)) {
      out.push(problem(psti, `Parameteren '${navn}' skal være ${PARAM_TYPE_TEKST[spec.type]}.`));
    } else if (spec.tilladte && Array.isArray(vaerdi) && vaerdi.some((x) => !spec.tilladte?.includes(String(x)))) {
      out.push(problem(psti, `Parameteren '${navn}' må kun indeholde: ${spec.tilladte.join(", ")}.`));
    } else if (
      leaf.fact === "antalElementer" &&
      navn === "felt" &&
      !new RegExp(LISTEFELT_PATTERN).test(String(vaerdi))
    ) {
      out.push(problem(psti, `'${String(vaerdi)}' er ikke en liste i vurderingsgrundlaget.`));
    }
  }
  const tp = taerskelProblem(r, leaf.value, [...sti, "value"]);
  if (tp) out.push(tp);
  const listeOperator = leaf.operator === "in" || leaf.operator === "notIn";
  const vaerdi = resolveForCheck(r, leaf.value);
  if (listeOperator && vaerdi !== undefined && !Array.isArray(vaerdi)) {
    out.push(problem([...sti, "value"], `Operatoren '${leaf.operator}' kræver en liste som værdi.`));
  }
  return out;
}

const PARAM_TYPE_TEKST: Record<ParamType, string> = {
  tekstliste: "en liste af tekster",
  tal: "et tal",
  sandhed: "true eller false",
  tekst: "en tekst",
};

function passerType(v: unknown, type: ParamType): boolean {
  switch (type) {
    case "tekstliste":
      return Array.isArray(v) && v.every((x) => typeof x === "string");
    case "tal":
      return typeof v === "number";
    case "sandhed":
      return typeof v === "boolean";
    case "tekst":
      return typeof v === "string";
  }
}

function resolveForCheck(r: Regelsaet, v: BetingelsesVaerdi): unknown {
  if (typeof v === "object" && !Array.isArray(v)) return r.taerskler[v.taerskel]?.vaerdi;
  return v;
}
