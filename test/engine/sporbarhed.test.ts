// Fidelity (DOMAIN.md §7, issue 11): every criterion in a pilot regelsæt rests on a seed — a
// `kilde` whose quote really stands in the cited document — or says it is the team's assumption
// and why. A new condition without either fails here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Betingelse, Kilde, Regelsaet } from "../../engine/index.js";
import { kilderMarkdown } from "../../scripts/kilder-oversigt.js";
import { MAALGRUPPER, pilotRegelsaet, pilotTesttilfaelde } from "../fixtures/pilot.js";

const kilder = fileURLToPath(new URL("../../rulesets/kilder/", import.meta.url));

/** A seed's text with line breaks, hyphenation at line ends and runs of spaces folded away. */
function normaliser(tekst: string): string {
  return tekst
    .replace(/-\s*\n\s*/g, "")
    .replace(/\s+/g, " ")
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}
const dokumenter = new Map<string, string>();
function dokumentTekst(r: Regelsaet, dokument: string): string {
  const fil = r.kilder?.[dokument]?.fil;
  if (!fil) throw new Error(`kilde ${dokument} er ikke i regelsættets kilder`);
  if (!dokumenter.has(fil)) dokumenter.set(fil, normaliser(readFileSync(`${kilder}${fil}`, "utf8")));
  return dokumenter.get(fil) as string;
}

/** Every quote fragment (split at "...") must stand in the cited document. */
function citatFindes(r: Regelsaet, k: Kilde): string[] {
  if (!k.citat) return [];
  const tekst = dokumentTekst(r, k.dokument);
  return k.citat
    .split("...")
    .map((del) => normaliser(del).trim())
    .filter((del) => del.length > 0 && !tekst.includes(del))
    .map((del) => `"${del}" står ikke i ${k.dokument}`);
}

interface Mangel {
  sti: string;
  hvad: string;
}
type Node = Betingelse & { kilde?: Kilde; antagelse?: boolean; begrundelse?: string };

function gennemgaa(r: Regelsaet, b: Node, sti: string, daekket: boolean, mangler: Mangel[]): void {
  if (b.kilde) for (const fejl of citatFindes(r, b.kilde)) mangler.push({ sti, hvad: fejl });
  if (b.antagelse && !b.begrundelse) mangler.push({ sti, hvad: "antagelse uden begrundelse" });
  const egen = Boolean(b.kilde) || b.antagelse === true;
  const boern = "all" in b ? b.all : "any" in b ? b.any : "not" in b ? [b.not] : null;
  if (boern) {
    boern.forEach((c, i) => gennemgaa(r, c as Node, `${sti}/${i}`, daekket || egen, mangler));
    return;
  }
  if (!egen && !daekket) mangler.push({ sti, hvad: "betingelse uden kilde eller antagelse" });
}

