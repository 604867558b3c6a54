// The engine's canonical JSON (engine/kanonisk.ts) against the `canonicalize` package, the RFC 8785
// reference implementation it replaced for speed: the same text for awkward values, for every
// pilot regelsæt and scenario, for explained results and their input, and for arbitrary JSON.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forbered, hashRegelsaet, indplacerSync, type Regelsaet } from "../../engine/index.js";
import { forberedAlle } from "../../engine/indplacering/forberedt.js";
import { antalKanoniskeFormer, kanoniskJson } from "../../engine/kanonisk.js";
import { type Aendringer, anvendAendringer } from "../../engine/scenarier.js";
import { genererLeverandoerer } from "../../scripts/eksempel-generator.js";
import { MAALGRUPPER, pilotRegelsaet } from "../fixtures/pilot.js";

const ROD = join(import.meta.dirname, "..", "..");

describe("kanonisk JSON (RFC 8785)", () => {
  it("is the reference implementation's text for awkward values", () => {
    const vaerdier: unknown[] = [
      { b: 1, a: [3, { d: null, c: "x" }], "": true, é: 0.1, e: -0, f: 1e21, g: 5e-7, h: '\u2028\u0000"\\' },
      { 10: 1, 2: 2, a: undefined, z: [undefined, 1] },
      { B: 1, a: 2, "\u00e5": 3, "\ud83d\udc4d": 4, "1": 5 },
      // Shapes a cache of sorted keys could confuse: no keys and one empty key; a key with NUL.
      {},
      { "": {} },
      { "a\u0000b": 1, c: { a: 1, b: 2 } },
      { a: 1, b: 2 },
      [],
      {},
      "æøå 👍",
      123456789012345680000,
      Number.MIN_VALUE,
      -Number.MAX_VALUE,
    ];
    for (const v of vaerdier) expect(kanoniskJson(v)).toBe(canonicalize(v));
  });

  it("refuses what JSON cannot carry", () => {
    expect(() => kanoniskJson({ x: Number.POSITIVE_INFINITY })).toThrow(/canonical/);
    expect(() => kanoniskJson([Number.NaN])).toThrow(/canonical/);
    expect(() => kanoniskJson(undefined)).toThrow(/JSON/);
    // RFC 8785 §3.2.2.2: a lone surrogate has no canonical form, in a value or in a key.
    for (const v of [{ a: "\ud800" }, ["x\udc00y"], { "\udbff": 1 }]) {
      expect(() => canonicalize(v)).toThrow();
      expect(() => kanoniskJson(v)).toThrow(/lone surrogate/);
    }
    expect(kanoniskJson({ a: "\ud83d\udc4d" })).toBe(canonicalize({ a: "\ud83d\udc4d" }));
  });

  it("keeps its cache of object shapes bounded, whatever keys the data brings", () => {
    // Many key orders under few first keys (supplerende's keys are the caller's): the cache is
    // bounded on every insert, not only when a new first key arrives.
    let hoejst = 0;
    for (let f = 0; f < 1_000; f++) {
      for (let v = 0; v < 32; v++) {
        const o: Record<string, number> = { [`k${f}`]: 0, [`n${v}`]: 1, a: 2 };
        expect(kanoniskJson(o)).toBe(canonicalize(o));
        hoejst = Math.max(hoejst, antalKanoniskeFormer());
      }
    }
    expect(hoejst).toBeLessThanOrEqual(10_000);
  });

  it("is the reference text for every pilot regelsæt and example scenario file", () => {
    for (const m of MAALGRUPPER) expect(kanoniskJson(pilotRegelsaet(m))).toBe(canonicalize(pilotRegelsaet(m)));
    const scenarier = JSON.parse(readFileSync(join(ROD, "rulesets", "eksempel-scenarier.json"), "utf8"));
    expect(kanoniskJson(scenarier)).toBe(canonicalize(scenarier));
  });

  it("with a memo, each of a regelsæt's scenarios gets the text and hash it has alone", () => {
    const scenarier = JSON.parse(readFileSync(join(ROD, "rulesets", "eksempel-scenarier.json"), "utf8")).scenarier;
    for (const m of MAALGRUPPER) {
      const r = pilotRegelsaet(m);
      const kopier = scenarier.map((s: { aendringer?: Aendringer }) => {
        try {
          return anvendAendringer(r, s.aendringer);
        } catch {
          return { ...r, titel: `${r.titel} (kopi)` };
        }
      });
      const memo = new WeakMap<object, string>();
      for (const k of kopier) expect(kanoniskJson(k, memo)).toBe(canonicalize(k));
      expect(forberedAlle(kopier).map((f) => f.hash)).toEqual(kopier.map((k: Regelsaet) => hashRegelsaet(k)));
    }
    // A memo belongs to one call: a part changed in place after one call is written anew by the next.
    const r = structuredClone(pilotRegelsaet("autisme"));
    const [foer] = forberedAlle([r]);
    (r.parametre[0] as { navn: string }).navn = "Ændret";
    const [efter] = forberedAlle([r]);
    expect(efter?.hash).not.toBe(foer?.hash);
    expect(efter?.hash).toBe(hashRegelsaet(structuredClone(r)));
  });

  it("is the reference text for 300 explained results and their input", () => {
    const r = pilotRegelsaet("autisme") as Regelsaet;
    const f = forbered(r);
    for (const l of genererLeverandoerer(300, { seed: 7, maalgruppe: "autisme", medarbejdere: 12 })) {
      const resultat = indplacerSync(f, l, { version: 3, kladde: false });
      expect(kanoniskJson(resultat)).toBe(canonicalize(resultat));
      expect(kanoniskJson(l)).toBe(canonicalize(l));
    }
  });

  it("is the reference text for arbitrary JSON, and the hash follows content, not key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(kanoniskJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 500 },
    );
    expect(hashRegelsaet({ b: 1, a: 2 })).toBe(hashRegelsaet({ a: 2, b: 1 }));
    expect(hashRegelsaet({ b: 1, a: 2 })).not.toBe(hashRegelsaet({ a: 1, b: 2 }));
  });
});
