// Saved scenarios per målgruppe: create, list, read, replace, delete; readers read, authors write;
// JSON and CSV export (cells neutralised against formulas); refused bodies change nothing.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth, backends, startTestServer, type TestServer, unikMaalgruppe } from "./hjaelpere.js";

describe.each(backends())("gemte scenarier ($navn)", (backend) => {
  let s: TestServer;
  let m: string;
  const sti = () => `/api/v1/regelsaet/${m}/scenarier`;
  beforeAll(async () => {
    s = await startTestServer(backend);
    m = unikMaalgruppe();
  });
  afterAll(() => s.ryd());

  const otte = {
    navn: "Aktiv praksis 8",
    beskrivelse: "Sænk højt til 8 borgere",
    aendringer: { taerskler: { "aktivPraksis.hoej.minBorgere": 8 }, vaegte: { hjaelpemidler: 0.5 } },
  };
  const antal = async () => (await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM scenarier")).rows[0]?.n;

  it("gemmer et scenarie med forfatter og tid, og læseren kan hente det", async () => {
    const svar = await request(s.app).post(sti()).set(auth(s.noegler.forfatter)).send(otte);
    expect(svar.status).toBe(201);
    expect(svar.body).toMatchObject({ ...otte, maalgruppe: m, forfatter: "test-forfatter" });
    expect(Date.parse(svar.body.oprettet)).toBeGreaterThan(Date.now() - 60_000);
    expect(svar.headers.location).toBe(`${sti()}/${svar.body.id}`);
    const liste = await request(s.app).get(sti()).set(auth(s.noegler.laeser));
    expect(liste.status).toBe(200);
    expect(liste.body.scenarier).toEqual([svar.body]);
    const en = await request(s.app).get(`${sti()}/${svar.body.id}`).set(auth(s.noegler.laeser));
    expect(en.body).toEqual(svar.body);
    const audit = await s.db.query<{ handling: string; noegle: string }>(
      "SELECT handling, noegle FROM audit_log WHERE maalgruppe = $1",
      [m],
    );
    expect(audit.rows).toEqual([{ handling: "scenarie.gemt", noegle: "test-forfatter" }]);
  });

  it("afviser et navn, der allerede findes i målgruppen (409), men ikke i en anden målgruppe", async () => {
    const igen = await request(s.app).post(sti()).set(auth(s.noegler.forfatter)).send(otte);
    expect(igen.status).toBe(409);
    expect(igen.body.kode).toBe("NAVN_FINDES");
    const andet = await request(s.app)
      .post(`/api/v1/regelsaet/${unikMaalgruppe()}/scenarier`)
      .set(auth(s.noegler.admin))
      .send(otte);
    expect(andet.status).toBe(201);
  });

  it("kræver forfatter for at skrive og læser for at læse", async () => {
    const foer = await antal();
    for (const rolle of ["laeser", "tilsyn"] as const) {
      const svar = await request(s.app)
        .post(sti())
        .set(auth(s.noegler[rolle]))
        .send({ navn: `x-${rolle}` });
      expect(svar.status).toBe(403);
    }
    expect((await request(s.app).get(sti())).status).toBe(401);
    expect((await request(s.app).delete(`${sti()}/1`).set(auth(s.noegler.tilsyn))).status).toBe(403);
    expect(await antal()).toBe(foer);
  });

  it("afviser ugyldige kroppe med stien i kroppens egne ord og ændrer intet", async () => {
    const foer = await antal();
    const tilfaelde: [unknown, string][] = [
      [{ navn: "" }, "navn"],
      [{ navn: "a", aendringer: { taerskler: { "aktivPraksis.hoej.minBorgere": "otte" } } }, "aendringer.taerskler"],
      [{ navn: "a", aendringer: { vaegte: { metoder: -1 } } }, "aendringer.vaegte.metoder"],
      [{ navn: "a", aendringer: { aktive: { metoder: "ja" } } }, "aendringer.aktive.metoder"],
      [{ navn: "a", aendringer: { formler: {} } }, "aendringer.formler"],
      [{ navn: "a", ekstra: 1 }, "ekstra"],
    ];
    for (const [krop, felt] of tilfaelde) {
      const svar = await request(s.app)
        .post(sti())
        .set(auth(s.noegler.forfatter))
        .send(krop as object);
      expect(svar.status, JSON.stringify(krop)).toBe(422);
      expect(JSON.stringify(svar.body.detaljer ?? svar.body), JSON.stringify(krop)).toContain(felt);
      expect(JSON.stringify(svar.body.detaljer ?? [])).not.toContain("scenarier[0]");
    }
    expect((await request(s.app).get(`${sti()}/abc`).set(auth(s.noegler.laeser))).status).toBe(404);
    expect((await request(s.app).get(`${sti()}/999999`).set(auth(s.noegler.laeser))).status).toBe(404);
    expect(await antal()).toBe(foer);
  });

  it("erstatter og sletter et scenarie", async () => {
    const ny = await request(s.app)
      .post(sti())
      .set(auth(s.noegler.forfatter))
      .send({ navn: "Midlertidig", aendringer: {} });
    const id = ny.body.id;
    const put = await request(s.app)
      .put(`${sti()}/${id}`)
      .set(auth(s.noegler.admin))
      .send({ navn: "Omdøbt", aendringer: { aktive: { hjaelpemidler: false } } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, navn: "Omdøbt", forfatter: "test-admin", oprettet: ny.body.oprettet });
    expect((await request(s.app).delete(`${sti()}/${id}`).set(auth(s.noegler.forfatter))).status).toBe(204);
    expect((await request(s.app).delete(`${sti()}/${id}`).set(auth(s.noegler.forfatter))).status).toBe(404);
  });

  it("eksporterer som CSV, én linje pr. ændring, med formler neutraliseret", async () => {
    await request(s.app)
      .post(sti())
      .set(auth(s.noegler.forfatter))
      .send({ navn: '=HYPERLINK("x")', beskrivelse: "@farlig; med semikolon", aendringer: {} });
    const csv = await request(s.app).get(`${sti()}?format=csv`).set(auth(s.noegler.laeser));
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toContain(`scenarier-${m}.csv`);
    const linjer = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(linjer[0]).toBe("scenarie;beskrivelse;forfatter;gemt;aendring;navn;vaerdi");
    expect(linjer.filter((l) => l.startsWith("Aktiv praksis 8;"))).toEqual([
      expect.stringMatching(/;taerskler;aktivPraksis\.hoej\.minBorgere;8$/),
      expect.stringMatching(/;vaegte;hjaelpemidler;0\.5$/),
    ]);
    const farlig = linjer.find((l) => l.includes("HYPERLINK")) ?? "";
    expect(farlig.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(farlig).toContain(`"'@farlig; med semikolon"`);
    expect((await request(s.app).get(`${sti()}?format=xml`).set(auth(s.noegler.laeser))).status).toBe(400);
  });

  it("er beskrevet i OpenAPI med operationId og rolle", async () => {
    const doc = await request(s.app).get("/api/v1/docs/openapi.json");
    const liste = doc.body.paths["/regelsaet/{maalgruppe}/scenarier"];
    const en = doc.body.paths["/regelsaet/{maalgruppe}/scenarier/{id}"];
    expect([liste.get, liste.post, en.get, en.put, en.delete].map((o) => [o.operationId, o["x-rolle"]])).toEqual([
      ["listGemteScenarier", "laeser"],
      ["gemScenarie", "forfatter"],
      ["hentGemtScenarie", "laeser"],
      ["erstatGemtScenarie", "forfatter"],
      ["sletGemtScenarie", "forfatter"],
    ]);
  });
});
