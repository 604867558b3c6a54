// Kodelister (issue 11, item 3): list-valued input normalised to codes from code, label or
// synonym — any case, with or without æ/ø/å — an unknown word a problem with "Mente du …?",
// "ingen" as an explicit empty list, and the regelsæt's own kodelister checked by the validator.
import { describe, expect, it } from "vitest";
import {
  foldTekst,
  kodelisteFor,
  normaliserGrundlag,
  normaliserVaerdi,
  type Regelsaet,
  validateRegelsaet,
} from "../../engine/index.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { leverandoer, syntetiskRegelsaet } from "../fixtures/factories.js";

function medKodelister(): Regelsaet {
  const r = syntetiskRegelsaet();
  r.kodelister = {
    uddannelser: [
      { kode: "paedagog", navn: "Pædagog", synonymer: ["pædagoguddannelse", "socialpædagog"] },
      { kode: "ergoterapeut", navn: "Ergoterapeut" },
    ],
    certificeringer: [{ kode: "teacch", navn: "TEACCH", synonymer: ["TEACCH-certificering"] }],
    metoder: [{ kode: "krap", navn: "KRAP", synonymer: ["Kognitiv, ressourcefokuseret og anerkendende pædagogik"] }],
    sektorer: [{ kode: "sundhed", navn: "Sundhedssektoren", synonymer: ["sundhedsvæsenet"] }],
  };
  r.taerskler["uddannelse.relevante"] = {
    vaerdi: ["paedagog", "ergoterapeut"],
    enhed: "liste",
    beskrivelse: "Relevante uddannelser.",
    kodeliste: "uddannelser",
  };
  return r;
}

describe("normaliserVaerdi", () => {
  const r = medKodelister();
  it.each([
    ["paedagog"],
    ["Pædagog"],
    ["PÆDAGOG"],
    ["  paedagog  "],
    ["pædagoguddannelse"],
    ["PAEDAGOGUDDANNELSE"],
    ["Socialpaedagog"],
  ])("'%s' is paedagog", (ord) => {
    expect(normaliserVaerdi(r, "uddannelser", ord)).toEqual({ kode: "paedagog" });
  });

  it("folds accents and spaces", () => {
    expect(foldTekst("  Ergothérapeut  Æble ")).toBe("ergotherapeut aeble");
  });

  it("an unknown word gets a suggestion", () => {
    expect(normaliserVaerdi(r, "uddannelser", "paedagok")).toEqual({ forslag: "paedagog" });
    expect(normaliserVaerdi(r, "uddannelser", "astronaut")).toEqual({});
  });

  it("without a kodeliste the word passes unchanged", () => {
    expect(normaliserVaerdi(syntetiskRegelsaet(), "uddannelser", "Pædagog")).toEqual({ kode: "Pædagog" });
    expect(kodelisteFor(syntetiskRegelsaet(), "uddannelser")).toBeUndefined();
  });
});

