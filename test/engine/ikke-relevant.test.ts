// "Ikke relevant" (issue 11, item 4), the Tabel 4 readings (item 8) and threshold variants by
// forløbsfase (item 6), each through both evaluators: json-rules-engine and the compiled one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Indplacering,
  indplacerSync,
  kompiler,
  type Regelsaet,
  sammenlignScenarier,
  type Vurderingsgrundlag,
  validateRegelsaet,
} from "../../engine/index.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { anvendPolitik } from "../../engine/indplacering/politik.js";
import { taerskelOpslag } from "../../engine/taerskler.js";
import { gentag, leverandoer, medNiveauer, PARAMETER_IDS, syntetiskRegelsaet } from "../fixtures/factories.js";

/** Both paths, checked to agree; the json-rules-engine result is returned. */
async function begge(r: Regelsaet, input: Vurderingsgrundlag): Promise<Indplacering> {
  const jre = await indplacer(r, input);
  expect(indplacerSync(r, input)).toEqual(jre);
  expect(kompiler(r).niveau(input)).toBe(jre.niveau);
  return jre;
}

/** hjaelpemidler is not relevant when the citizens have no need of aids (000 §4). */
function medRelevansRegel(): Regelsaet {
  const r = syntetiskRegelsaet();
  const hj = r.parametre.find((p) => p.id === "hjaelpemidler");
  if (!hj) throw new Error("fixture lacks hjaelpemidler");
  hj.ikkeRelevant = {
    naar: { fact: "hjaelpemidler", path: "$.behovHosBorgerne", operator: "equal", value: false },
    beskrivelse: "Borgerne har ikke behov for hjælpemidler og teknologi.",
    kilde: { dokument: "000", afsnit: "§4" },
  };
  expect(validateRegelsaet(r).fejl).toEqual([]);
  return r;
}

