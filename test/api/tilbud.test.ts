// The tilbud register, decisions over time, history and reassessments over the API (issue 13):
// organisations own their tilbud and decisions (404 for another's), the status lifecycle refuses
// changes out of order, and bad input is refused naming the field with nothing stored.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opretNoegle } from "../../api/store/noegler.js";
import {
  auth,
  backends,
  hoejLeverandoer,
  moderatLeverandoer,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
  unikMaalgruppe,
} from "./hjaelpere.js";

const TABELLER = ["tilbud", "afdelinger", "afgoerelser", "afgoerelse_haendelser", "indplaceringer"];

describe.each(backends())("tilbud og afgørelser ($navn)", (backend) => {
  let s: TestServer;
  let m: string;
  let nord: Record<string, string>;
  let syd: Record<string, string>;
  let styrelsen: Record<string, string>;
  const tilbud = (id: string, socialtilsyn = "socialtilsyn-nord") => ({
    navn: `Tilbud ${id}`,
    type: "botilbud",
    kommune: "Aalborg",
    socialtilsyn,
    maalgrupper: [m],
    afdelinger: [
      { id: "A", navn: "Afdeling A", maalgruppe: m, pladser: 8 },
      { id: "B", navn: "Afdeling B", maalgruppe: m, pladser: 4 },
    ],
  });
  const antal = async () => {
    const ud: Record<string, number> = {};
    for (const t of TABELLER) {
      const { rows } = await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
      ud[t] = rows[0]?.n ?? 0;
    }
    return ud;
  };
  const afgoer = (tilbudId: string, krop: Record<string, unknown>, n = nord) =>
    request(s.app).post(`/api/v1/tilbud/${tilbudId}/afgoerelser`).set(n).send(krop);

  beforeAll(async () => {
    s = await startTestServer(backend);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
    nord = auth(await opretNoegle(s.db, "nord", "tilsyn", "test", "socialtilsyn-nord"));
    syd = auth(await opretNoegle(s.db, "syd", "tilsyn", "test", "socialtilsyn-syd"));
    styrelsen = auth(await opretNoegle(s.db, "styrelsen", "forfatter", "test", "socialstyrelsen"));
    expect((await request(s.app).put("/api/v1/tilbud/T1").set(nord).send(tilbud("T1"))).status).toBe(201);
    expect((await request(s.app).put("/api/v1/tilbud/S1").set(syd).send(tilbud("S1", "socialtilsyn-syd"))).status).toBe(
      201,
    );
  });
  afterAll(() => s.ryd());

  it("registrerer et tilbud med afdelinger; et andet tilsyn ser det ikke (404), Socialstyrelsen ser alle", async () => {
    const egen = await request(s.app).get("/api/v1/tilbud/T1").set(nord);
    expect(egen.status).toBe(200);
    expect(egen.body.afdelinger.map((a: { id: string }) => a.id)).toEqual(["A", "B"]);
    expect(egen.body.socialtilsyn).toBe("socialtilsyn-nord");
    expect((await request(s.app).get("/api/v1/tilbud/T1").set(syd)).status).toBe(404);
    const listeSyd = await request(s.app).get("/api/v1/tilbud").set(syd);
    expect(listeSyd.body.tilbud.map((t: { id: string }) => t.id)).toEqual(["S1"]);
    const alle = await request(s.app).get("/api/v1/tilbud").set(styrelsen);
    expect(alle.body.tilbud.map((t: { id: string }) => t.id).sort()).toEqual(["S1", "T1"]);
    // Updating is 200 and keeps the afdelinger not listed.
    const opd = await request(s.app)
      .put("/api/v1/tilbud/T1")
      .set(nord)
      .send({ ...tilbud("T1"), navn: "Nyt navn", afdelinger: [] });
    expect(opd.status).toBe(200);
    expect(opd.body.navn).toBe("Nyt navn");
    expect(opd.body.afdelinger).toHaveLength(2);
  });

  it("afviser et andet tilsyns tilbud og ugyldige felter, og gemmer intet", async () => {
    const foer = await antal();
    const andet = await request(s.app).put("/api/v1/tilbud/X9").set(syd).send(tilbud("X9", "socialtilsyn-nord"));
    expect(andet.status).toBe(422);
    expect(andet.body.detaljer[0].path).toBe("socialtilsyn");
    // Taking over another tilsyn's tilbud by its id is not found.
    const overtag = await request(s.app).put("/api/v1/tilbud/T1").set(syd).send(tilbud("T1", "socialtilsyn-syd"));
    expect(overtag.status).toBe(404);
    const ugyldig = await request(s.app)
      .put("/api/v1/tilbud/X9")
      .set(nord)
      .send({ ...tilbud("X9"), type: "slot", afdelinger: [{ id: "A", navn: "", maalgruppe: m, pladser: -1 }] });
    expect(ugyldig.status).toBe(422);
    expect(ugyldig.body.detaljer.map((d: { path: string }) => d.path)).toEqual([
      "type",
      "afdelinger[0].navn",
      "afdelinger[0].pladser",
    ]);
    expect(await antal()).toEqual(foer);
  });

  it("indlæser registret fra CSV; en fejl på én linje afviser hele filen med linje og kolonne", async () => {
    const csv = [
      "tilbud.id;tilbud.navn;tilbud.type;tilbud.kommune;tilbud.socialtilsyn;tilbud.maalgrupper;afdeling.id;afdeling.navn;afdeling.maalgruppe;afdeling.pladser",
      `C1;Centret;botilbud;Viborg;socialtilsyn-nord;${m};H;Huset;${m};6`,
      `C1;;;;;;V;Værkstedet;${m};3`,
      "C2;Rådgivningen;matrikelloes;;socialtilsyn-nord;;;;;",
    ].join("\n");
    const ok = await request(s.app).post("/api/v1/tilbud/import").set(nord).type("text/csv").send(csv);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ antal: 2, afdelinger: 2, oprettet: 2, opdateret: 0 });
    const c1 = await request(s.app).get("/api/v1/tilbud/C1").set(nord);
    expect(c1.body.afdelinger.map((a: { id: string }) => a.id)).toEqual(["H", "V"]);

    const foer = await antal();
    const daarlig = `${csv.split("\n")[0]}\nC3;Ny;botilbud;;socialtilsyn-nord;;;;;\nC4;Ny;slot;;socialtilsyn-nord;;X;;${m};x`;
    const svar = await request(s.app).post("/api/v1/tilbud/import").set(nord).type("text/csv").send(daarlig);
    expect(svar.status).toBe(422);
    expect(svar.body.detaljer.map((d: { path: string }) => d.path)).toEqual([
      "linje 3, kolonne 'tilbud.type'",
      "linje 3, kolonne 'afdeling.navn'",
      "linje 3, kolonne 'afdeling.pladser'",
    ]);
    const andet = await request(s.app)
      .post("/api/v1/tilbud/import")
      .set(syd)
      .type("text/csv")
      .send(`${csv.split("\n")[0]}\nC5;Ny;botilbud;;socialtilsyn-nord;;;;;`);
    expect(andet.status).toBe(422);
    expect(andet.body.detaljer[0].path).toBe("tilbud 'C5', kolonne 'tilbud.socialtilsyn'");
    const ukendt = await request(s.app)
      .post("/api/v1/tilbud/import")
      .set(nord)
      .type("text/csv")
      .send("tilbud.id,farve\n1,blå");
    expect(ukendt.status).toBe(422);
    expect(await antal()).toEqual(foer);
  });

  it("en afgørelse får status, gyldighed, næste vurdering og overgangsperiode; forkert input gemmer intet", async () => {
    const foer = await antal();
    const vg = { ...hoejLeverandoer(m, "T1"), leverandoer: { id: "T1", navn: "T1", type: "botilbud" as const } };
    const forkerte: [string, Record<string, unknown>, number, string][] = [
      ["UKENDT", { vurderingsgrundlag: vg }, 404, "tilbud"],
      ["S1", { vurderingsgrundlag: vg }, 404, "tilbud"], // another tilsyn's tilbud
      ["T1", { vurderingsgrundlag: vg, afdeling: "H" }, 422, "afdeling"], // C1's afdeling
      [
        "T1",
        {
          vurderingsgrundlag: vg,
          gyldigFra: "2026-01-01",
          overgang: [{ parameter: "uddannelse", niveau: "hoej", til: "2025-12-01", begrundelse: "Ny leder" }],
        },
        422,
        "overgang[0].til",
      ],
      [
        "T1",
        {
          vurderingsgrundlag: vg,
          overgang: [{ parameter: "farve", niveau: "hoej", til: "2099-01-01", begrundelse: "x" }],
        },
        422,
        "overgang[0].parameter",
      ],
      ["T1", { vurderingsgrundlag: { ...vg, leverandoer: { id: "C1" } } }, 422, "vurderingsgrundlag.leverandoer.id"],
      ["T1", { vurderingsgrundlag: vg, status: "afgjort" }, 422, "status"],
      ["T1", { vurderingsgrundlag: vg, gyldigFra: "2026-02-30" }, 422, "gyldigFra"],
      ["T1", { vurderingsgrundlag: { ...vg, borgere: { hoej: -1 } } }, 422, "vurderingsgrundlag.borgere.hoej"],
    ];
    for (const [id, krop, status, sti] of forkerte) {
      const svar = await afgoer(id, krop);
      expect([id, svar.status]).toEqual([id, status]);
      expect(svar.body.detaljer.map((d: { path: string }) => d.path)).toContain(sti);
    }
    expect(await antal()).toEqual(foer);

    const ok = await afgoer("T1", {
      vurderingsgrundlag: vg,
      afdeling: "A",
      gyldigFra: "2026-01-31",
      overgang: [
        { parameter: "uddannelse", niveau: "hoej", til: "2026-09-30", begrundelse: "Uddannet leder fratrådt" },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.indplacering.niveau).toBe("hoej");
    // Højt: 12 months, but the grace period ends first.
    expect(ok.body.afgoerelse).toMatchObject({
      status: "truffet",
      afdeling: "A",
      gyldigFra: "2026-01-31",
      naesteVurdering: "2026-09-30",
    });
    const uden = await afgoer("T1", { vurderingsgrundlag: vg, afdeling: "A", gyldigFra: "2026-01-31" });
    expect(uden.body.afgoerelse.naesteVurdering).toBe("2027-01-31");
  });

  it("status skifter i rækkefølge som hændelser; en klage, der ændrer, peger på den nye afgørelse", async () => {
    const vg = moderatLeverandoer(m, "T1");
    const a = (await afgoer("T1", { vurderingsgrundlag: vg, afdeling: "B", status: "kladde" })).body.afgoerelse;
    const skift = (id: string, krop: Record<string, unknown>, n = nord) =>
      request(s.app).post(`/api/v1/afgoerelser/${id}/status`).set(n).send(krop);
    const foer = await antal();
    const forTidligt = await skift(a.id, { status: "paaklaget", begrundelse: "Klage" });
    expect(forTidligt.status).toBe(409);
    expect(forTidligt.body.detaljer[0].path).toBe("status");
    expect((await skift(a.id, { status: "truffet" })).body.detaljer[0].path).toBe("begrundelse");
    expect((await skift(a.id, { status: "truffet", begrundelse: "x" }, syd)).status).toBe(404);
    expect(await antal()).toEqual(foer);

    expect((await skift(a.id, { status: "truffet", begrundelse: "Sagsbehandling afsluttet" })).body.status).toBe(
      "truffet",
    );
    expect((await skift(a.id, { status: "paaklaget", begrundelse: "Tilbuddet klager" })).body.status).toBe("paaklaget");
    const ny = (await afgoer("T1", { vurderingsgrundlag: hoejLeverandoer(m, "T1"), afdeling: "B" })).body.afgoerelse;
    const andenAfdeling = await skift(a.id, { status: "aendret", begrundelse: "Medhold", nyAfgoerelse: a.id });
    expect(andenAfdeling.status).toBe(422);
    expect(andenAfdeling.body.detaljer[0].path).toBe("nyAfgoerelse");
    const aendret = await skift(a.id, { status: "aendret", begrundelse: "Medhold i klagen", nyAfgoerelse: ny.id });
    expect(aendret.status).toBe(200);
    expect(aendret.body.haendelser.map((h: { status: string }) => h.status)).toEqual([
      "kladde",
      "truffet",
      "paaklaget",
      "aendret",
    ]);
    expect(aendret.body.haendelser[3]).toMatchObject({
      noegle: "nord",
      begrundelse: "Medhold i klagen",
      detaljer: { udfald: "aendret", nyAfgoerelse: ny.id },
    });
    expect((await skift(a.id, { status: "paaklaget", begrundelse: "Igen" })).status).toBe(409);
  });

  it("ejerskab: et andet tilsyns afgørelse findes ikke; Socialstyrelsen læser den uden personaleoplysninger", async () => {
    const medPersonale = {
      ...hoejLeverandoer(m, "T1"),
      medarbejdere: [{ ansaettelse: "fast" as const, erfaringAar: 4, uddannelser: ["paedagog"] }],
    };
    const ny = (await afgoer("T1", { vurderingsgrundlag: medPersonale, afdeling: "A" })).body.afgoerelse;
    expect((await request(s.app).get(`/api/v1/afgoerelser/${ny.id}`).set(syd)).status).toBe(404);
    expect((await request(s.app).get(`/api/v1/indplacering/${ny.id}`).set(syd)).status).toBe(404);
    const egen = await request(s.app).get(`/api/v1/indplacering/${ny.id}`).set(nord);
    expect(egen.body.vurderingsgrundlag.medarbejdere).toHaveLength(1);
    const styr = await request(s.app).get(`/api/v1/indplacering/${ny.id}`).set(styrelsen);
    expect(styr.status).toBe(200);
    expect(styr.body.vurderingsgrundlag.medarbejdere).toBeUndefined();
    expect(styr.body.vurderingsgrundlag.antalMedarbejdere).toBe(egen.body.vurderingsgrundlag.medarbejdere.length);
    // A key without organisation (made before organisations) keeps full access.
    expect((await request(s.app).get(`/api/v1/afgoerelser/${ny.id}`).set(auth(s.noegler.tilsyn))).status).toBe(200);
  });

  it("en gemt afgørelse uden tilbud er 'truffet' og kan knyttes til et tilbud én gang", async () => {
    const gammel = await request(s.app)
      .post("/api/v1/indplacering")
      .set(nord)
      .send({ vurderingsgrundlag: moderatLeverandoer(m, "T1") });
    expect(gammel.status).toBe(201);
    const foer = await request(s.app).get(`/api/v1/afgoerelser/${gammel.body.id}`).set(nord);
    expect(foer.body).toMatchObject({ status: "truffet", tilbud: null, haendelser: [] });
    expect((await request(s.app).get(`/api/v1/afgoerelser/${gammel.body.id}`).set(syd)).status).toBe(404);
    const ikkeKnyttet = await request(s.app)
      .post(`/api/v1/afgoerelser/${gammel.body.id}/status`)
      .set(nord)
      .send({ status: "paaklaget", begrundelse: "Klage" });
    expect(ikkeKnyttet.status).toBe(409);
    const knyt = await afgoer("T1", { indplaceringId: gammel.body.id, afdeling: "B", gyldigFra: "2025-06-01" });
    expect(knyt.status).toBe(201);
    expect(knyt.body.afgoerelse).toMatchObject({ status: "truffet", naesteVurdering: "2027-06-01" });
    expect((await afgoer("T1", { indplaceringId: gammel.body.id })).status).toBe(409);
    expect((await afgoer("S1", { indplaceringId: gammel.body.id }, syd)).status).toBe(404);
  });

  it("historikken viser niveau pr. parameter over tid og om input eller regelsæt ændrede sig", async () => {
    const put = await request(s.app)
      .put("/api/v1/tilbud/H1")
      .set(nord)
      .send({ ...tilbud("H1"), afdelinger: [] });
    expect(put.status).toBe(201);
    const vg = (borgere: number) => ({
      ...hoejLeverandoer(m, "H1"),
      borgere: { let: 0, moderat: 0, hoej: borgere },
    });
    await afgoer("H1", { vurderingsgrundlag: vg(12), gyldigFra: "2024-01-01" });
    await afgoer("H1", { vurderingsgrundlag: vg(6), gyldigFra: "2025-01-01" });
    await publicer(
      s,
      testRegelsaet(m, (r) => {
        for (const t of Object.values(r.taerskler)) if (t.vaerdi === 10) t.vaerdi = 5;
      }),
    );
    await afgoer("H1", { vurderingsgrundlag: vg(6), gyldigFra: "2026-01-01" });
    const h = await request(s.app).get("/api/v1/tilbud/H1/historik?dato=2026-06-01").set(nord);
    expect(h.status).toBe(200);
    const [a, b, c] = h.body.afgoerelser;
    expect([a.niveau, b.niveau, c.niveau]).toEqual(["hoej", "moderat", "hoej"]);
    expect(a.aendring.aarsag).toBe("foerste");
    expect(b.aendring).toMatchObject({
      aarsag: "input",
      felter: ["borgere.hoej"],
      niveau: { fra: "hoej", til: "moderat" },
    });
    expect(b.aendring.parametre.length).toBeGreaterThan(0);
    expect(c.aendring).toMatchObject({ aarsag: "regelsaet", felter: [], regelsaet: { fra: 1, til: 2 } });
    expect(c.parametre[0]).toMatchObject({ niveau: "hoej", regelNiveau: "hoej" });
    expect(h.body.revurderinger).toEqual([
      expect.objectContaining({ afgoerelse: c.id, naesteVurdering: "2027-01-01", status: "senere" }),
    ]);
    expect((await request(s.app).get("/api/v1/tilbud/H1/historik").set(syd)).status).toBe(404);
    expect((await request(s.app).get("/api/v1/tilbud/H1/historik?dato=i-morgen").set(nord)).status).toBe(400);
  });

  it("revurderinger pr. socialtilsyn: forfaldne og snart forfaldne; et tilsyn ser kun sine egne", async () => {
    const alle = await request(s.app).get("/api/v1/revurderinger?dato=2027-01-15&dage=30").set(styrelsen);
    expect(alle.status).toBe(200);
    const nordGruppe = alle.body.socialtilsyn.find(
      (g: { socialtilsyn: string }) => g.socialtilsyn === "socialtilsyn-nord",
    );
    expect(alle.body.socialtilsyn).toHaveLength(5);
    expect(nordGruppe.forfaldne).toBeGreaterThan(0);
    expect(nordGruppe.revurderinger.every((r: { status: string }) => ["forfalden", "snart"].includes(r.status))).toBe(
      true,
    );
    const egne = await request(s.app).get("/api/v1/revurderinger?dato=2027-01-15").set(syd);
    expect(egne.body.socialtilsyn.map((g: { socialtilsyn: string }) => g.socialtilsyn)).toEqual(["socialtilsyn-syd"]);
  });

  it("kræver tilsyn eller højere på hver rute", async () => {
    const laeser = auth(s.noegler.laeser);
    const kald = [
      request(s.app).get("/api/v1/tilbud").set(laeser),
      request(s.app).get("/api/v1/tilbud/T1").set(laeser),
      request(s.app).put("/api/v1/tilbud/T1").set(laeser).send(tilbud("T1")),
      request(s.app).post("/api/v1/tilbud/import").set(laeser).type("text/csv").send("tilbud.id\n1"),
      request(s.app).get("/api/v1/tilbud/T1/historik").set(laeser),
      request(s.app).post("/api/v1/tilbud/T1/afgoerelser").set(laeser).send({}),
      request(s.app).get("/api/v1/revurderinger").set(laeser),
    ];
    for (const k of kald) expect((await k).status).toBe(403);
    expect((await request(s.app).get("/api/v1/tilbud")).status).toBe(401);
  });
});

