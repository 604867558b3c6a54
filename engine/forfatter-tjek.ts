// Authoring checks beyond the schema. They warn, they do not block: levels that are not nested
// (a provider could meet højt without meeting moderat), a higher level asking less than a lower
// one, levels or policy limits that can never be reached, thresholds nobody uses, and criteria
// with neither a source nor a stated assumption.
import { canonicalJson } from "./hash.js";
import { type Problem, problem, type Sti, visSti } from "./problem.js";
import { type Betingelse, type LeafBetingelse, NIVEAUER, type Regelsaet } from "./schema/regelsaet.js";
import { erTaerskelReference, taerskelNavne } from "./taerskler.js";

const NUMERISK_STRAENGHED: Record<string, 1 | -1> = {
  greaterThan: 1,
  greaterThanInclusive: 1,
  lessThan: -1,
  lessThanInclusive: -1,
};

/** A level's conditions as a conjunction of leaves, or undefined when it has any/not inside. */
function konjunktion(b: Betingelse, sti: Sti): { leaf: LeafBetingelse; sti: Sti }[] | undefined {
  if ("all" in b) {
    const dele = b.all.map((c, i) => konjunktion(c, [...sti, "all", i]));
    return dele.every((d) => d !== undefined) ? dele.flat() : undefined;
  }
  if ("any" in b || "not" in b) return undefined;
  return [{ leaf: b, sti }];
}

function grundvaerdi(r: Regelsaet, v: unknown): unknown {
  return erTaerskelReference(v) ? r.taerskler[v.taerskel]?.vaerdi : v;
}

/** The params of a leaf with thresholds resolved, except the ones that set a minimum. */
function noegle(r: Regelsaet, leaf: LeafBetingelse): string {
  const params = Object.fromEntries(
    Object.entries(leaf.params ?? {})
      .filter(([k]) => !k.startsWith("min"))
      .map(([k, v]) => [k, grundvaerdi(r, v)]),
  );
  return canonicalJson({ fact: leaf.fact, path: leaf.path ?? null, params });
}

/** Is `hoej` (the higher level's leaf) at least as strict as `lav`? undefined when unknowable. */
function mindstLigeSaaStreng(r: Regelsaet, lav: LeafBetingelse, hoej: LeafBetingelse): boolean | undefined {
  for (const [k, v] of Object.entries(lav.params ?? {})) {
    if (!k.startsWith("min")) continue;
    const a = grundvaerdi(r, v);
    const b = grundvaerdi(r, hoej.params?.[k]);
    if (typeof a === "number" && (typeof b !== "number" || b < a)) return false;
  }
  const a = grundvaerdi(r, lav.value);
  const b = grundvaerdi(r, hoej.value);
  const retning = NUMERISK_STRAENGHED[lav.operator];
  if (retning !== undefined && NUMERISK_STRAENGHED[hoej.operator] === retning) {
    if (typeof a !== "number" || typeof b !== "number") return undefined;
    return retning === 1 ? b >= a : b <= a;
  }
  if (lav.operator === "in" && hoej.operator === "in" && Array.isArray(a) && Array.isArray(b)) {
    return b.every((x) => a.includes(x as never));
  }
  if (lav.operator === hoej.operator) return canonicalJson(a) === canonicalJson(b) ? true : undefined;
  return undefined;
}

function tjekIndlejring(r: Regelsaet, advarsler: Problem[]): void {
  r.parametre.forEach((p, pi) => {
    for (const [lavN, hoejN] of [
      ["let", "moderat"],
      ["moderat", "hoej"],
    ] as const) {
      const lav = konjunktion(p.niveauer[lavN].betingelser, ["parametre", pi, "niveauer", lavN, "betingelser"]);
      const hoej = konjunktion(p.niveauer[hoejN].betingelser, ["parametre", pi, "niveauer", hoejN, "betingelser"]);
      if (!lav || !hoej) continue;
      for (const l of lav) {
        const n = noegle(r, l.leaf);
        const modparter = hoej.filter((h) => noegle(r, h.leaf) === n);
        if (modparter.length === 0) {
          advarsler.push(
            problem(
              ["parametre", pi, "niveauer", hoejN, "betingelser"],
              `Niveauerne for '${p.id}' er ikke indlejrede: ${hoejN} stiller ikke betingelsen om '${l.leaf.fact}${l.leaf.path?.slice(1) ?? ""}', som ${lavN} stiller (${visSti(l.sti)}). En leverandør kan da opfylde ${hoejN} uden at opfylde ${lavN}.`,
            ),
          );
          continue;
        }
        if (modparter.every((h) => mindstLigeSaaStreng(r, l.leaf, h.leaf) === false)) {
          const h = modparter[0];
          advarsler.push(
            problem(
              h?.sti ?? [],
              `Betingelsen på ${hoejN} niveau for '${p.id}' er mildere end den tilsvarende på ${lavN} niveau; en leverandør kan opfylde ${hoejN} uden ${lavN}.`,
            ),
          );
        }
      }
    }
  });
}

function tjekTaerskelOrden(r: Regelsaet, advarsler: Problem[]): void {
  for (const [navn, t] of Object.entries(r.taerskler)) {
    const m = /^(.+)\.moderat\.(.+)$/.exec(navn);
    if (!m) continue;
    const hoejNavn = `${m[1]}.hoej.${m[2]}`;
    const h = r.taerskler[hoejNavn];
    if (!h || typeof t.vaerdi !== "number" || typeof h.vaerdi !== "number") continue;
    const sidste = m[2] ?? "";
    if (sidste.startsWith("min") && h.vaerdi < t.vaerdi) {
      advarsler.push(
        problem(
          ["taerskler", hoejNavn, "vaerdi"],
          `Højt-tærsklen (${h.vaerdi}) er lavere end moderat-tærsklen '${navn}' (${t.vaerdi}).`,
        ),
      );
    }
    if (sidste.startsWith("max") && h.vaerdi > t.vaerdi) {
      advarsler.push(
        problem(
          ["taerskler", hoejNavn, "vaerdi"],
          `Højt-tærsklen (${h.vaerdi}) er højere end moderat-tærsklen '${navn}' (${t.vaerdi}).`,
        ),
      );
    }
  }
}

