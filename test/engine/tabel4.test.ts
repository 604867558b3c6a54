// Tabel 4 of the pilot evaluation, exactly, through the whole engine.
import { describe, expect, it } from "vitest";
import { indplacer } from "../../engine/indplacering/jre.js";
import { gentag, medNiveauer, syntetiskRegelsaet } from "../fixtures/factories.js";

const r = syntetiskRegelsaet();
const niveau = async (...args: Parameters<typeof medNiveauer>) => (await indplacer(r, medNiveauer(...args))).niveau;

describe("Tabel 4 (optælling)", () => {
  it("7 højt + 1 moderat = højt", async () => {
    expect(await niveau([...gentag(7, "hoej"), "moderat"])).toBe("hoej");
  });
  it("8 højt = højt", async () => {
    expect(await niveau(gentag(8, "hoej"))).toBe("hoej");
  });
  it("7 højt + 1 let = moderat (monotone reading of 'maksimum ét på moderat')", async () => {
    expect(await niveau([...gentag(7, "hoej"), "let"])).toBe("moderat");
  });
  it("7 højt + 1 ingen = moderat", async () => {
    expect(await niveau([...gentag(7, "hoej"), "ingen"])).toBe("moderat");
  });
  it("6 højt + 2 moderat = moderat", async () => {
    expect(await niveau([...gentag(6, "hoej"), "moderat", "moderat"])).toBe("moderat");
  });
  it("7 at moderat-or-higher = moderat", async () => {
    expect(await niveau([...gentag(4, "hoej"), ...gentag(3, "moderat"), "let"])).toBe("moderat");
  });
  it("6 at moderat-or-higher = let", async () => {
    expect(await niveau([...gentag(6, "hoej"), "let", "let"])).toBe("let");
    expect(await niveau([...gentag(6, "moderat"), "let", "ingen"])).toBe("let");
  });
  it("every approved provider is at least let", async () => {
    expect(await niveau(gentag(8, "ingen"))).toBe("let");
  });
  it("not godkendt = ikke-indplaceret, whatever the parameters", async () => {
    expect(await niveau(gentag(8, "hoej"), { godkendt: false })).toBe("ikke-indplaceret");
  });
  it("godkendt not reported = ikke-indplaceret, with godkendt listed as missing", async () => {
    const input = medNiveauer(gentag(8, "hoej"));
    delete input.godkendt;
    const res = await indplacer(r, input);
    expect(res.niveau).toBe("ikke-indplaceret");
    expect(res.manglendeOplysninger).toContain("godkendt");
  });
  it("takes its numbers from taerskler", async () => {
    const strengere = syntetiskRegelsaet();
    const t = strengere.taerskler["indplacering.hoej.minParametre"];
    if (!t) throw new Error("fixture lacks threshold");
    t.vaerdi = 8;
    strengere.taerskler["indplacering.hoej.maxModerat"] = { ...t, vaerdi: 0 };
    const res = await indplacer(strengere, medNiveauer([...gentag(7, "hoej"), "moderat"]));
    expect(res.niveau).toBe("moderat");
  });
});

describe("switched-off parameters", () => {
  it("with referenceAntal, 'all but one' follows the number of active parameters", async () => {
    const r7 = syntetiskRegelsaet();
    const hj = r7.parametre.find((p) => p.id === "hjaelpemidler");
    if (!hj) throw new Error("fixture lacks hjaelpemidler");
    hj.aktiv = false;
    // 7 active: moderat needs 6, højt needs 6 at højt + at most 1 moderat.
    const seks = await indplacer(r7, medNiveauer([...gentag(6, "moderat"), "let"]));
    expect(seks.niveau).toBe("moderat");
    expect(seks.politik.graenser?.moderatMinParametre).toBe(6);
    expect(seks.parametre.map((p) => p.id)).not.toContain("hjaelpemidler");
    expect((await indplacer(r7, medNiveauer([...gentag(6, "hoej"), "moderat"]))).niveau).toBe("hoej");
    expect((await indplacer(r7, medNiveauer([...gentag(5, "hoej"), "moderat", "moderat"]))).niveau).toBe("moderat");
  });
  it("without referenceAntal the counts are absolute", async () => {
    const r7 = syntetiskRegelsaet();
    delete r7.indplacering.referenceAntal;
    const hj = r7.parametre.find((p) => p.id === "hjaelpemidler");
    if (hj) hj.aktiv = false;
    expect((await indplacer(r7, medNiveauer([...gentag(6, "moderat"), "let"]))).niveau).toBe("let");
    expect((await indplacer(r7, medNiveauer(gentag(7, "moderat")))).niveau).toBe("moderat");
  });
});

describe("weighted policy, krav and two-level mode", () => {
  it("weighted: weights and level values give a score compared with cut-offs", async () => {
    const rv = syntetiskRegelsaet();
    rv.indplacering = { metode: "vaegtet", niveauvaerdier: { ingen: 0, let: 1, moderat: 2, hoej: 3 } };
    const res = await indplacer(rv, medNiveauer([...gentag(7, "hoej"), "moderat"]));
    expect(res.politik.score).toBeCloseTo(23 / 8);
    expect(res.niveau).toBe("hoej");
    const p = rv.parametre.find((x) => x.id === "hjaelpemidler");
    if (p) p.vaegt = 0;
    // hjaelpemidler at ingen no longer pulls the score down.
    const uden = await indplacer(rv, medNiveauer([...gentag(7, "hoej"), "ingen"]));
    expect(uden.politik.score).toBeCloseTo(3);
    expect(uden.niveau).toBe("hoej");
  });
  it("krav: a must-have parameter below the level holds the provider back", async () => {
    const rk = syntetiskRegelsaet();
    rk.indplacering.krav = { hoej: ["uddannelse"] };
    const input = medNiveauer(["hoej", "hoej", "moderat", "hoej", "hoej", "hoej", "hoej", "hoej"]);
    const res = await indplacer(rk, input);
    expect(res.niveau).toBe("moderat");
    expect(res.politik.kravIkkeOpfyldt).toEqual([{ niveau: "hoej", parametre: ["uddannelse"] }]);
  });
  it("two levels: moderat results become let, højt stays", async () => {
    const r2 = syntetiskRegelsaet();
    r2.indplacering.toNiveauer = true;
    expect((await indplacer(r2, medNiveauer(gentag(8, "moderat")))).niveau).toBe("let");
    expect((await indplacer(r2, medNiveauer(gentag(8, "hoej")))).niveau).toBe("hoej");
  });
});
