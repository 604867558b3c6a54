// The page's CSV: exported cells that would run as formulas are neutralised, quoting holds, and
// the batch template reads back through the API's own CSV contract as the provider it was made of.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvKolonner, laesCsv } from "../../api/csv.js";
import {
  neutraliser,
  SKILLETEGN,
  skabelonCsv,
  skabelonKolonner,
  somCsv,
} from "../../editor/src/vurdering/csv-eksport.js";
import { type Vurderingsgrundlag, validateVurderingsgrundlag } from "../../engine/index.js";
import eksempeldata from "../../rulesets/eksempeldata.json" with { type: "json" };

const laes = (csv: string) => parse(csv, { bom: true, delimiter: SKILLETEGN }) as string[][];

describe("CSV-eksport", () => {
  it.each(["=1+1", "+45 1234", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x";"klik")'])(
    "neutraliserer %j med en apostrof",
    (celle) => {
      expect(neutraliser(celle)).toBe(`'${celle}`);
      const [hoved, raekke] = laes(somCsv(["Navn"], [[celle]]));
      expect(hoved).toEqual(["Navn"]);
      expect(raekke).toEqual([`'${celle}`]);
    },
  );

  it.each(["Bo Lund", "Pædagog; ergoterapeut", 'Sagt "nej"', "a\nb", "1=1", "", "x-y", "'"])(
    "lader %j være og læses tilbage uændret",
    (celle) => {
      expect(neutraliser(celle)).toBe(celle);
      expect(laes(somCsv(["a", "b"], [[celle, "z"]]))[1]).toEqual([celle, "z"]);
    },
  );

  it("begynder med BOM og skiller med semikolon, så dansk Excel åbner den i kolonner", () => {
    const csv = somCsv(["Leverandør", "Niveau"], [["Åhuset", "Højt"]]);
    expect(csv.startsWith("\uFEFFLeverandør;Niveau\r\n")).toBe(true);
  });
});

describe("CSV-skabelonen", () => {
  const eksempler = eksempeldata as unknown as Vurderingsgrundlag[];

  it("læses af API'ets CSV-kontrakt tilbage som de leverandører, den er lavet af", () => {
    const udvalg = [
      eksempler.find((e) => e.maalgruppe === "autisme" && (e.medarbejdere?.length ?? 0) > 0),
      eksempler.find((e) => e.maalgruppe === "synsnedsaettelse"),
      { leverandoer: { id: "T1" }, maalgruppe: "autisme", tilsynsvurdering: { fagmiljoe: "ikke-relevant" } },
    ];
    const kolonner = skabelonKolonner(csvKolonner(), ["fagmiljoe", "metoder"]);
    expect(kolonner.map((k) => k.navn)).toContain("tilsynsvurdering.fagmiljoe");
    expect(kolonner.map((k) => k.navn)).not.toContain("tilsynsvurdering.<parameter>");
    const tilbage = laesCsv(skabelonCsv(kolonner, udvalg), 10);
    expect(tilbage).toEqual(udvalg.map((u) => JSON.parse(JSON.stringify(u))));
    for (const vg of tilbage) expect(validateVurderingsgrundlag(vg)).toEqual([]);
  });

  it("skriver en tom celle for det, der ikke er oplyst, og kun kolonnenavnene uden eksempler", () => {
    const kolonner = skabelonKolonner(csvKolonner(), []);
    const [hoved, raekke] = laes(skabelonCsv(kolonner, [{ leverandoer: { id: "A" }, maalgruppe: "autisme" }]));
    expect(hoved).toEqual(kolonner.map((k) => k.navn));
    expect(raekke?.filter((c) => c !== "")).toEqual(["A", "autisme"]);
    expect(laes(skabelonCsv(kolonner, []))).toHaveLength(1);
  });
});