describe("normaliserGrundlag", () => {
  const r = medKodelister();

  it("normalises every list field to codes, without changing the input", () => {
    const input = leverandoer({
      medarbejdere: [
        { uddannelser: ["Pædagog", "paedagog", "ERGOTERAPEUT"], certificeringer: ["teacch-certificering"] },
        { uddannelser: ["ingen uddannelse"], certificeringer: ["Ingen"] },
        { erfaringAar: 3 },
      ],
      metoder: { maalgruppespecifikke: ["kognitiv, ressourcefokuseret og anerkendende paedagogik"] },
      samarbejde: { sektorer: ["Sundhedsvæsenet"] },
    });
    const kopi = structuredClone(input);
    const n = normaliserGrundlag(r, input);
    expect(n.problemer).toEqual([]);
    expect(input).toEqual(kopi);
    expect(n.grundlag.medarbejdere).toEqual([
      { uddannelser: ["paedagog", "ergoterapeut"], certificeringer: ["teacch"] },
      // "ingen" is an explicit empty list; an absent field stays absent (ikke oplyst).
      { uddannelser: [], certificeringer: [] },
      { erfaringAar: 3 },
    ]);
    expect(n.grundlag.metoder?.maalgruppespecifikke).toEqual(["krap"]);
    expect(n.grundlag.samarbejde?.sektorer).toEqual(["sundhed"]);
  });

  it("names the field path of an unknown word and suggests the code", () => {
    const input = leverandoer({
      medarbejdere: [{ uddannelser: ["paedagog"] }, { uddannelser: ["ergoterapeut", "pedagog"] }],
    });
    const n = normaliserGrundlag(r, input, ["vurderingsgrundlag"]);
    expect(n.problemer).toHaveLength(1);
    expect(n.problemer[0]?.path).toBe("vurderingsgrundlag.medarbejdere[1].uddannelser[1]");
    expect(n.problemer[0]?.pointer).toBe("/vurderingsgrundlag/medarbejdere/1/uddannelser/1");
    expect(n.problemer[0]?.message).toContain("Mente du 'paedagog' (Pædagog)?");
  });

  it("'ingen' beside other words is a problem", () => {
    const n = normaliserGrundlag(r, leverandoer({ medarbejdere: [{ uddannelser: ["paedagog", "ingen"] }] }));
    expect(n.problemer[0]?.message).toContain("'ingen' kan kun stå alene");
  });

  it("a regelsæt without kodelister leaves the input as it is", () => {
    const input = leverandoer({ medarbejdere: [{ uddannelser: ["Pædagog", "ingen"] }] });
    expect(normaliserGrundlag(syntetiskRegelsaet(), input)).toEqual({ grundlag: input, problemer: [] });
  });

  it("'Pædagog' counts as paedagog: the same level as the code", async () => {
    const rr = medKodelister();
    const p = rr.parametre[2];
    if (!p) throw new Error("fixture");
    p.niveauer.let.betingelser = {
      fact: "antalMedarbejdere",
      params: { uddannelser: { taerskel: "uddannelse.relevante" } },
      operator: "greaterThanInclusive",
      value: 1,
    };
    const med = (u: string) => leverandoer({ medarbejdere: [{ uddannelser: [u] }] });
    const kode = await indplacer(rr, med("paedagog"));
    const label = await indplacer(rr, normaliserGrundlag(rr, med("Pædagog")).grundlag);
    expect(label.parametre[2]?.regelNiveau).toBe("let");
    expect(label).toEqual(kode);
  });
});

describe("the validator checks the kodelister", () => {
  it("accepts consistent kodelister", () => {
    expect(validateRegelsaet(medKodelister()).fejl).toEqual([]);
  });

  it("a list threshold with a kodeliste may hold only its codes", () => {
    const r = medKodelister();
    const t = r.taerskler["uddannelse.relevante"];
    if (!t) throw new Error("fixture");
    t.vaerdi = ["paedagog", "Ergoterapeut", "astronaut"];
    const fejl = validateRegelsaet(r).fejl;
    expect(fejl.map((f) => f.path)).toEqual([
      'taerskler["uddannelse.relevante"].vaerdi[1]',
      'taerskler["uddannelse.relevante"].vaerdi[2]',
    ]);
    expect(fejl[0]?.message).toContain("Brug koden 'ergoterapeut'");
  });

  it("codes are unique and no word names two codes", () => {
    const r = medKodelister();
    r.kodelister?.uddannelser?.push(
      { kode: "paedagog", navn: "Pædagog igen" },
      { kode: "socialraadgiver", navn: "Socialrådgiver", synonymer: ["Socialpædagog"] },
    );
    const fejl = validateRegelsaet(r).fejl;
    expect(fejl.map((f) => f.path)).toEqual([
      "kodelister.uddannelser[2].kode",
      "kodelister.uddannelser[3].synonymer[0]",
    ]);
    expect(fejl[1]?.message).toContain("betyder allerede 'paedagog'");
  });
});
