// Konsekvensanalyse of a draft over the decisions in force, the summary recorded at publishing,
// and consistency of tilsynsvurderinger per socialtilsyn (issue 13), with role and organisation rules.
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

describe.each(backends())("konsekvensanalyse og konsistens ($navn)", (backend) => {
  let s: TestServer;
  let m: string;
  let styrelsen: Record<string, string>;
  let sydForfatter: Record<string, string>;
  beforeAll(async () => {
    s = await startTestServer(backend);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
    const nord = auth(await opretNoegle(s.db, "nord", "tilsyn", "test", "socialtilsyn-nord"));
    const syd = auth(await opretNoegle(s.db, "syd", "tilsyn", "test", "socialtilsyn-syd"));
    styrelsen = auth(await opretNoegle(s.db, "styrelsen", "forfatter", "test", "socialstyrelsen"));
    sydForfatter = auth(await opretNoegle(s.db, "syd-forfatter", "forfatter", "test", "socialtilsyn-syd"));
    const tilbud = (socialtilsyn: string, afdelinger: string[]) => ({
      navn: "Tilbud",
      type: "botilbud",
      socialtilsyn,
      maalgrupper: [m],
      afdelinger: afdelinger.map((id) => ({ id, navn: `Afdeling ${id}`, maalgruppe: m })),
    });
    await request(s.app)
      .put("/api/v1/tilbud/T1")
      .set(nord)
      .send(tilbud("socialtilsyn-nord", ["A", "B"]))
      .expect(201);
    await request(s.app).put("/api/v1/tilbud/T2").set(syd).send(tilbud("socialtilsyn-syd", [])).expect(201);
    const afgoer = (n: Record<string, string>, id: string, krop: Record<string, unknown>) =>
      request(s.app).post(`/api/v1/tilbud/${id}/afgoerelser`).set(n).send(krop).expect(201);
    await afgoer(nord, "T1", { afdeling: "A", vurderingsgrundlag: hoejLeverandoer(m, "T1") });
    // The tilsyn raises fagmiljoe above the rule's moderat.
    await afgoer(nord, "T1", {
      afdeling: "B",
      vurderingsgrundlag: { ...moderatLeverandoer(m, "T1"), tilsynsvurdering: { fagmiljoe: "hoej" } },
    });
    // …and another lowers aktivPraksis below the rule's højt (7 højt + 1 moderat is still højt).
    await afgoer(syd, "T2", {
      vurderingsgrundlag: { ...hoejLeverandoer(m, "T2"), tilsynsvurdering: { aktivPraksis: "moderat" } },
    });
    // A decision that is only a draft is not in force and is not counted.
    await afgoer(nord, "T1", { afdeling: "A", status: "kladde", vurderingsgrundlag: moderatLeverandoer(m, "T1") });
  });
  afterAll(() => s.ryd());

  // Every højt threshold from 10 to 13 citizens: the two højt decisions (12 citizens) move to moderat.
  const skaerpet = () =>
    testRegelsaet(m, (r) => {
      for (const [navn, t] of Object.entries(r.taerskler)) if (navn.endsWith(".hoej.minBorgere")) t.vaerdi = 13;
      r.testtilfaelde = [];
    });

  it("viser hvem kladden flytter og hvorfor, og gemmer resuméet med versionen ved publicering", async () => {
    await request(s.app).put(`/api/v1/regelsaet/${m}/kladde`).set(styrelsen).send(skaerpet()).expect(201);
    const k = await request(s.app).get(`/api/v1/regelsaet/${m}/kladde/konsekvens`).set(styrelsen);
    expect(k.status).toBe(200);
    expect(k.body.regelsaet.fra.version).toBe(1);
    expect(k.body.scenarier.map((x: { navn: string }) => x.navn)).toEqual(["Version 1", "Kladde"]);
    expect(k.body.scenarier[0].fordeling).toEqual({ "ikke-indplaceret": 0, let: 0, moderat: 1, hoej: 2 });
    expect(k.body.scenarier[1].fordeling).toEqual({ "ikke-indplaceret": 0, let: 0, moderat: 3, hoej: 0 });
    expect(k.body.overgange[0].matrix.hoej.moderat).toBe(2);
    expect(k.body.flyttede.map((f: { leverandoer: { id: string } }) => f.leverandoer.id).sort()).toEqual(["T1", "T2"]);
    expect(k.body.flyttede[0].aarsager[0]).toMatchObject({ scenarie: "Kladde", fra: "hoej", til: "moderat" });
    expect(k.body.resume).toMatchObject({ afgoerelser: 3, udeladte: 0, flyttede: 2, op: 0, ned: 2 });
    expect(k.body.resume.parametre.uddannelse).toEqual({ op: 0, ned: 2 });
    // One socialtilsyn's author sees only its own tilbud.
    const syd = await request(s.app).get(`/api/v1/regelsaet/${m}/kladde/konsekvens`).set(sydForfatter);
    expect(syd.body.resume.afgoerelser).toBe(1);

    const etag = (await request(s.app).get(`/api/v1/regelsaet/${m}/kladde`).set(styrelsen)).headers.etag;
    const p = await request(s.app)
      .post(`/api/v1/regelsaet/${m}/publicer`)
      .set(styrelsen)
      .set("If-Match", String(etag))
      .send({ note: "Skærpet højt" });
    expect(p.status).toBe(201);
    expect(p.body.konsekvens).toEqual(k.body.resume);
    const gemt = await request(s.app).get(`/api/v1/regelsaet/${m}/konsekvens?version=2`).set(styrelsen);
    expect(gemt.body).toEqual({ maalgruppe: m, version: 2, resume: k.body.resume });
    // Version 1 was published before any tilbud had a decision.
    const v1 = await request(s.app).get(`/api/v1/regelsaet/${m}/konsekvens?version=1`).set(styrelsen);
    expect(v1.body.resume).toMatchObject({ afgoerelser: 0, fra: null, flyttede: 0 });
    expect((await request(s.app).get(`/api/v1/regelsaet/${m}/konsekvens?version=9`).set(styrelsen)).status).toBe(404);
    const efter = await request(s.app).get(`/api/v1/regelsaet/${m}/kladde/konsekvens`).set(styrelsen);
    expect(efter.status).toBe(404);
  });

  it("konsistens: hvor ofte hvert socialtilsyn afviger fra regelniveauet pr. parameter og i hvilken retning", async () => {
    const k = await request(s.app).get(`/api/v1/konsistens?maalgruppe=${m}`).set(styrelsen);
    expect(k.status).toBe(200);
    expect(k.body.socialtilsyn).toHaveLength(5);
    const raekke = (navn: string) => k.body.socialtilsyn.find((r: { socialtilsyn: string }) => r.socialtilsyn === navn);
    expect(raekke("socialtilsyn-nord")).toMatchObject({ afgoerelser: 2, vurderet: 1, afvigelser: 1 });
    expect(raekke("socialtilsyn-nord").parametre.fagmiljoe).toEqual({ vurderet: 1, enig: 0, op: 1, ned: 0 });
    expect(raekke("socialtilsyn-syd").parametre.aktivPraksis).toEqual({ vurderet: 1, enig: 0, op: 0, ned: 1 });
    expect(raekke("socialtilsyn-midt")).toMatchObject({ afgoerelser: 0, vurderet: 0 });
    const egen = await request(s.app).get(`/api/v1/konsistens?maalgruppe=${m}`).set(sydForfatter);
    expect(egen.body.socialtilsyn.map((r: { socialtilsyn: string }) => r.socialtilsyn)).toEqual(["socialtilsyn-syd"]);
    expect((await request(s.app).get("/api/v1/konsistens").set(styrelsen)).body.detaljer[0].path).toBe("maalgruppe");
  });

  it("kræver forfatter eller admin", async () => {
    for (const sti of [
      `/regelsaet/${m}/kladde/konsekvens`,
      `/regelsaet/${m}/konsekvens?version=2`,
      `/konsistens?maalgruppe=${m}`,
    ]) {
      expect((await request(s.app).get(`/api/v1${sti}`).set(auth(s.noegler.tilsyn))).status).toBe(403);
      expect((await request(s.app).get(`/api/v1${sti}`)).status).toBe(401);
    }
  });
});
