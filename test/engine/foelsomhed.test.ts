// Sensitivity sweep and borderline flag: hand-checked on small synthetic regelsæt, and checked
// against plain evaluation (json-rules-engine) of the changed regelsæt on the pilot regelsæt.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRIN } from "../../engine/foelsomhed.js";
import {
  anvendAendringer,
  EngineError,
  forbered,
  graensetilfaelde,
  type Regelsaet,
  sweep,
  type Vurderingsgrundlag,
} from "../../engine/index.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { ordforraad, vurderingsgrundlagArb } from "../fixtures/arbitraries.js";
import { gentag, leverandoer, medNiveauer, syntetiskRegelsaet } from "../fixtures/factories.js";
import { MAALGRUPPER, pilotRegelsaet } from "../fixtures/pilot.js";

const fordeling = (let_ = 0, moderat = 0, hoej = 0, ikke = 0) => ({
  "ikke-indplaceret": ikke,
  let: let_,
  moderat,
  hoej,
});

// One parameter (aktivPraksis: let ≥ 1, moderat ≥ 5, højt ≥ 10 citizens). The counting limits
// are written for 8 parameters, so with one active they come down to "1 of 1": the provider's
// level is the parameter's level (ingen gives let).
const enParameter = syntetiskRegelsaet(["aktivPraksis"]);
const medBorgere = (hoej: number, id = `B${hoej}`) =>
  leverandoer({ leverandoer: { id, type: "botilbud" }, borgere: { let: 0, moderat: 0, hoej } });

