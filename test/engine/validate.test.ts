// Schema and semantic rejection, with the messages a user reads.
import { describe, expect, it } from "vitest";
import { type Regelsaet, validateRegelsaet, validateVurderingsgrundlag } from "../../engine/index.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { leverandoer, syntetiskRegelsaet } from "../fixtures/factories.js";

function medLeaf(leaf: Record<string, unknown>): Regelsaet {
  const r = syntetiskRegelsaet();
  const p = r.parametre[0];
  if (!p) throw new Error("fixture has no parameters");
  p.niveauer.let.betingelser = { all: [leaf as never] };
  return r;
}

const fejlFor = (r: unknown) => validateRegelsaet(r).fejl;

describe("validateRegelsaet", () => {
  it("accepts the synthetic regelsæt", () => {
    const v = validateRegelsaet(syntetiskRegelsaet());
    expect(v.fejl).toEqual([]);
    expect(v.regelsaet).toBeDefined();
  });

  it("rejects a threshold that does not exist, with a suggestion", () => {
    const fejl = fejlFor(
      medLeaf({
        fact: "antalBorgere",
        operator: "greaterThanInclusive",
        value: { taerskel: "aktivPraksis.let.minBorger" },
      }),
    );
    expect(fejl).toEqual([
      {
        path: "parametre[0].niveauer.let.betingelser.all[0].value.taerskel",
        pointer: "/parametre/0/niveauer/let/betingelser/all/0/value/taerskel",
        message:
          "Tærsklen 'aktivPraksis.let.minBorger' findes ikke i taerskler. Mente du 'aktivPraksis.let.minBorgere'?",
      },
    ]);
  });

  it("rejects an unknown fact and lists the known ones", () => {
    const [f] = fejlFor(medLeaf({ fact: "antalBorger", operator: "greaterThan", value: 1 }));
    expect(f?.path).toBe("parametre[0].niveauer.let.betingelser.all[0].fact");
    expect(f?.message).toMatch(
      /^Faktummet 'antalBorger' findes ikke\. Mente du 'antalBorgere'\? Kendte fakta: .*andelMedarbejdere/,
    );
  });

  it("rejects an unknown operator, naming the allowed ones", () => {
    const [f] = fejlFor(medLeaf({ fact: "antalBorgere", operator: "gt", value: 1 }));
    expect(f?.path).toBe("parametre[0].niveauer.let.betingelser.all[0].operator");
    expect(f?.message).toMatch(/^"gt" er ikke tilladt\. Skal være en af: "equal", .*"greaterThanInclusive"/);
  });

  it("rejects a parameter id used twice", () => {
    const r = syntetiskRegelsaet();
    const [a] = r.parametre;
    if (a) r.parametre.push({ ...a });
    expect(fejlFor(r)).toEqual([
      {
        path: "parametre[8].id",
        pointer: "/parametre/8/id",
        message: "Parameter-id 'aktivPraksis' findes allerede (parametre[0]).",
      },
    ]);
  });

  it("reports a missing field and an unknown field in a condition in the branch the author meant", () => {
    const fejl = fejlFor(medLeaf({ fact: "antalBorgere", operatr: "equal", value: 1 }));
    expect(fejl.map((f) => f.message)).toEqual(["Feltet 'operator' mangler.", "Feltet 'operatr' er ukendt her."]);
    expect(fejl[1]?.path).toBe("parametre[0].niveauer.let.betingelser.all[0].operatr");
  });

  it("rejects an empty all-list and a wrong type", () => {
    const r = syntetiskRegelsaet();
    const p = r.parametre[1];
    if (p) p.niveauer.hoej.betingelser = { all: [] };
    (r as unknown as { parametre: { vaegt: unknown }[] }).parametre[2] = { ...r.parametre[2], vaegt: "tung" } as never;
    const beskeder = fejlFor(r).map((f) => `${f.path}: ${f.message}`);
    expect(beskeder).toContain("parametre[1].niveauer.hoej.betingelser.all: Skal have mindst 1 element.");
    expect(beskeder).toContain("parametre[2].vaegt: Skal være et tal.");
  });

  it("rejects params a fact does not know and a list threshold where a number is needed", () => {
    const r = medLeaf({
      fact: "andelMedarbejdere",
      params: { uddanelser: ["paedagog"], minErfaringAar: { taerskel: "liste.navne" } },
      operator: "greaterThanInclusive",
      value: 0.5,
    });
    r.taerskler["liste.navne"] = { vaerdi: ["a"], enhed: "liste", beskrivelse: "En liste." };
    const beskeder = fejlFor(r).map((f) => f.message);
    expect(beskeder).toContain(
      "Faktummet 'andelMedarbejdere' kender ikke parameteren 'uddanelser'. Kendte: uddannelser, certificeringer, minErfaringAar, hjaelpemiddelfaglig, medVikarer.",
    );
    expect(beskeder).toContain("Tærsklen 'liste.navne' er en liste; her skal bruges et tal.");
  });

  it("rejects a path on a derived fact and non-simple paths", () => {
    const beskeder = fejlFor(medLeaf({ fact: "antalBorgere", path: "$.x", operator: "equal", value: 1 })).map(
      (f) => f.message,
    );
    expect(beskeder).toEqual(["Faktummet 'antalBorgere' er afledt og har ingen 'path'; brug 'params'."]);
    const [f] = fejlFor(medLeaf({ fact: "fagmiljoe", path: "$..[?(@.x)]", operator: "equal", value: true }));
    expect(f?.path).toMatch(/\.path$/);
    expect(f?.message).toMatch(/^Har ikke den rette form/);
  });

  it("requires the policy thresholds of the chosen method", () => {
    const r = syntetiskRegelsaet();
    delete r.taerskler["indplacering.hoej.maxModerat"];
    expect(fejlFor(r).map((f) => f.message)).toEqual([
      "Tærsklen 'indplacering.hoej.maxModerat' mangler; indplaceringsmetoden 'optaelling' bruger den.",
    ]);
  });

  it("never throws on garbage", () => {
    for (const x of [null, 1, "x", [], { parametre: "nej" }, { __proto__: { a: 1 } }]) {
      expect(fejlFor(x).length).toBeGreaterThan(0);
    }
  });
});

