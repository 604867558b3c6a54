// The indplacering policy is written twice: `anvendPolitik` (the full PolitikResultat, used by
// both evaluation paths for the result) and `kompilerPolitik` (only the level, with limits and
// weights looked up once, for batch work). This property test holds the two to the same level
// for any policy, weights, limits, parameter levels and `godkendt`.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kompilerPolitik } from "../../engine/indplacering/kompileret/politik.js";
import { anvendPolitik, type ParameterUdfald } from "../../engine/indplacering/politik.js";
import type { Indplaceringspolitik, Parameter, ParameterNiveau } from "../../engine/schema/regelsaet.js";
import type { TaerskelOpslag } from "../../engine/taerskler.js";

const NIVEAUER: ParameterNiveau[] = ["ingen", "let", "moderat", "hoej"];
const tal = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double({ min: -1, max: 4, noNaN: true }));

const tilfaelde = fc
  .record({
    parametre: fc.array(
      fc.record({
        vaegt: fc.option(fc.oneof(fc.constantFrom(0, 0.5, 1, 2), fc.double({ min: 0, max: 5, noNaN: true })), {
          nil: undefined,
        }),
        niveau: fc.constantFrom(...NIVEAUER),
      }),
      { maxLength: 10 },
    ),
    metode: fc.constantFrom("optaelling" as const, "vaegtet" as const),
    referenceAntal: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    toNiveauer: fc.option(fc.boolean(), { nil: undefined }),
    niveauvaerdier: fc.option(fc.record({ ingen: tal, let: tal, moderat: tal, hoej: tal }), { nil: undefined }),
    kravModerat: fc.option(fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 3 }), { nil: undefined }),
    kravHoej: fc.option(fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 3 }), { nil: undefined }),
    graenser: fc.record({
      "indplacering.moderat.minParametre": fc.integer({ min: -2, max: 12 }),
      "indplacering.hoej.minParametre": fc.integer({ min: -2, max: 12 }),
      "indplacering.hoej.maxModerat": fc.integer({ min: -2, max: 12 }),
      "indplacering.vaegtet.moderat.minScore": tal,
      "indplacering.vaegtet.hoej.minScore": tal,
    }),
    godkendt: fc.constantFrom(true, false, undefined),
  })
  .map((t) => {
    const id = (i: number) => (i < t.parametre.length ? `p${i}` : `ukendt${i}`);
    const politik: Indplaceringspolitik = { metode: t.metode };
    if (t.referenceAntal !== undefined) politik.referenceAntal = t.referenceAntal;
    if (t.toNiveauer !== undefined) politik.toNiveauer = t.toNiveauer;
    if (t.niveauvaerdier !== undefined) politik.niveauvaerdier = t.niveauvaerdier;
    if (t.kravModerat || t.kravHoej) {
      politik.krav = {};
      if (t.kravModerat) politik.krav.moderat = t.kravModerat.map(id);
      if (t.kravHoej) politik.krav.hoej = t.kravHoej.map(id);
    }
    const aktive = t.parametre.map((p, i) => ({ id: id(i), vaegt: p.vaegt }) as Parameter);
    const udfald: ParameterUdfald[] = t.parametre.map((p, i) => ({ id: id(i), niveau: p.niveau, vaegt: p.vaegt ?? 1 }));
    const graenser: Record<string, number> = t.graenser;
    const opslag: TaerskelOpslag = (navn) => {
      const vaerdi = graenser[navn];
      if (vaerdi === undefined) throw new Error(`Test: no threshold '${navn}'`);
      return { vaerdi, mangler: [] };
    };
    return { politik, aktive, udfald, opslag, niveauer: t.parametre.map((p) => p.niveau), godkendt: t.godkendt };
  });

describe("the indplacering policy, written twice", () => {
  it("kompilerPolitik gives the level anvendPolitik gives", () => {
    const set = new Set<string>();
    fc.assert(
      fc.property(tilfaelde, (t) => {
        const forventet = anvendPolitik(t.politik, t.opslag, t.udfald, t.godkendt).niveau;
        const kompileret = kompilerPolitik(t.politik, t.opslag, t.aktive)(t.niveauer, t.godkendt);
        set.add(forventet);
        expect(kompileret).toBe(forventet);
      }),
      { numRuns: 5000 },
    );
    // The generator reaches every level, so the property says something about each.
    expect([...set].sort()).toEqual(["hoej", "ikke-indplaceret", "let", "moderat"]);
  });
});