describe("ikke relevant", () => {
  const r = syntetiskRegelsaet();

  it("from the tilsyn: 7 højt + 1 ikke relevant = højt; the limits move with referenceAntal", async () => {
    const res = await begge(r, medNiveauer([...gentag(7, "hoej"), "ikke-relevant"]));
    expect(res.niveau).toBe("hoej");
    expect(res.politik.optaelling).toMatchObject({ aktive: 7, hoej: 7, ikkeRelevant: 1 });
    // Tabel 4 with 7 counted parameters: all but one at højt means 6.
    expect(res.politik.graenser).toMatchObject({ hoejMinParametre: 6, moderatMinParametre: 6 });
    const hj = res.parametre.find((p) => p.id === "hjaelpemidler");
    expect(hj).toMatchObject({ niveau: "ikke-relevant", tilsynsvurdering: "ikke-relevant", regelNiveau: "ingen" });
    expect(hj?.ikkeRelevant?.af).toBe("tilsyn");
    expect(res.ikkeRelevante?.[0]?.tekst).toContain("tilsynet har vurderet parameteren som ikke relevant");
  });

  it("the same provider with the parameter at ingen is only moderat", async () => {
    expect((await begge(r, medNiveauer([...gentag(7, "hoej"), "ingen"]))).niveau).toBe("moderat");
  });

  it("from the regelsæt's rule: only a definitely true rule leaves the parameter out", async () => {
    const rr = medRelevansRegel();
    const borgere = { let: 0, moderat: 0, hoej: 12 };
    const uden = await begge(rr, leverandoer({ borgere, hjaelpemidler: { behovHosBorgerne: false } }));
    const hj = uden.parametre.find((p) => p.id === "hjaelpemidler");
    expect(hj).toMatchObject({ niveau: "ikke-relevant", regelNiveau: "hoej" });
    expect(hj?.ikkeRelevant).toMatchObject({ af: "regel", kilde: { dokument: "000", afsnit: "§4" } });
    expect(hj?.ikkeRelevant?.tekst).toContain("Borgerne har ikke behov for hjælpemidler");
    expect(uden.ikkeRelevante?.map((p) => p.id)).toEqual(["hjaelpemidler"]);

    const med = await begge(rr, leverandoer({ borgere, hjaelpemidler: { behovHosBorgerne: true } }));
    expect(med.parametre.find((p) => p.id === "hjaelpemidler")?.niveau).toBe("hoej");
    expect(med.ikkeRelevante).toBeUndefined();

    // Unknown: evaluated as usual, and the missing field is named.
    const ukendt = await begge(rr, leverandoer({ borgere }));
    const p = ukendt.parametre.find((x) => x.id === "hjaelpemidler");
    expect(p?.niveau).toBe("hoej");
    expect(p?.relevans?.opfyldt).toBeNull();
    expect(ukendt.manglendeOplysninger).toContain("hjaelpemidler.behovHosBorgerne");
  });

  it("a not-relevant parameter cannot block højt through krav, and is not what stands in the way", async () => {
    const rk = syntetiskRegelsaet();
    rk.indplacering.krav = { hoej: ["hjaelpemidler"] };
    const res = await begge(rk, medNiveauer([...gentag(6, "hoej"), "moderat", "ikke-relevant"]));
    expect(res.niveau).toBe("hoej");
    const lavere = await begge(rk, medNiveauer([...gentag(5, "hoej"), "moderat", "let", "ikke-relevant"]));
    expect(lavere.niveau).toBe("moderat");
    expect(lavere.naesteNiveau?.parametre.map((p) => p.id)).not.toContain("hjaelpemidler");
  });

  it("is left out of the weighted mean", async () => {
    const rv = syntetiskRegelsaet();
    rv.indplacering = { metode: "vaegtet" };
    const res = await begge(rv, medNiveauer([...gentag(7, "hoej"), "ikke-relevant"]));
    expect(res.politik.score).toBe(3);
    expect(res.niveau).toBe("hoej");
  });

  it("flows through scenario comparison", async () => {
    const rr = medRelevansRegel();
    const borgere = { let: 0, moderat: 0, hoej: 12 };
    const ude = leverandoer({ borgere, hjaelpemidler: { behovHosBorgerne: false } });
    const inde = leverandoer({ leverandoer: { id: "L2" }, borgere, hjaelpemidler: { behovHosBorgerne: true } });
    // A stricter hjælpemidler threshold moves only the provider for whom the parameter counts.
    const strengere = { taerskler: { "hjaelpemidler.hoej.minBorgere": 100, "hjaelpemidler.moderat.minBorgere": 100 } };
    const s = await sammenlignScenarier(
      rr,
      [{ navn: "basis" }, { navn: "strengere", aendringer: strengere }],
      [ude, inde],
    );
    expect(s.scenarier.map((x) => x.fordeling.hoej)).toEqual([2, 1]);
    expect(s.flyttede.map((f) => f.leverandoer.id)).toEqual(["L2"]);
  });
});

describe("Tabel 4 readings", () => {
  const bogstavelig = (): Regelsaet => {
    const r = syntetiskRegelsaet();
    r.indplacering.laesning = "bogstavelig";
    return r;
  };

  it("monoton (default): 7 højt + 1 let = moderat; bogstavelig: højt", async () => {
    const input = medNiveauer([...gentag(7, "hoej"), "let"]);
    expect((await begge(syntetiskRegelsaet(), input)).niveau).toBe("moderat");
    const res = await begge(bogstavelig(), input);
    expect(res.niveau).toBe("hoej");
  });

  it("bogstavelig still allows at most maxModerat at moderat", async () => {
    const input = medNiveauer([...gentag(6, "hoej"), "moderat", "moderat"]);
    expect((await begge(bogstavelig(), input)).niveau).toBe("moderat");
  });

  it("the next-level text speaks of 'under moderat' only in the monotone reading", async () => {
    const input = medNiveauer([...gentag(6, "hoej"), "moderat", "let"]);
    expect((await begge(syntetiskRegelsaet(), input)).naesteNiveau?.tekst).toContain("under moderat");
    expect((await begge(bogstavelig(), input)).naesteNiveau?.tekst).not.toContain("under moderat");
  });
});

