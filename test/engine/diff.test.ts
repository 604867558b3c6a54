// diffRegelsaet: what changed between two regelsæt, section by section.
import { describe, expect, it } from "vitest";
import { diffRegelsaet, type Regelsaet } from "../../engine/index.js";
import { syntetiskRegelsaet } from "../fixtures/factories.js";

const kopi = (r: Regelsaet): Regelsaet => structuredClone(r);

describe("diffRegelsaet", () => {
  it("finder ingen forskelle mellem to ens regelsæt, uanset nøglernes rækkefølge", () => {
    const a = syntetiskRegelsaet();
    const b = JSON.parse(JSON.stringify(a, Object.keys(a).reverse())) as Regelsaet;
    const d = diffRegelsaet(a, { ...b, ...a });
    expect(d.identisk).toBe(true);
    expect(d.antal).toBe(0);
    expect(d.taerskler).toEqual({ tilfoejet: [], fjernet: [], aendret: [] });
  });

  it("melder tærskler tilføjet, fjernet og ændret med gammel og ny værdi", () => {
    const a = syntetiskRegelsaet();
    const b = kopi(a);
    delete b.taerskler["aktivPraksis.let.minBorgere"];
    b.taerskler["ny.taerskel.minAndel"] = { vaerdi: 0.5, enhed: "andel", beskrivelse: "Ny." };
    const t = b.taerskler["uddannelse.hoej.minBorgere"];
    if (!t) throw new Error("mangler");
    t.vaerdi = 12;
    t.antagelse = true;
    const d = diffRegelsaet(a, b);
    expect(d.taerskler.tilfoejet).toEqual([{ navn: "ny.taerskel.minAndel", vaerdi: 0.5 }]);
    expect(d.taerskler.fjernet).toEqual([{ navn: "aktivPraksis.let.minBorgere", vaerdi: 1 }]);
    expect(d.taerskler.aendret).toEqual([
      {
        navn: "uddannelse.hoej.minBorgere",
        aendringer: [
          { felt: "antagelse", til: true },
          { felt: "vaerdi", fra: 10, til: 12 },
        ],
      },
    ]);
    expect(d.antal).toBe(4);
  });

  it("melder varianter tilføjet, fjernet, ændret og flyttet", () => {
    const a = syntetiskRegelsaet();
    const t = a.taerskler["aktivPraksis.hoej.minBorgere"];
    if (!t) throw new Error("mangler");
    t.varianter = [
      { navn: "boern", naar: { aldersgruppe: ["boern"] }, vaerdi: 5 },
      { navn: "matrikelloes", naar: { leverandoertype: ["matrikelloes"] }, vaerdi: 30 },
    ];
    const b = kopi(a);
    const tb = b.taerskler["aktivPraksis.hoej.minBorgere"];
    if (!tb?.varianter) throw new Error("mangler");
    tb.varianter = [tb.varianter[1], { ...tb.varianter[0], vaerdi: 3 }] as typeof tb.varianter;
    expect(diffRegelsaet(a, b).taerskler.aendret[0]?.aendringer).toEqual([
      { felt: "varianter.boern.vaerdi", fra: 5, til: 3 },
    ]);
    tb.varianter = [tb.varianter[0], { ...tb.varianter[1], vaerdi: 5 }] as typeof tb.varianter;
    expect(diffRegelsaet(a, b).taerskler.aendret[0]?.aendringer).toEqual([
      { felt: "varianter.raekkefoelge", fra: ["boern", "matrikelloes"], til: ["matrikelloes", "boern"] },
    ]);
    tb.varianter = [{ navn: "unge", naar: { aldersgruppe: ["unge"] }, vaerdi: 7 }];
    expect(diffRegelsaet(a, b).taerskler.aendret[0]?.aendringer).toEqual([
      { felt: "varianter.boern", fra: { navn: "boern", naar: { aldersgruppe: ["boern"] }, vaerdi: 5 } },
      {
        felt: "varianter.matrikelloes",
        fra: { navn: "matrikelloes", naar: { leverandoertype: ["matrikelloes"] }, vaerdi: 30 },
      },
      { felt: "varianter.unge", til: { navn: "unge", naar: { aldersgruppe: ["unge"] }, vaerdi: 7 } },
    ]);
  });

  it("melder parametre tilføjet, fjernet, aktiveret, deaktiveret, omvægtet og omdøbt", () => {
    const a = syntetiskRegelsaet();
    const ap = a.parametre.find((p) => p.id === "metoder");
    if (ap) ap.aktiv = false;
    const b = kopi(a);
    const ny = {
      ...kopi(a).parametre[0],
      id: "fysiskeRammer",
      navn: "Fysiske rammer",
      aktiv: false,
    } as Regelsaet["parametre"][number];
    b.parametre = b.parametre.filter((p) => p.id !== "samarbejde");
    b.parametre.push(ny);
    const find = (id: string) => b.parametre.find((p) => p.id === id);
    const metoder = find("metoder");
    const hjaelpemidler = find("hjaelpemidler");
    const fagmiljoe = find("fagmiljoe");
    if (!metoder || !hjaelpemidler || !fagmiljoe) throw new Error("mangler");
    metoder.aktiv = true;
    hjaelpemidler.aktiv = false;
    hjaelpemidler.vaegt = 0.5;
    fagmiljoe.navn = "Fagligt miljø";
    fagmiljoe.niveauer.hoej.vejledning = "Ny vejledning.";
    const d = diffRegelsaet(a, b);
    expect(d.parametre.tilfoejet).toEqual([{ id: "fysiskeRammer", navn: "Fysiske rammer", aktiv: false }]);
    expect(d.parametre.fjernet).toEqual([{ id: "samarbejde", navn: "samarbejde" }]);
    expect(d.parametre.aktiveret).toEqual(["metoder"]);
    expect(d.parametre.deaktiveret).toEqual(["hjaelpemidler"]);
    expect(d.parametre.vaegte).toEqual([{ id: "hjaelpemidler", fra: 1, til: 0.5 }]);
    expect(d.parametre.tekster).toEqual([
      {
        id: "fagmiljoe",
        aendringer: [
          { felt: "navn", fra: "fagmiljoe", til: "Fagligt miljø" },
          { felt: "niveauer.hoej.vejledning", til: "Ny vejledning." },
        ],
      },
    ]);
    expect(d.parametre.betingelser).toEqual([]);
  });

  it("melder ændrede betingelser pr. parameter og niveau med det gamle og det nye træ", () => {
    const a = syntetiskRegelsaet();
    const b = kopi(a);
    const p = b.parametre.find((x) => x.id === "uddannelse");
    if (!p) throw new Error("mangler");
    const ny = { all: [{ fact: "godkendt", operator: "equal" as const, value: true }] };
    p.niveauer.moderat.betingelser = ny;
    const d = diffRegelsaet(a, b);
    expect(d.parametre.betingelser).toEqual([
      {
        id: "uddannelse",
        niveau: "moderat",
        fra: a.parametre.find((x) => x.id === "uddannelse")?.niveauer.moderat.betingelser,
        til: ny,
      },
    ]);
    expect(d.antal).toBe(1);
  });

  it("melder ændringer i indplaceringspolitikken felt for felt", () => {
    const a = syntetiskRegelsaet();
    const b = kopi(a);
    b.indplacering = {
      metode: "vaegtet",
      niveauvaerdier: { ingen: 0, let: 1, moderat: 2, hoej: 4 },
      krav: { hoej: ["uddannelse"] },
    };
    expect(diffRegelsaet(a, b).indplacering).toEqual([
      { felt: "krav", til: { hoej: ["uddannelse"] } },
      { felt: "metode", fra: "optaelling", til: "vaegtet" },
      { felt: "niveauvaerdier", til: { ingen: 0, let: 1, moderat: 2, hoej: 4 } },
      { felt: "referenceAntal", fra: 8 },
    ]);
    const c = kopi(b);
    c.indplacering.krav = { hoej: ["uddannelse", "metoder"] };
    expect(diffRegelsaet(b, c).indplacering).toEqual([
      { felt: "krav.hoej", fra: ["uddannelse"], til: ["uddannelse", "metoder"] },
    ]);
  });

  it("melder generelle tekster og testtilfælde", () => {
    const a = syntetiskRegelsaet();
    const vg = { leverandoer: { id: "x" }, maalgruppe: "test" };
    a.testtilfaelde = [
      { navn: "A", vurderingsgrundlag: vg, forventet: { niveau: "let" } },
      { navn: "B", vurderingsgrundlag: vg, forventet: { niveau: "let" } },
    ];
    const b = kopi(a);
    b.titel = "Ny";
    b.testtilfaelde = [
      { navn: "B", vurderingsgrundlag: vg, forventet: { niveau: "hoej" } },
      { navn: "C", vurderingsgrundlag: vg, forventet: { niveau: "let" } },
    ];
    const d = diffRegelsaet(a, b);
    expect(d.generelt).toEqual([{ felt: "titel", fra: "Test", til: "Ny" }]);
    expect(d.testtilfaelde).toEqual({ tilfoejet: ["C"], fjernet: ["A"], aendret: ["B"] });
    expect(d.antal).toBe(4);
  });

  it("er symmetrisk: omvendt diff bytter tilføjet og fjernet", () => {
    const a = syntetiskRegelsaet();
    const b = kopi(a);
    b.taerskler["ny.navn.minBorgere"] = { vaerdi: 2, enhed: "borgere", beskrivelse: "x" };
    b.parametre.pop();
    const frem = diffRegelsaet(a, b);
    const tilbage = diffRegelsaet(b, a);
    expect(tilbage.taerskler.fjernet).toEqual(frem.taerskler.tilfoejet);
    expect(tilbage.parametre.tilfoejet.map((p) => p.id)).toEqual(frem.parametre.fjernet.map((p) => p.id));
    expect(tilbage.antal).toBe(frem.antal);
  });
});
