// The three pilot regelsæt: valid, with the contract's threshold names, no authoring warnings,
// their golden cases pass, and the example data set lands on every level.
import { describe, expect, it } from "vitest";
import {
  forbered,
  forfatterTjek,
  sammenlignScenarier,
  validateRegelsaet,
  validateVurderingsgrundlag,
} from "../../engine/index.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { koerTesttilfaelde } from "../../engine/testtilfaelde.js";
import { genererLeverandoerer } from "../../scripts/eksempel-generator.js";
import { PILOT_PARAMETRE } from "../../scripts/pilot-parametre.js";
import { eksempeldata, eksempelScenarier, MAALGRUPPER, pilotRegelsaet, pilotTesttilfaelde } from "../fixtures/pilot.js";

const KONTRAKT_TAERSKLER = [
  "aktivPraksis.moderat.minBorgere",
  "aktivPraksis.hoej.minBorgere",
  "uddannelse.moderat.minAndel",
  "uddannelse.hoej.minAndel",
  "indplacering.moderat.minParametre",
  "indplacering.hoej.minParametre",
  "indplacering.hoej.maxModerat",
];
const OTTE = [...PILOT_PARAMETRE];

describe.each(MAALGRUPPER)("pilot regelsæt %s", (m) => {
  const r = pilotRegelsaet(m);

  it("is valid, complete and raises no authoring warning", () => {
    expect(validateRegelsaet(r).fejl).toEqual([]);
    expect(forfatterTjek(r)).toEqual([]);
    for (const navn of KONTRAKT_TAERSKLER) expect(r.taerskler[navn], navn).toBeDefined();
    expect(r.parametre.filter((p) => p.aktiv !== false).map((p) => p.id)).toEqual(OTTE);
    expect(r.indplacering.metode).toBe("optaelling");
    for (const p of r.parametre)
      for (const n of ["let", "moderat", "hoej"] as const) expect(p.niveauer[n].beskrivelse.length).toBeGreaterThan(40);
  });

  it("passes its golden cases", async () => {
    const tilfaelde = pilotTesttilfaelde(m);
    expect(tilfaelde.length).toBeGreaterThanOrEqual(6);
    const resultater = await koerTesttilfaelde(r, tilfaelde);
    expect(resultater.filter((x) => !x.bestaaet)).toEqual([]);
    const niveauer = new Set(tilfaelde.map((t) => t.forventet.niveau));
    expect([...niveauer].sort()).toEqual(["hoej", "ikke-indplaceret", "let", "moderat"]);
  });

  it("places the example providers of its målgruppe on every level", async () => {
    const data = eksempeldata().filter((v) => v.maalgruppe === m);
    for (const v of data) expect(validateVurderingsgrundlag(v)).toEqual([]);
    const f = forbered(r);
    const niveauer = new Set<string>();
    for (const v of data) niveauer.add((await indplacer(f, v)).niveau);
    expect([...niveauer].sort()).toEqual(["hoej", "ikke-indplaceret", "let", "moderat"]);
  });

  it("applies every example scenario", async () => {
    const data = eksempeldata().filter((v) => v.maalgruppe === m);
    const s = await sammenlignScenarier(r, eksempelScenarier().scenarier, data);
    expect(s.scenarier.map((x) => x.navn)).toEqual(eksempelScenarier().scenarier.map((x) => x.navn));
    expect(new Set(s.scenarier.map((x) => x.hash)).size).toBe(s.scenarier.length);
    for (const f of s.flyttede) expect(f.aarsager.length).toBeGreaterThan(0);
  });

  it("the example scenario 'Vægtet, hjælpemidler 0,5' takes nobody down from højt (cut-offs derived from the weights)", async () => {
    const data = eksempeldata().filter((v) => v.maalgruppe === m);
    const valgte = eksempelScenarier().scenarier.filter((x) => x.navn.startsWith("Vægtet, "));
    expect(valgte.map((x) => x.navn)).toEqual(["Vægtet, lige vægte", "Vægtet, hjælpemidler 0,5"]);
    const s = await sammenlignScenarier(r, valgte, data);
    const fraHoej = s.overgange.find((o) => o.fra === "Vægtet, lige vægte" && o.til === "Vægtet, hjælpemidler 0,5")
      ?.matrix.hoej;
    expect(fraHoej?.hoej).toBeGreaterThan(0);
    expect(fraHoej?.moderat).toBe(0);
    expect(fraHoej?.let).toBe(0);
  });
});

it("the pilot data set is about 100 providers, with vision mostly matrikelløse", () => {
  const data = eksempeldata();
  expect(data.length).toBeGreaterThanOrEqual(90);
  const syn = data.filter((v) => v.maalgruppe === "synsnedsaettelse");
  expect(syn.filter((v) => v.leverandoer.type === "matrikelloes").length).toBeGreaterThan(syn.length / 2);
});

it("the seeded generator is deterministic and produces valid providers", () => {
  const a = genererLeverandoerer(50, { seed: 7, maalgruppe: "autisme" });
  expect(genererLeverandoerer(50, { seed: 7, maalgruppe: "autisme" })).toEqual(a);
  expect(genererLeverandoerer(50, { seed: 8, maalgruppe: "autisme" })).not.toEqual(a);
  for (const v of a) expect(validateVurderingsgrundlag(v)).toEqual([]);
});