describe("OpenAPI for tilbud og afgørelser", () => {
  it("dokumenterer hver rute med operationId, rolle og organisationsregel", async () => {
    const { openapi } = await import("../../api/openapi.js");
    const doc = openapi() as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const forventet: [string, string, string, string][] = [
      ["/tilbud", "get", "listTilbud", "tilsyn"],
      ["/tilbud/import", "post", "importerTilbud", "tilsyn"],
      ["/tilbud/{id}", "get", "hentTilbud", "tilsyn"],
      ["/tilbud/{id}", "put", "gemTilbud", "tilsyn"],
      ["/tilbud/{id}/afgoerelser", "post", "opretAfgoerelse", "tilsyn"],
      ["/tilbud/{id}/historik", "get", "tilbudHistorik", "tilsyn"],
      ["/revurderinger", "get", "listRevurderinger", "tilsyn"],
      ["/afgoerelser/{id}", "get", "hentAfgoerelse", "tilsyn"],
      ["/afgoerelser/{id}/status", "post", "skiftStatus", "tilsyn"],
      ["/regelsaet/{maalgruppe}/kladde/konsekvens", "get", "konsekvensanalyse", "forfatter"],
      ["/regelsaet/{maalgruppe}/konsekvens", "get", "hentKonsekvens", "forfatter"],
      ["/konsistens", "get", "konsistens", "forfatter"],
    ];
    for (const [sti, metode, id, rolle] of forventet) {
      const o = doc.paths[sti]?.[metode];
      expect(o, `${metode} ${sti}`).toMatchObject({ operationId: id, "x-rolle": rolle });
      expect(String(o?.description)).toContain("**Organisation:**");
    }
  });
});
