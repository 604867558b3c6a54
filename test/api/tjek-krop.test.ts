import { describe, expect, it } from "vitest";
import { MAX_FELTER, tjekJson } from "../../api/middleware/tjek-krop.js";

describe("tjekJson: the first problem in a parsed body, with its path", () => {
  it("finds a non-finite number deep in objects and arrays, naming the whole path", () => {
    const krop = { tilbud: [{ id: "a" }, { parametre: { X: [1, 2, Number.POSITIVE_INFINITY] } }] };
    expect(tjekJson(krop, 64)).toEqual({ slags: "tal", sti: ["tilbud", 1, "parametre", "X", 2] });
  });

  it("finds a lone surrogate in a value and in a key", () => {
    expect(tjekJson({ a: { b: "x\uD800" } }, 64)).toEqual({ slags: "unicode", sti: ["a", "b"] });
    expect(tjekJson({ a: [{ "k\uDC00": 1 }] }, 64)).toEqual({ slags: "unicode", sti: ["a", 0, "k\uDC00"] });
  });

  it("checks a bare value at the root", () => {
    expect(tjekJson(Number.NaN, 64)).toEqual({ slags: "tal", sti: [] });
    expect(tjekJson("\uDFFF", 64)).toEqual({ slags: "unicode", sti: [] });
    expect(tjekJson(null, 64)).toBeUndefined();
  });

  it("refuses nesting deeper than the limit without recursion, and allows exactly the limit", () => {
    let dyb: unknown = 1;
    for (let i = 0; i < 200_000; i++) dyb = [dyb];
    expect(tjekJson(dyb, 64)).toEqual({ slags: "dybde" });
    let paaGraensen: unknown = 1;
    for (let i = 0; i < 64; i++) paaGraensen = { n: paaGraensen };
    expect(tjekJson(paaGraensen, 64)).toBeUndefined();
    expect(tjekJson({ n: paaGraensen }, 64)).toEqual({ slags: "dybde" });
  });

  it("counts the fields of an object at its path", () => {
    const mange = Object.fromEntries(Array.from({ length: MAX_FELTER + 1 }, (_, i) => [`k${i}`, i]));
    expect(tjekJson({ supplerende: mange }, 64)).toEqual({
      slags: "felter",
      sti: ["supplerende"],
      antal: MAX_FELTER + 1,
    });
  });

  it("passes a well-formed document", () => {
    expect(tjekJson({ a: [1, "ø", true, null, { b: -0.5 }] }, 64)).toBeUndefined();
  });
});