describe("validateVurderingsgrundlag", () => {
  it("accepts a provider and reports bad fields with paths", () => {
    expect(validateVurderingsgrundlag(leverandoer())).toEqual([]);
    const fejl = validateVurderingsgrundlag({
      leverandoer: {},
      maalgruppe: "test",
      borgere: { let: -1, hoej: "12" },
      medarbejdere: [{ ansaettelse: "deltid" }],
    });
    expect(fejl.map((f) => `${f.path}: ${f.message}`)).toEqual([
      "leverandoer: Feltet 'id' mangler.",
      "borgere.let: Skal være mindst 0.",
      "borgere.hoej: Skal være et helt tal.",
      'medarbejdere[0].ansaettelse: "deltid" er ikke tilladt. Skal være en af: "fast", "vikar".',
    ]);
  });
});

describe("hostile names", () => {
  it("a parameter called 'constructor' does not read Object.prototype", async () => {
    const r = syntetiskRegelsaet(["constructor", "toString"]);
    expect(validateRegelsaet(r).fejl).toEqual([]);
    const res = await indplacer(r, leverandoer({ borgere: { let: 1, moderat: 0, hoej: 0 } }));
    expect(res.parametre.map((p) => [p.id, p.niveau, p.tilsynsvurdering])).toEqual([
      ["constructor", "let", undefined],
      ["toString", "let", undefined],
    ]);
  });
  it("antalBorgere only counts known need levels", () => {
    const [f] = fejlFor(
      medLeaf({
        fact: "antalBorgere",
        params: { niveauer: ["hoej", "constructor"] },
        operator: "greaterThan",
        value: 1,
      }),
    );
    expect(f?.message).toBe("Parameteren 'niveauer' må kun indeholde: let, moderat, hoej.");
  });
});