function sporbarhedsMangler(r: Regelsaet): Mangel[] {
  const mangler: Mangel[] = [];
  for (const p of r.parametre) {
    if (p.kilde) for (const fejl of citatFindes(r, p.kilde)) mangler.push({ sti: p.id, hvad: fejl });
    for (const [niveau, k] of Object.entries(p.niveauer)) {
      const sti = `${p.id}/${niveau}`;
      if (!k.kilde && !k.antagelse) mangler.push({ sti, hvad: "niveau uden kilde eller antagelse" });
      gennemgaa(r, k.betingelser as Node, `${sti}/betingelser`, false, mangler);
    }
    if (p.ikkeRelevant) {
      const egen = Boolean(p.ikkeRelevant.kilde) || p.ikkeRelevant.antagelse === true;
      if (p.ikkeRelevant.kilde)
        for (const fejl of citatFindes(r, p.ikkeRelevant.kilde))
          mangler.push({ sti: `${p.id}/ikkeRelevant`, hvad: fejl });
      gennemgaa(r, p.ikkeRelevant.naar as Node, `${p.id}/ikkeRelevant/naar`, egen, mangler);
    }
  }
  for (const [navn, t] of Object.entries(r.taerskler)) {
    if (!t.kilde && !t.antagelse) mangler.push({ sti: navn, hvad: "tærskel uden kilde eller antagelse" });
    if (t.kilde) for (const fejl of citatFindes(r, t.kilde)) mangler.push({ sti: navn, hvad: fejl });
    for (const v of t.varianter ?? []) {
      if (!v.kilde && !v.antagelse)
        mangler.push({ sti: `${navn}@${v.navn}`, hvad: "variant uden kilde eller antagelse" });
      if (v.kilde) for (const fejl of citatFindes(r, v.kilde)) mangler.push({ sti: `${navn}@${v.navn}`, hvad: fejl });
    }
  }
  const mb = r.maalgruppebeskrivelse;
  for (const k of [mb?.kilde, mb?.nationaltAntal?.kilde, ...(mb?.delmaalgrupper ?? []).map((d) => d.kilde)])
    if (k) for (const fejl of citatFindes(r, k)) mangler.push({ sti: "maalgruppebeskrivelse", hvad: fejl });
  for (const k of mb?.kriterier ?? [])
    for (const fejl of citatFindes(r, k.kilde)) mangler.push({ sti: `kriterier/${k.navn}`, hvad: fejl });
  return mangler;
}

describe.each(MAALGRUPPER)("sporbarhed i %s", (m) => {
  const r = pilotRegelsaet(m);

  it("every condition, level, threshold and variant names a kilde that really says it, or an antagelse with a reason", () => {
    expect(sporbarhedsMangler(r)).toEqual([]);
  });

  it("every golden case that names a kilde quotes it faithfully", () => {
    const fejl = pilotTesttilfaelde(m).flatMap((t) => (t.kilde ? citatFindes(r, t.kilde) : []));
    expect(fejl).toEqual([]);
  });

  it("carries a målgruppebeskrivelse with Boks 1–3, the national size and the 004 criteria", () => {
    const mb = r.maalgruppebeskrivelse;
    expect(mb?.kompleksitet?.hoej).toBeTruthy();
    expect(mb?.eksempler?.let).toBeTruthy();
    expect(mb?.nationaltAntal?.tekst).toMatch(/1\.000/);
    expect(mb?.kriterier?.length).toBeGreaterThanOrEqual(2);
    expect(mb?.delmaalgrupper?.length).toBeGreaterThanOrEqual(1);
  });
});

it("rulesets/KILDER.md is generated from the regelsæt as they are now (run `npm run kilder` after a change)", () => {
  expect(readFileSync(`${kilder}../KILDER.md`, "utf8")).toBe(kilderMarkdown());
});

describe("the check itself", () => {
  const r = pilotRegelsaet("autisme");

  it("finds a condition without kilde or antagelse", () => {
    const kopi = structuredClone(r);
    const leaf = { fact: "fagmiljoe", path: "$.specialteam", operator: "equal", value: true } as Betingelse;
    const fagmiljoe = kopi.parametre[3];
    if (!fagmiljoe) throw new Error("expected fagmiljø");
    (fagmiljoe.niveauer.hoej.betingelser as { all: Betingelse[] }).all.push(leaf);
    expect(sporbarhedsMangler(kopi)).toEqual([
      { sti: "fagmiljoe/hoej/betingelser/3", hvad: "betingelse uden kilde eller antagelse" },
    ]);
  });

  it("finds a quote that is not in the cited document", () => {
    const kopi = structuredClone(r);
    const t = kopi.taerskler["aktivPraksis.hoej.minBorgere"];
    if (!t) throw new Error("expected the threshold");
    t.kilde = { dokument: "000", afsnit: "4.2.2", citat: "tyve borgere" };
    expect(sporbarhedsMangler(kopi)).toEqual([
      { sti: "aktivPraksis.hoej.minBorgere", hvad: '"tyve borgere" står ikke i 000' },
    ]);
  });
});