describe("sweep", () => {
  it("counts providers per level at each value (one parameter, hand-checked)", () => {
    const lev = [0, 4, 5, 9, 10, 11].map((n) => medBorgere(n));
    const s = sweep(enParameter, "aktivPraksis.hoej.minBorgere", [5, 10, 11], lev);
    expect(s.nuvaerende).toBe(10);
    expect(s.enhed).toBe("borgere");
    expect(s.antalLeverandoerer).toBe(6);
    // 0 → ingen → let; 4 → let; 5 and 9 → moderat below the højt limit.
    expect(s.punkter).toEqual([
      { vaerdi: 5, fordeling: fordeling(2, 0, 4) },
      { vaerdi: 10, fordeling: fordeling(2, 2, 2) },
      { vaerdi: 11, fordeling: fordeling(2, 3, 1) },
    ]);
  });

  it("moves the Tabel 4 limits (eight parameters set by the assessor, hand-checked)", () => {
    const r = syntetiskRegelsaet();
    const lev = [
      medNiveauer([...gentag(7, "hoej"), "moderat"]), // A: 7 højt + 1 moderat
      medNiveauer([...gentag(6, "hoej"), ...gentag(2, "moderat")]), // B
      medNiveauer(gentag(8, "hoej")), // C
      medNiveauer([...gentag(5, "hoej"), ...gentag(3, "moderat")]), // D
    ];
    // minParametre 6: A, C højt; B has 2 at moderat (max 1); D 5 højt. 8: only C.
    expect(sweep(r, "indplacering.hoej.minParametre", [6, 7, 8], lev).punkter.map((p) => p.fordeling)).toEqual([
      fordeling(0, 2, 2),
      fordeling(0, 2, 2),
      fordeling(0, 3, 1),
    ]);
    // maxModerat 0: only C; 2: B still has only 6 at højt.
    expect(sweep(r, "indplacering.hoej.maxModerat", [0, 1, 2], lev).punkter.map((p) => p.fordeling)).toEqual([
      fordeling(0, 3, 1),
      fordeling(0, 2, 2),
      fordeling(0, 2, 2),
    ]);
  });

  it("changes one variant with navn@variant and leaves the base value", () => {
    const r = pilotRegelsaet("autisme");
    // Six at højt and one at moderat by the assessor; aktivPraksis decides between højt and moderat.
    const tilsynsvurdering = {
      ...Object.fromEntries(r.parametre.filter((p) => p.id !== "aktivPraksis").map((p) => [p.id, "hoej" as const])),
      hjaelpemidler: "moderat" as const,
    };
    const boern = leverandoer({
      leverandoer: { id: "boern", type: "botilbud" },
      maalgruppe: "autisme",
      aldersgruppe: "boern",
      tilsynsvurdering,
      borgere: { let: 0, moderat: 0, hoej: 10 },
    });
    const voksen = { ...boern, leverandoer: { id: "voksen" }, aldersgruppe: "voksne" as const };
    // The child provider is højt with the limit at 3 and moderat at 11; the adult keeps 10.
    const s = sweep(r, "aktivPraksis.hoej.minBorgere@boern", [3, 11], [boern, voksen]);
    expect(s.nuvaerende).toBe(10);
    expect(s.punkter.map((p) => p.fordeling)).toEqual([fordeling(0, 0, 2), fordeling(0, 1, 1)]);
  });

  it("reports progress and stops when the signal is aborted", () => {
    const lev = [0, 4, 5, 9, 10, 11].map((n) => medBorgere(n));
    const fremdrift: number[] = [];
    sweep(enParameter, "aktivPraksis.hoej.minBorgere", [10], lev, { onProgress: (f) => fremdrift.push(f) });
    expect(fremdrift).toEqual([1, 6]);
    const signal = { aborted: true, reason: new Error("stop") };
    expect(() => sweep(enParameter, "aktivPraksis.hoej.minBorgere", [10], lev, { signal })).toThrow("stop");
    expect(() => graensetilfaelde(enParameter, lev, { signal })).toThrow("stop");
  });

  it("rejects an unknown threshold, a list threshold and invalid providers", () => {
    const r = pilotRegelsaet("autisme");
    expect(() => sweep(r, "findes.ikke", [1], [])).toThrow(EngineError);
    expect(() => sweep(r, "aktivPraksis.hoej.minBorgere@ukendt", [1], [])).toThrow(/ingen variant/);
    expect(() => sweep(r, "uddannelse.relevanteUddannelser", [1], [])).toThrow(/liste/);
    expect(() => sweep(r, "aktivPraksis.hoej.minBorgere", [1], [{ maalgruppe: "autisme" }])).toThrow(
      expect.objectContaining({ code: "UGYLDIGT_VURDERINGSGRUNDLAG" }),
    );
    expect(() => sweep(r, "aktivPraksis.hoej.minBorgere", [Number.NaN], [])).toThrow(/tal/);
    expect(sweep(r, "aktivPraksis.hoej.minBorgere", [], []).punkter).toEqual([]);
  });

  it.each(MAALGRUPPER)("%s: each value's counts are those of evaluating the changed regelsæt", async (m) => {
    const r = pilotRegelsaet(m);
    const ids = r.parametre.map((p) => p.id);
    const lev = fc.sample(vurderingsgrundlagArb(m, ordforraad([r]), ids), { numRuns: 60, seed: 11 });
    for (const [navn, vaerdier] of [
      ["uddannelse.moderat.minAndel", [0.2, 0.3, 0.5, 0.51, 0.8]],
      ["praksiserfaring.moderat.minAar", [0, 2, 3, 4, 10]],
      ["indplacering.moderat.minParametre", [5, 6, 7, 8]],
      ["aktivPraksis.moderat.minBorgere@boern", [1, 3, 5]],
    ] as const) {
      const s = sweep(r, navn, vaerdier, lev);
      for (const [i, v] of vaerdier.entries()) {
        const f = forbered(anvendAendringer(r, { taerskler: { [navn]: v } }));
        const forventet = fordeling();
        for (const l of lev) forventet[(await indplacer(f, l)).niveau]++;
        expect(s.punkter[i]).toEqual({ vaerdi: v, fordeling: forventet });
      }
    }
  });
});