function tjekUopnaaelige(r: Regelsaet, advarsler: Problem[]): void {
  for (const [navn, t] of Object.entries(r.taerskler)) {
    const vaerdier = [t.vaerdi, ...(t.varianter ?? []).map((v) => v.vaerdi)];
    if (t.enhed === "andel" && vaerdier.some((v) => typeof v === "number" && (v > 1 || v < 0))) {
      advarsler.push(
        problem(
          ["taerskler", navn, "vaerdi"],
          `En andel skal ligge mellem 0 og 1; med denne værdi kan betingelsen aldrig opfyldes.`,
        ),
      );
    }
  }
  const aktive = r.parametre.filter((p) => p.aktiv !== false);
  const pol = r.indplacering;
  const tal = (navn: string) => {
    const v = r.taerskler[navn]?.vaerdi;
    return typeof v === "number" ? v : undefined;
  };
  if (aktive.length === 0)
    advarsler.push(
      problem(["parametre"], "Ingen parametre er aktive; alle godkendte leverandører bliver let specialiserede."),
    );
  if (pol.metode === "optaelling") {
    const justering = pol.referenceAntal === undefined ? 0 : aktive.length - pol.referenceAntal;
    for (const navn of ["indplacering.moderat.minParametre", "indplacering.hoej.minParametre"]) {
      const v = tal(navn);
      if (v !== undefined && v + justering > aktive.length) {
        advarsler.push(
          problem(
            ["taerskler", navn, "vaerdi"],
            `Kræver ${v + justering} parametre, men kun ${aktive.length} er aktive; grænsen sættes ned til ${aktive.length}.`,
          ),
        );
      }
    }
  } else {
    const maks = Math.max(...Object.values(pol.niveauvaerdier ?? { hoej: 3 }));
    for (const niveau of ["moderat", "hoej"]) {
      const navn = `indplacering.vaegtet.${niveau}.minScore`;
      const v = tal(navn);
      if (v !== undefined && v > maks) {
        advarsler.push(
          problem(["taerskler", navn, "vaerdi"], `Scoren kan højst blive ${maks}; ${niveau} kan aldrig nås.`),
        );
      }
    }
  }
  for (const niveau of ["moderat", "hoej"] as const) {
    pol.krav?.[niveau]?.forEach((id, i) => {
      if (r.parametre.find((p) => p.id === id)?.aktiv === false) {
        advarsler.push(
          problem(["indplacering", "krav", niveau, i], `Kravparameteren '${id}' er slået fra og tæller ikke.`),
        );
      }
    });
  }
}

function tjekUbrugte(r: Regelsaet, advarsler: Problem[]): void {
  const brugte = new Set<string>();
  for (const p of r.parametre) {
    for (const n of NIVEAUER) taerskelNavne(p.niveauer[n].betingelser, brugte);
    if (p.ikkeRelevant) taerskelNavne(p.ikkeRelevant.naar, brugte);
  }
  for (const navn of Object.keys(r.taerskler)) {
    if (!brugte.has(navn) && !navn.startsWith("indplacering.")) {
      advarsler.push(problem(["taerskler", navn], `Tærsklen '${navn}' bruges ikke af nogen betingelse.`));
    }
  }
}

type Sporbar = Betingelse & { kilde?: unknown; antagelse?: boolean; begrundelse?: string };

/**
 * Every criterion should rest on a source or say it is an assumption (DOMAIN.md §7): a leaf is
 * covered by its own `kilde`/`antagelse` or by that of a group around it.
 */
function tjekSporbarhed(r: Regelsaet, advarsler: Problem[]): void {
  const besoeg = (b: Sporbar, sti: Sti, daekket: boolean): void => {
    if (b.antagelse && !b.begrundelse)
      advarsler.push(problem(sti, "Betingelsen er markeret som antagelse, men mangler en begrundelse."));
    const egen = b.kilde !== undefined || b.antagelse === true;
    const boern = "all" in b ? b.all : "any" in b ? b.any : "not" in b ? [b.not] : null;
    const noegle = "all" in b ? "all" : "any" in b ? "any" : "not";
    if (boern) {
      boern.forEach((c, i) =>
        besoeg(c as Sporbar, noegle === "not" ? [...sti, "not"] : [...sti, noegle, i], daekket || egen),
      );
      return;
    }
    if (!egen && !daekket)
      advarsler.push(
        problem(
          sti,
          "Betingelsen har hverken kilde eller antagelse. Angiv kilde (dokument, afsnit, citat) eller antagelse med begrundelse.",
        ),
      );
  };
  r.parametre.forEach((p, i) => {
    for (const n of NIVEAUER)
      besoeg(p.niveauer[n].betingelser as Sporbar, ["parametre", i, "niveauer", n, "betingelser"], false);
  });
}

/** Warnings for a schema-valid regelsæt. */
export function forfatterTjek(r: Regelsaet): Problem[] {
  const advarsler: Problem[] = [];
  tjekIndlejring(r, advarsler);
  tjekTaerskelOrden(r, advarsler);
  tjekUopnaaelige(r, advarsler);
  tjekUbrugte(r, advarsler);
  tjekSporbarhed(r, advarsler);
  return advarsler;
}