describe("the weighted policy's cut-offs are on the weighted mean", () => {
  const NIV = ["ingen", "let", "moderat", "hoej"] as const;
  const rv = syntetiskRegelsaet();
  rv.indplacering = { metode: "vaegtet" };
  const opslag = taerskelOpslag(rv, {});
  const niveau = (niveauer: readonly (typeof NIV)[number][], hjVaegt: number) =>
    anvendPolitik(
      rv.indplacering,
      opslag,
      niveauer.map((n, i) => ({ id: PARAMETER_IDS[i] as string, niveau: n, vaegt: i === 7 ? hjVaegt : 1 })),
      true,
    ).niveau;
  const RANG = { let: 1, moderat: 2, hoej: 3 } as const;

  it("lowering hjælpemidler's weight never makes højt harder when the other seven are at højt", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NIV), fc.double({ min: 0, max: 1, noNaN: true }), (hj, vaegt) => {
        const andre = gentag(7, "hoej") as (typeof NIV)[number][];
        const fuld = niveau([...andre, hj], 1);
        const lavere = niveau([...andre, hj], vaegt);
        expect(RANG[lavere as keyof typeof RANG]).toBeGreaterThanOrEqual(RANG[fuld as keyof typeof RANG]);
        // With the seven at højt and hjælpemidler at moderat, any weight up to 1 reaches højt.
        if (hj === "moderat" || hj === "hoej") expect(lavere).toBe("hoej");
      }),
    );
  });

  it("for any levels, lowering one parameter's weight never lowers the level when it is the lowest", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NIV), { minLength: 8, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (niveauer, vaegt) => {
          // Put the lowest level on hjælpemidler: lowering its weight can only raise the mean.
          const sorteret = [...niveauer].sort((a, b) => NIV.indexOf(b) - NIV.indexOf(a));
          const fuld = niveau(sorteret, 1);
          const lavere = niveau(sorteret, vaegt);
          expect(RANG[lavere as keyof typeof RANG]).toBeGreaterThanOrEqual(RANG[fuld as keyof typeof RANG]);
        },
      ),
    );
  });
});

describe("threshold variants by forløbsfase", () => {
  const r = syntetiskRegelsaet();
  const t = r.taerskler["aktivPraksis.hoej.minBorgere"];
  if (!t) throw new Error("fixture lacks threshold");
  t.varianter = [{ navn: "vedligeholdelse", naar: { forloebsfase: ["vedligeholdelse"] }, vaerdi: 4 }];
  const borgere = { let: 0, moderat: 0, hoej: 5 };
  const aktiv = (res: Indplacering) => res.parametre.find((p) => p.id === "aktivPraksis");

  it("applies the variant in its phase, and the base value in another", async () => {
    expect(aktiv(await begge(r, leverandoer({ borgere, forloebsfase: "vedligeholdelse" })))?.niveau).toBe("hoej");
    expect(aktiv(await begge(r, leverandoer({ borgere, forloebsfase: "udredning" })))?.niveau).toBe("moderat");
  });

  it("without a phase: the base value, and forloebsfase listed as missing", async () => {
    const res = await begge(r, leverandoer({ borgere }));
    expect(aktiv(res)?.niveau).toBe("moderat");
    expect(res.manglendeOplysninger).toContain("forloebsfase");
  });

  it("the compiled path keeps phases apart in one batch", () => {
    const k = kompiler(r);
    const fase = (f?: "vedligeholdelse" | "udredning") =>
      k.udfald(leverandoer({ borgere, ...(f ? { forloebsfase: f } : {}) })).parametre.get("aktivPraksis");
    expect([fase("vedligeholdelse"), fase("udredning"), fase(), fase("vedligeholdelse")]).toEqual([
      "hoej",
      "moderat",
      "moderat",
      "hoej",
    ]);
  });
});

describe("the validator checks the ikkeRelevant rule", () => {
  it("names an unknown fact in it", () => {
    const r = syntetiskRegelsaet();
    const p = r.parametre[7];
    if (!p) throw new Error("fixture");
    p.ikkeRelevant = { naar: { fact: "hjaelpemidlerr", operator: "equal", value: true }, beskrivelse: "x" };
    const fejl = validateRegelsaet(r).fejl;
    expect(fejl[0]?.path).toBe("parametre[7].ikkeRelevant.naar.fact");
    expect(fejl[0]?.message).toContain("Mente du 'hjaelpemidler'?");
  });
});
