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
    vaegtetGraenser: fc.constantFrom(undefined, "taerskler" as const, "afledte" as const),
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
    if (t.vaegtetGraenser !== undefined) politik.vaegtetGraenser = t.vaegtetGraenser;
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

describe("the weighted policy with cut-offs derived from the weights", () => {
  const otte = Array.from({ length: 8 }, (_, i) => `p${i}`);
  const ingenTaerskler: TaerskelOpslag = (navn) => {
    throw new Error(`Test: derived cut-offs read no threshold ('${navn}')`);
  };
  const niveau = (niveauer: readonly string[], vaegte: readonly number[]) =>
    anvendPolitik(
      { metode: "vaegtet", vaegtetGraenser: "afledte" },
      ingenTaerskler,
      otte.map((id, i) => ({ id, niveau: niveauer[i] as ParameterUdfald["niveau"], vaegt: vaegte[i] as number })),
      true,
    ).niveau;

  it("equals Tabel 4's weakest profiles with equal weights (2.875 and 1.875)", () => {
    const lige = otte.map(() => 1);
    expect(niveau(["moderat", ...otte.slice(1).map(() => "hoej")], lige)).toBe("hoej");
    expect(niveau(["let", ...otte.slice(1).map(() => "hoej")], lige)).toBe("moderat");
    expect(niveau(["let", ...otte.slice(1).map(() => "moderat")], lige)).toBe("moderat");
    expect(niveau(["ingen", ...otte.slice(1).map(() => "moderat")], lige)).toBe("let");
  });

  // Højt has no level above it, so a lower weight only shrinks a shortfall. (At moderat a
  // parameter at højt adds a surplus, and weighing it less can take that surplus away.)
  it("lowering one parameter's weight (hjælpemidler 0.5) never takes a provider down from højt", () => {
    let hoejeFoer = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("hoej", "hoej", "hoej", "hoej", "hoej", "moderat", "let", "ingen"), {
          minLength: 8,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom(0, 0.25, 0.5, 0.75),
        (niveauer, i, lavere) => {
          const lige = otte.map(() => 1);
          const vaegte = lige.map((w, j) => (j === i ? lavere : w));
          if (niveau(niveauer, lige) !== "hoej") return;
          hoejeFoer++;
          expect(niveau(niveauer, vaegte)).toBe("hoej");
        },
      ),
      { numRuns: 3000 },
    );
    expect(hoejeFoer).toBeGreaterThan(100);
  });

  it("with the fixed cut-off 2.875 the same change does take a provider down (why the cut-offs are derived)", () => {
    const profil = ["hoej", "hoej", "hoej", "hoej", "hoej", "hoej", "moderat", "hoej"];
    const vaegte = [1, 1, 1, 1, 1, 1, 1, 0.5];
    const fast = (v: readonly number[]) =>
      anvendPolitik(
        { metode: "vaegtet" },
        (navn) => ({ vaerdi: navn.endsWith("hoej.minScore") ? 2.875 : 1.875, mangler: [] }),
        otte.map((id, i) => ({ id, niveau: profil[i] as ParameterUdfald["niveau"], vaegt: v[i] as number })),
        true,
      ).niveau;
    expect(fast(otte.map(() => 1))).toBe("hoej");
    expect(fast(vaegte)).toBe("moderat");
    expect(niveau(profil, vaegte)).toBe("hoej");
  });
});
