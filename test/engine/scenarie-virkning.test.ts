// Parameter-level moves in a comparison, each change's own effect, and changes that cannot act —
// on the autism pilot regelsæt and the example providers, checked against plain evaluation.
import { describe, expect, it } from "vitest";
import {
  aendringerUdenVirkning,
  anvendAendringer,
  enkeltvisVirkning,
  forbered,
  sammenlignScenarier,
} from "../../engine/index.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { eksempeldata, pilotRegelsaet } from "../fixtures/pilot.js";

const r = pilotRegelsaet("autisme");
const lev = eksempeldata().filter((l) => l.maalgruppe === "autisme");
const aktivPraksis8 = { taerskler: { "aktivPraksis.hoej.minBorgere": 8 } };

/** Per provider, the level of one parameter under a regelsæt, by json-rules-engine. */
async function parameterNiveauer(regelsaet: typeof r, id: string) {
  const f = forbered(regelsaet);
  const ud: { niveau: string; p: string }[] = [];
  for (const l of lev) {
    const res = await indplacer(f, l);
    ud.push({ niveau: res.niveau, p: res.parametre.find((x) => x.id === id)?.niveau ?? "slaaet-fra" });
  }
  return ud;
}

describe("parameterSkift", () => {
  it("counts providers whose parameter level moves even when no overall level does", async () => {
    const s = await sammenlignScenarier(r, [{ navn: "Pilot" }, { navn: "8 borgere", aendringer: aktivPraksis8 }], lev);
    // The expectation from json-rules-engine on both regelsæt, provider by provider.
    const foer = await parameterNiveauer(r, "aktivPraksis");
    const efter = await parameterNiveauer(anvendAendringer(r, aktivPraksis8), "aktivPraksis");
    const flyttede = foer.filter((f, i) => f.p !== efter[i]?.p);
    const samlet = foer.filter((f, i) => f.p !== efter[i]?.p && f.niveau !== efter[i]?.niveau);
    expect(flyttede.length).toBeGreaterThan(0);
    const skift = s.parameterSkift[0];
    expect(skift?.scenarie).toBe("8 borgere");
    expect(skift?.parametre).toEqual([
      {
        id: "aktivPraksis",
        antal: flyttede.length,
        skifterSamlet: samlet.length,
        overgange: [{ fra: "moderat", til: "hoej", antal: flyttede.length, skifterSamlet: samlet.length }],
      },
    ]);
    expect(s.flyttede.length).toBe(samlet.length);
  });

  it("is empty for a scenario without changes, and has one entry per scenario after the first", async () => {
    const s = await sammenlignScenarier(
      r,
      [{ navn: "A" }, { navn: "B" }, { navn: "C", aendringer: aktivPraksis8 }],
      lev,
    );
    expect(s.parameterSkift.map((x) => x.scenarie)).toEqual(["B", "C"]);
    expect(s.parameterSkift[0]?.parametre).toEqual([]);
  });
});

describe("enkeltvisVirkning", () => {
  it("isolates each change of a mixed scenario against the starting regelsæt", async () => {
    const blandet = {
      taerskler: { "aktivPraksis.hoej.minBorgere": 8 },
      vaegte: { hjaelpemidler: 0.5 },
      indplacering: { metode: "vaegtet" as const },
    };
    const v = await enkeltvisVirkning(r, blandet, lev);
    expect(v.aendringer.map((a) => a.noegle)).toEqual([
      "taerskler:aktivPraksis.hoej.minBorgere",
      "vaegte:hjaelpemidler",
      "indplacering:metode",
    ]);
    expect(v.aendringer[0]?.tekst).toBe("Aktiv praksis · højt · mindst antal borgere: 10 borgere → 8 borgere");
    // Each entry equals a comparison of that change alone.
    for (const a of v.aendringer) {
      const alene = await sammenlignScenarier(r, [{ navn: "x" }, { navn: "y", aendringer: a.aendringer }], lev);
      expect(a.fordeling).toEqual(alene.scenarier[1]?.fordeling);
      expect(a.skifterSamlet).toBe(alene.flyttede.length);
      expect(a.parametre).toEqual(alene.parameterSkift[0]?.parametre);
    }
    // A weight alone under the counting policy moves nobody; the method alone moves providers.
    expect(v.aendringer[1]?.skifterSamlet).toBe(0);
    expect(v.aendringer[2]?.skifterSamlet).toBeGreaterThan(0);
  });

  it("reports a change that is invalid on its own instead of failing the rest", async () => {
    const v = await enkeltvisVirkning(
      r,
      { taerskler: { "aktivPraksis.hoej.minBorgere": 200, "aktivPraksis.moderat.minBorgere": 4 } },
      lev,
    );
    expect(v.aendringer[0]?.fejl).toContain("Højst 60 borgere");
    expect(v.aendringer[1]?.fordeling).toBeDefined();
  });
});

describe("aendringerUdenVirkning", () => {
  it("names a weight under the counting policy, and not once the scenario weighs", () => {
    const u = aendringerUdenVirkning(r, { vaegte: { hjaelpemidler: 0.5 } });
    expect(u).toHaveLength(1);
    expect(u[0]?.noegle).toBe("vaegte:hjaelpemidler");
    expect(u[0]?.grund).toContain("vægte bruges kun af den vægtede metode");
    expect(aendringerUdenVirkning(r, { vaegte: { hjaelpemidler: 0.5 }, indplacering: { metode: "vaegtet" } })).toEqual(
      [],
    );
  });

  it("names unchanged values and the weighted limits under counting", () => {
    const u = aendringerUdenVirkning(r, {
      taerskler: { "aktivPraksis.hoej.minBorgere": 10, "indplacering.vaegtet.hoej.minScore": 2.5 },
      aktive: { metoder: true },
    });
    expect(u.map((x) => x.noegle)).toEqual([
      "taerskler:aktivPraksis.hoej.minBorgere",
      "taerskler:indplacering.vaegtet.hoej.minScore",
      "aktive:metoder",
    ]);
    expect(u[0]?.grund).toContain("samme værdi");
    expect(aendringerUdenVirkning(r, aktivPraksis8)).toEqual([]);
  });
});
