// Reasons, missing information, the assessor's own level, variants and the next level.
import { describe, expect, it } from "vitest";
import { EngineError, type Regelsaet } from "../../engine/index.js";
import { type BetingelsesForklaring, uopfyldte } from "../../engine/indplacering/forklaring.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { leverandoer, syntetiskRegelsaet } from "../fixtures/factories.js";

function medUddannelse(): Regelsaet {
  const r = syntetiskRegelsaet(["aktivPraksis", "uddannelse"]);
  r.taerskler["uddannelse.relevante"] = {
    vaerdi: ["paedagog", "ergoterapeut"],
    enhed: "liste",
    beskrivelse: "Relevante.",
  };
  r.taerskler["uddannelse.moderat.minAndel"] = { vaerdi: 0.5, enhed: "andel", beskrivelse: "Halvdelen." };
  const p = r.parametre[1];
  if (!p) throw new Error("fixture");
  p.niveauer.moderat.betingelser = {
    all: [
      {
        fact: "andelMedarbejdere",
        params: { uddannelser: { taerskel: "uddannelse.relevante" }, medVikarer: false },
        operator: "greaterThanInclusive",
        value: { taerskel: "uddannelse.moderat.minAndel" },
      },
    ],
  };
  return r;
}

const ansat = (uddannelser: string[], ansaettelse: "fast" | "vikar" = "fast") => ({ ansaettelse, uddannelser });

