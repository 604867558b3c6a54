// The Danish names of vurderingsgrundlag fields: the shared table covers every field of the schema
// and every path the engine reports as missing for the pilot regelsæt, and unknown paths still
// read as words.
import { describe, expect, it } from "vitest";
import { FELTER, feltNavn, iGrundlaget, medFeltNavne, stiNavn } from "../../editor/src/faelles/felt-navne.js";
import { type Vurderingsgrundlag, VurderingsgrundlagSchema } from "../../engine/index.js";
import { type BetingelsesForklaring, uopfyldte } from "../../engine/indplacering/forklaring.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { MAALGRUPPER, pilotRegelsaet } from "../fixtures/pilot.js";

interface SchemaDel {
  type?: string;
  properties?: Record<string, SchemaDel>;
  items?: SchemaDel;
}

/** Every field path of the schema as the engine writes it: `borgere.let`, `medarbejdere[].erfaringAar`. */
function schemaStier(s: SchemaDel, foran = ""): string[] {
  if (s.type === "array" && s.items) return schemaStier(s.items, `${foran}[]`);
  return Object.entries(s.properties ?? {})
    .filter(([k]) => k !== "$schema")
    .flatMap(([k, del]) => {
      const sti = foran ? `${foran}.${k}` : k;
      return [sti, ...schemaStier(del, sti)];
    });
}

/** Inputs that leave (almost) everything out, so that the rules report what they would need. */
function tommeGrundlag(maalgruppe: string): Vurderingsgrundlag[] {
  const leverandoer = { id: "tom" };
  return [
    { leverandoer, maalgruppe },
    {
      leverandoer,
      maalgruppe,
      borgere: {},
      medarbejdere: [{}, { ansaettelse: "fast" }],
      fagmiljoe: {},
      samarbejde: {},
      vidensudvikling: {},
      metoder: {},
      hjaelpemidler: {},
      fysiskeRammer: {},
      supplerende: {},
    },
  ];
}

describe("feltNavn", () => {
  it("has an entry for every field of the vurderingsgrundlag schema, and none besides", () => {
    const stier = schemaStier(VurderingsgrundlagSchema as SchemaDel);
    expect(stier).toContain("medarbejdere[].erfaringAar");
    expect(Object.keys(FELTER).sort()).toEqual(stier.filter((s) => s !== "medarbejdere[]").sort());
  });

  it("names staff fields in words", () => {
    expect(feltNavn("medarbejdere[].certificeringer")).toBe("Medarbejdernes certificeringer");
    expect(feltNavn("medarbejdere[].erfaringAar")).toBe("Medarbejdernes års praksiserfaring");
    expect(feltNavn("medarbejdere[].uddannelser")).toBe("Medarbejdernes uddannelser");
    expect(feltNavn("medarbejdere[].hjaelpemiddelfaglig")).toBe("Medarbejdernes hjælpemiddelfaglige kompetencer");
    expect(feltNavn("godkendt")).toBe("Godkendt af socialtilsynet");
    expect(feltNavn("leverandoer.type")).toBe("Leverandørtype");
  });

  it("reads an unknown path as its nearest known section and the rest in words", () => {
    expect(feltNavn("supplerende.individueltTilpassedeRammer")).toBe(
      "Supplerende oplysninger: individuelt tilpassede rammer",
    );
    expect(feltNavn("medarbejdere[].nytFelt")).toBe("Medarbejdere: nyt felt");
    expect(feltNavn("fagmiljoe.noget.dybere")).toBe("Fagmiljø: noget: dybere");
    expect(feltNavn("ekstra.borgerInddragelse")).toBe("Ekstra: borger inddragelse");
    expect(feltNavn("")).toBe("");
  });

  it.each(MAALGRUPPER)("names every path the engine reports as missing for %s", async (m) => {
    const r = pilotRegelsaet(m);
    const rapporteret = new Set<string>();
    const aarsager: BetingelsesForklaring[] = [];
    for (const input of tommeGrundlag(m)) {
      const res = await indplacer(r, input);
      for (const s of res.manglendeOplysninger) rapporteret.add(s);
      for (const p of res.parametre) for (const b of p.begrundelse) aarsager.push(...uopfyldte(b.betingelser));
    }
    expect(rapporteret.size).toBeGreaterThan(3);
    const uden = [...rapporteret].filter((s) => !Object.hasOwn(FELTER, s) && !s.startsWith("supplerende."));
    expect(uden).toEqual([]);
    // The reasons name the same paths; with the names put in, no path is left in the text.
    const ukendte = aarsager.filter((a) => a.opfyldt === null && a.mangler?.length);
    expect(ukendte.length).toBeGreaterThan(0);
    for (const a of ukendte) {
      const tekst = medFeltNavne(a.tekst, a.mangler);
      for (const s of a.mangler ?? []) expect(tekst).not.toContain(`mangler ${s}`);
      expect(tekst).toMatch(
        new RegExp(
          `\\(mangler ${(a.mangler ?? [])
            .map(feltNavn)
            .join(", ")
            .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[);]`,
        ),
      );
    }
  });
});

describe("medFeltNavne", () => {
  it("puts the names in the engine's '(mangler …)' and leaves other wording alone", () => {
    const mangler = ["medarbejdere[].erfaringAar", "borgere.let"];
    expect(
      medFeltNavne("Andel: ikke oplyst (mangler medarbejdere[].erfaringAar, borgere.let) – ukendt.", mangler),
    ).toBe("Andel: ikke oplyst (mangler Medarbejdernes års praksiserfaring, Borgere med lette behov) – ukendt.");
    expect(
      medFeltNavne(
        "Andel: ikke oplyst (mangler medarbejdere[].erfaringAar, borgere.let; mindst 0,5) – ukendt.",
        mangler,
      ),
    ).toBe(
      "Andel: ikke oplyst (mangler Medarbejdernes års praksiserfaring, Borgere med lette behov; mindst 0,5) – ukendt.",
    );
    expect(medFeltNavne("Noget andet.", mangler)).toBe("Noget andet.");
    expect(medFeltNavne("Opfyldt.", undefined)).toBe("Opfyldt.");
  });
});

describe("stiNavn and iGrundlaget", () => {
  it("name a path the API reports, relative to the vurderingsgrundlag it is in", () => {
    expect(iGrundlaget("vurderingsgrundlag.borgere.let")).toBe("borgere.let");
    expect(iGrundlaget("vurderingsgrundlag[3].borgere.let")).toBe("borgere.let");
    expect(iGrundlaget("vurderingsgrundlag[3]")).toBe("");
    expect(iGrundlaget("vurderingsgrundlag")).toBe("");
    // Only the prefix: a field that merely starts with the same letters is left as it is.
    expect(iGrundlaget("vurderingsgrundlagX.a")).toBe("vurderingsgrundlagX.a");
    expect(stiNavn(iGrundlaget("vurderingsgrundlag[0].medarbejdere[1].erfaringAar"))).toBe(
      "Medarbejdernes års praksiserfaring (nr. 2)",
    );
    expect(stiNavn(iGrundlaget("vurderingsgrundlag.borgere.let"))).toBe("Borgere med lette behov");
    expect(stiNavn("")).toBe("Vurderingsgrundlaget");
  });
});

describe("feltNavn with a key Object.prototype has", () => {
  it("names it in words like any unknown path, not by an inherited property", () => {
    expect(feltNavn("constructor")).toBe("Constructor");
    expect(feltNavn("toString.x")).toBe("To string: x");
    expect(feltNavn("supplerende.constructor")).toBe("Supplerende oplysninger: constructor");
  });
});
