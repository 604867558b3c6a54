// Threshold labels, values in their unit and limits, derived from the pilot regelsæt themselves.
import { describe, expect, it } from "vitest";
import {
  taerskelEtiket,
  taerskelGraenseBrud,
  taerskelGrupper,
  taerskelVaerdiTekst,
  validateRegelsaet,
} from "../../engine/index.js";
import { MAALGRUPPER, pilotRegelsaet } from "../fixtures/pilot.js";

const autisme = pilotRegelsaet("autisme");

describe("taerskelEtiket", () => {
  it("names a threshold by parameter, level and meaning", () => {
    expect(taerskelEtiket(autisme, "aktivPraksis.hoej.minBorgere").tekst).toBe(
      "Aktiv praksis · højt · mindst antal borgere",
    );
    expect(taerskelEtiket(autisme, "uddannelse.moderat.minAndel").tekst).toBe(
      "Uddannelsesmæssige kompetencer · moderat · mindst andel",
    );
    expect(taerskelEtiket(autisme, "indplacering.hoej.maxModerat").tekst).toBe(
      "Indplacering · højt · højst antal parametre på moderat",
    );
    expect(taerskelEtiket(autisme, "indplacering.vaegtet.hoej.minScore").tekst).toBe(
      "Indplacering · vægtet · højt · mindst score",
    );
    expect(taerskelEtiket(autisme, "metoder.maalgruppespecifikkeMetoder").tekst).toBe(
      "Metoder og faglige tilgange · målgruppespecifikke metoder",
    );
    expect(taerskelEtiket(autisme, "aktivPraksis.hoej.minBorgere@boern").tekst).toBe(
      "Aktiv praksis · højt · mindst antal borgere · børn, unge",
    );
  });

  it("follows a renamed parameter: the label comes from the regelsæt, not a table", () => {
    const r = structuredClone(autisme);
    const p = r.parametre.find((x) => x.id === "aktivPraksis");
    if (p) p.navn = "Øvelse gør mester";
    expect(taerskelEtiket(r, "aktivPraksis.hoej.minBorgere").tekst).toBe(
      "Øvelse gør mester · højt · mindst antal borgere",
    );
  });

  it("labels every pilot threshold without a dotted code name left in it", () => {
    for (const m of MAALGRUPPER) {
      const r = pilotRegelsaet(m);
      for (const navn of Object.keys(r.taerskler)) {
        const t = taerskelEtiket(r, navn).tekst;
        expect(t, navn).not.toMatch(/[a-z][A-Z]|\.|hoej|aa|oe/);
      }
    }
  });
});

describe("taerskelGrupper", () => {
  it("groups by parameter in the regelsæt's order, levels let → højt, policy last", () => {
    const g = taerskelGrupper(autisme, { kunTal: true, medVarianter: false });
    const medTal = autisme.parametre.map((p) => p.id).filter((id) => g.some((x) => x.gruppe === id));
    expect(g.map((x) => x.gruppe)).toEqual([...medTal, "indplacering"]);
    expect(medTal.slice(0, 3)).toEqual(["aktivPraksis", "praksiserfaring", "uddannelse"]);
    expect(g[0]?.taerskler.map((t) => t.navn)).toEqual([
      "aktivPraksis.let.minBorgere",
      "aktivPraksis.moderat.minBorgere",
      "aktivPraksis.hoej.minBorgere",
    ]);
    const alle = taerskelGrupper(autisme).flatMap((x) => x.taerskler.map((t) => t.navn));
    expect(alle).toContain("aktivPraksis.hoej.minBorgere@boern");
    const varianter = Object.values(autisme.taerskler).reduce((n, t) => n + (t.varianter?.length ?? 0), 0);
    expect(varianter).toBeGreaterThanOrEqual(3);
    expect(alle.length).toBe(Object.keys(autisme.taerskler).length + varianter);
  });
});

describe("values and limits", () => {
  it("writes values in their unit with a decimal comma", () => {
    expect(taerskelVaerdiTekst(0.5, "andel")).toBe("50 %");
    expect(taerskelVaerdiTekst(0.125, "andel")).toBe("12,5 %");
    expect(taerskelVaerdiTekst(10, "borgere")).toBe("10 borgere");
    expect(taerskelVaerdiTekst(1, "borgere")).toBe("1 borger");
    expect(taerskelVaerdiTekst(2.875, "point")).toBe("2,875 point");
    expect(taerskelVaerdiTekst(5, "aar")).toBe("5 år");
  });

  it("gives the reason a value is outside the threshold's limits", () => {
    const t = { enhed: "borgere" as const, min: 0, max: 60 };
    expect(taerskelGraenseBrud(t, 200)).toBe("Højst 60 borgere.");
    expect(taerskelGraenseBrud(t, -1)).toBe("Mindst 0 borgere.");
    expect(taerskelGraenseBrud(t, 8.5)).toBe("Skal være et helt antal borgere.");
    expect(taerskelGraenseBrud(t, 60)).toBeUndefined();
    expect(taerskelGraenseBrud({ enhed: "andel" }, 1.2)).toBe("Højst 100 %.");
    expect(taerskelGraenseBrud({ enhed: "point", min: 0, max: 3 }, 2.875)).toBeUndefined();
  });

  it("the validator refuses a value beyond max, in a variant too, naming where", () => {
    const r = structuredClone(autisme);
    (r.taerskler["aktivPraksis.hoej.minBorgere"] as { vaerdi: number }).vaerdi = 200;
    const v = r.taerskler["aktivPraksis.moderat.minBorgere"]?.varianter?.[0];
    if (v) v.vaerdi = 2.5;
    (r.taerskler["uddannelse.moderat.minAndel"] as { vaerdi: number }).vaerdi = 1.5;
    const fejl = validateRegelsaet(r).fejl.map((f) => `${f.path}: ${f.message}`);
    expect(fejl).toEqual(
      expect.arrayContaining([
        'taerskler["aktivPraksis.hoej.minBorgere"].vaerdi: Højst 60 borgere.',
        'taerskler["aktivPraksis.moderat.minBorgere"].varianter[0].vaerdi: Skal være et helt antal borgere.',
        'taerskler["uddannelse.moderat.minAndel"].vaerdi: Højst 100 %.',
      ]),
    );
    expect(validateRegelsaet(autisme).fejl).toEqual([]);
  });
});