describe("reasons", () => {
  it("name the fact, operator, threshold, required and actual value and whether it held", async () => {
    const input = leverandoer({
      medarbejdere: [ansat(["paedagog"]), ansat(["pedel"]), ansat(["pedel"]), ansat(["paedagog"], "vikar")],
    });
    const res = await indplacer(medUddannelse(), input, { version: 3 });
    const udd = res.parametre.find((p) => p.id === "uddannelse");
    const moderat = udd?.begrundelse.find((b) => b.niveau === "moderat");
    expect(moderat?.opfyldt).toBe(false);
    if (moderat?.betingelser.type !== "alle") throw new Error("expected an all-tree");
    const leaf = moderat.betingelser.dele[0];
    if (leaf?.type !== "betingelse") throw new Error("expected a condition");
    expect(leaf).toMatchObject({
      type: "betingelse",
      fakta: "andelMedarbejdere",
      operator: "greaterThanInclusive",
      taerskel: "uddannelse.moderat.minAndel",
      kraevet: 0.5,
      faktisk: 1 / 3,
      opfyldt: false,
      params: { uddannelser: ["paedagog", "ergoterapeut"], medVikarer: false },
    });
    expect(leaf.tekst).toBe(
      "andel faste medarbejdere med uddannelse som paedagog, ergoterapeut: 33,3 % – skal være mindst 50 % (tærskel uddannelse.moderat.minAndel): ikke opfyldt.",
    );
    expect(res.regelsaet).toMatchObject({ maalgruppe: "test", version: 3, kladde: false });
    expect(res.regelsaet.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe("missing information", () => {
  it("is reported per parameter and overall and never counts as zero", async () => {
    // Two of three staff without uddannelser: the share lies between 1/3 and 1, so the
    // moderat share (50 %) is not decided by the one who is known.
    const input = leverandoer({
      medarbejdere: [{ ansaettelse: "fast" }, { ansaettelse: "fast" }, ansat(["paedagog"])],
    });
    delete input.borgere;
    const res = await indplacer(medUddannelse(), input);
    const ap = res.parametre.find((p) => p.id === "aktivPraksis");
    expect(ap?.niveau).toBe("ingen");
    expect(ap?.manglendeOplysninger).toEqual(["borgere"]);
    expect(ap?.begrundelse[0]?.opfyldt).toBeNull();
    const udd = res.parametre.find((p) => p.id === "uddannelse");
    expect(udd?.manglendeOplysninger).toContain("medarbejdere[].uddannelser");
    expect(res.manglendeOplysninger).toEqual(expect.arrayContaining(["borgere", "medarbejdere[].uddannelser"]));
  });

  it("notIn and notEqual do not pass on missing information, and not() of unknown stays unknown", async () => {
    const r = syntetiskRegelsaet(["samarbejde"]);
    const p = r.parametre[0];
    if (!p) throw new Error("fixture");
    p.niveauer.let.betingelser = { fact: "samarbejde", path: "$.tvaerfagligt", operator: "notIn", value: ["ingen"] };
    p.niveauer.moderat.betingelser = {
      not: { fact: "samarbejde", path: "$.tvaerfagligt", operator: "equal", value: "ingen" },
    };
    const res = await indplacer(r, leverandoer());
    expect(res.parametre[0]?.regelNiveau).toBe("ingen");
    expect(res.parametre[0]?.begrundelse.map((b) => b.opfyldt)).toEqual([null, null, false]);
    expect(res.parametre[0]?.manglendeOplysninger).toEqual(["samarbejde.tvaerfagligt"]);
  });
});

describe("tilsynsvurdering", () => {
  it("decides the level and the rule level is reported beside it", async () => {
    const res = await indplacer(
      syntetiskRegelsaet(),
      leverandoer({ borgere: { let: 1, moderat: 2, hoej: 3 }, tilsynsvurdering: { fagmiljoe: "hoej" } }),
    );
    const f = res.parametre.find((p) => p.id === "fagmiljoe");
    expect(f).toMatchObject({
      niveau: "hoej",
      regelNiveau: "moderat",
      tilsynsvurdering: "hoej",
      afvigerFraRegler: true,
    });
  });
});

describe("variants", () => {
  it("use the value for the provider's age group and say so", async () => {
    const r = syntetiskRegelsaet(["aktivPraksis"]);
    const t = r.taerskler["aktivPraksis.hoej.minBorgere"];
    if (!t) throw new Error("fixture");
    t.varianter = [{ navn: "boern", naar: { aldersgruppe: ["boern", "unge"] }, vaerdi: 3 }];
    const input = leverandoer({ aldersgruppe: "boern", borgere: { let: 0, moderat: 0, hoej: 4 } });
    const res = await indplacer(r, input);
    expect(res.parametre[0]?.regelNiveau).toBe("hoej");
    const leaf = uopfyldte(res.parametre[0]?.begrundelse[2]?.betingelser ?? { type: "alle", opfyldt: true, dele: [] });
    expect(leaf).toEqual([]);
    const hoej = res.parametre[0]?.begrundelse[2]?.betingelser as { dele: BetingelsesForklaring[] };
    expect(hoej.dele[0]).toMatchObject({ variant: "boern", kraevet: 3 });
    const voksen = await indplacer(r, { ...input, aldersgruppe: "voksne" });
    expect(voksen.parametre[0]?.regelNiveau).toBe("let");
    const ukendt = await indplacer(r, { ...input, aldersgruppe: undefined });
    expect(ukendt.manglendeOplysninger).toContain("aldersgruppe");
  });
});

describe("naesteNiveau", () => {
  it("lists the unmet conditions with the value each would need", async () => {
    const input = leverandoer({ borgere: { let: 0, moderat: 2, hoej: 2 } });
    const res = await indplacer(syntetiskRegelsaet(), input);
    expect(res.niveau).toBe("let");
    expect(res.naesteNiveau?.niveau).toBe("moderat");
    expect(res.naesteNiveau?.mangler).toHaveLength(8);
    expect(res.naesteNiveau?.mangler[0]).toMatchObject({
      parameter: "aktivPraksis",
      kraevet: 5,
      faktisk: 4,
      opfyldt: false,
    });
    expect(res.naesteNiveau?.tekst).toContain("7 parametre mere skal op på mindst moderat niveau");
    const bedre = await indplacer(syntetiskRegelsaet(), { ...input, borgere: { let: 0, moderat: 3, hoej: 4 } });
    expect(bedre.niveau).toBe("moderat");
    expect(bedre.naesteNiveau?.niveau).toBe("hoej");
    expect(bedre.naesteNiveau?.mangler).toHaveLength(8);
    expect(bedre.naesteNiveau?.mangler[0]).toMatchObject({
      parameter: "aktivPraksis",
      niveau: "hoej",
      kraevet: 10,
      faktisk: 7,
    });
    expect(bedre.naesteNiveau?.tekst).toContain("7 parametre mere skal op på højt niveau");
  });

  it("is null at the top and asks for approval when not placed", async () => {
    const top = await indplacer(syntetiskRegelsaet(), leverandoer({ borgere: { let: 0, moderat: 0, hoej: 10 } }));
    expect(top.niveau).toBe("hoej");
    expect(top.naesteNiveau).toBeNull();
    const ikke = await indplacer(syntetiskRegelsaet(), leverandoer({ godkendt: false }));
    expect(ikke.naesteNiveau?.niveau).toBe("let");
    expect(ikke.naesteNiveau?.tekst).toMatch(/godkendt/);
  });
});

describe("bad input", () => {
  it("gets a list of errors, not an exception from inside", async () => {
    const err = await indplacer(syntetiskRegelsaet(), { leverandoer: { id: 7 }, maalgruppe: "test" }).catch((e) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err.code).toBe("UGYLDIGT_VURDERINGSGRUNDLAG");
    expect(err.detaljer).toEqual([
      { path: "leverandoer.id", pointer: "/leverandoer/id", message: "Skal være en tekst." },
    ]);
    const forkert = await indplacer(syntetiskRegelsaet(), leverandoer({ maalgruppe: "autisme" })).catch((e) => e);
    expect(forkert.code).toBe("FORKERT_MAALGRUPPE");
  });
});