describe("graensetilfaelde", () => {
  it("documents its steps", () => {
    expect(TRIN).toMatchObject({ borgere: 1, antal: 1, parametre: 1, aar: 1, andel: 0.01, point: 0.125 });
  });

  it("flags the thresholds one step from moving a provider (one parameter, hand-checked)", () => {
    const lev = [0, 4, 5, 9, 10, 11].map((n) => medBorgere(n));
    const g = graensetilfaelde(enParameter, lev);
    const flag = Object.fromEntries(g.leverandoerer.map((l) => [l.leverandoer.id, [l.niveau, l.graensetilfaelde]]));
    // 0 citizens: lowering let.minBorgere to 0 makes the parameter let, but the level is let either way.
    expect(flag.B0).toEqual(["let", []]);
    expect(flag.B4).toEqual([
      "let",
      [{ taerskel: "aktivPraksis.moderat.minBorgere", retning: "ned", fra: 5, til: 4, niveau: "moderat" }],
    ]);
    expect(flag.B5).toEqual([
      "moderat",
      [{ taerskel: "aktivPraksis.moderat.minBorgere", retning: "op", fra: 5, til: 6, niveau: "let" }],
    ]);
    expect(flag.B9).toEqual([
      "moderat",
      [{ taerskel: "aktivPraksis.hoej.minBorgere", retning: "ned", fra: 10, til: 9, niveau: "hoej" }],
    ]);
    expect(flag.B10).toEqual([
      "hoej",
      [{ taerskel: "aktivPraksis.hoej.minBorgere", retning: "op", fra: 10, til: 11, niveau: "moderat" }],
    ]);
    expect(flag.B11).toEqual(["hoej", []]);
    expect(g.antalGraensetilfaelde).toBe(4);
  });

  it("flags Tabel 4 limits for a provider at the edge, and names the variant that applies", () => {
    const r = syntetiskRegelsaet();
    const a = medNiveauer([...gentag(7, "hoej"), "moderat"], { leverandoer: { id: "A" } });
    const [g] = graensetilfaelde(r, [a]).leverandoerer;
    expect(g?.niveau).toBe("hoej");
    expect(g?.graensetilfaelde).toEqual([
      { taerskel: "indplacering.hoej.minParametre", retning: "op", fra: 7, til: 8, niveau: "moderat" },
      { taerskel: "indplacering.hoej.maxModerat", retning: "ned", fra: 1, til: 0, niveau: "moderat" },
    ]);

    const syn = pilotRegelsaet("synsnedsaettelse");
    const matrikelloes = leverandoer({
      maalgruppe: "synsnedsaettelse",
      leverandoer: { id: "M", type: "matrikelloes" },
      // Seven at højt, one at moderat: one more at moderat makes the provider moderat.
      tilsynsvurdering: {
        ...Object.fromEntries(syn.parametre.filter((p) => p.id !== "aktivPraksis").map((p) => [p.id, "hoej" as const])),
        hjaelpemidler: "moderat",
      },
      borgere: { let: 0, moderat: 0, hoej: 50 },
    });
    const [m] = graensetilfaelde(syn, [matrikelloes], { taerskler: ["aktivPraksis.hoej.minBorgere"] }).leverandoerer;
    expect(m?.graensetilfaelde).toEqual([
      {
        taerskel: "aktivPraksis.hoej.minBorgere",
        variant: "matrikelloes",
        retning: "op",
        fra: 50,
        til: 51,
        niveau: "moderat",
      },
    ]);
  });

  it.each(MAALGRUPPER)("%s: every flag and every non-flag agrees with evaluating the changed regelsæt", async (m) => {
    const r = pilotRegelsaet(m);
    const ids = r.parametre.map((p) => p.id);
    const lev = fc.sample(vurderingsgrundlagArb(m, ordforraad([r]), ids), { numRuns: 25, seed: 5 });
    const g = graensetilfaelde(r, lev);
    const f = forbered(r);
    const tal = Object.entries(r.taerskler).filter(([, t]) => typeof t.vaerdi === "number");
    for (const [navn, t] of tal) {
      for (const retning of ["op", "ned"] as const) {
        const flyttet: Regelsaet = structuredClone(r);
        const trin = (TRIN[t.enhed] ?? 0) * (retning === "op" ? 1 : -1);
        const max = t.max ?? (t.enhed === "andel" ? 1 : Number.POSITIVE_INFINITY);
        const ft = flyttet.taerskler[navn];
        for (const x of [ft, ...(ft?.varianter ?? [])]) {
          const ny = Math.round(((x?.vaerdi as number) + trin) * 1e9) / 1e9;
          if (x && ny >= (t.min ?? 0) && ny <= max) x.vaerdi = ny;
        }
        const ff = forbered(flyttet);
        for (const [i, l] of lev.entries()) {
          const foer = (await indplacer(f, l)).niveau;
          const efter = (await indplacer(ff, l)).niveau;
          const flag = g.leverandoerer[i]?.graensetilfaelde.find((x) => x.taerskel === navn && x.retning === retning);
          expect(g.leverandoerer[i]?.niveau).toBe(foer);
          if (efter === foer) expect(flag).toBeUndefined();
          else expect(flag?.niveau).toBe(efter);
        }
      }
    }
  });

  it("validates providers", () => {
    expect(() =>
      graensetilfaelde(enParameter, [{ leverandoer: { id: "x" }, maalgruppe: "andet" } as Vurderingsgrundlag]),
    ).toThrow(expect.objectContaining({ code: "UGYLDIGT_VURDERINGSGRUNDLAG" }));
  });
});
