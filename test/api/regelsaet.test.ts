// Reading published regelsæt: latest and older versions with their hash as ETag, the version
// list, and the difference between two versions.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashRegelsaet } from "../../engine/index.js";
import {
  auth,
  backends,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
  unikMaalgruppe,
} from "./hjaelpere.js";

describe.each(backends())("publicerede regelsæt ($navn)", (backend) => {
  let s: TestServer;
  let l: Record<string, string>;
  let m: string;
  const v1 = () => testRegelsaet(m);
  const v2 = () =>
    testRegelsaet(m, (r) => {
      r.titel = "Version 2";
      r.taerskler["uddannelse.hoej.minBorgere"] = { ...r.taerskler["uddannelse.hoej.minBorgere"], vaerdi: 20 } as never;
      const p = r.parametre.find((x) => x.id === "hjaelpemidler");
      if (p) {
        p.vaegt = 0.5;
        p.aktiv = false;
      }
    });
  beforeAll(async () => {
    s = await startTestServer(backend);
    l = auth(s.noegler.laeser);
    m = unikMaalgruppe();
    await publicer(s, v1(), "Første");
    await publicer(s, v2(), "Anden");
  });
  afterAll(() => s.ryd());

  it("henter seneste version med hash som ETag, og en ældre med ?version", async () => {
    const seneste = await request(s.app).get(`/api/v1/regelsaet/${m}`).set(l);
    expect(seneste.status).toBe(200);
    expect(seneste.body).toEqual(v2());
    expect(seneste.headers.etag).toBe(`"${hashRegelsaet(v2())}"`);
    expect(seneste.headers["regelsaet-version"]).toBe("2");
    const aeldre = await request(s.app).get(`/api/v1/regelsaet/${m}?version=1`).set(l);
    expect(aeldre.body).toEqual(v1());
    expect(aeldre.headers["regelsaet-hash"]).toBe(hashRegelsaet(v1()));
    const uaendret = await request(s.app)
      .get(`/api/v1/regelsaet/${m}`)
      .set(l)
      .set("If-None-Match", String(seneste.headers.etag));
    expect(uaendret.status).toBe(304);
  });

  it("svarer 404 på ukendte målgrupper og versioner og 400 på et ugyldigt versionsnummer", async () => {
    const agent = request(s.app);
    expect((await agent.get("/api/v1/regelsaet/findes-ikke").set(l)).status).toBe(404);
    expect((await agent.get(`/api/v1/regelsaet/${m}?version=3`).set(l)).status).toBe(404);
    expect((await agent.get("/api/v1/regelsaet/UGYLDIG_ID").set(l)).status).toBe(404);
    expect((await agent.get("/api/v1/regelsaet/findes-ikke/versioner").set(l)).status).toBe(404);
    for (const v of ["0", "-1", "abc", "1.5", "99999999999"]) {
      const svar = await agent.get(`/api/v1/regelsaet/${m}?version=${v}`).set(l);
      expect(svar.status, v).toBe(400);
      expect(svar.body.detaljer[0].path).toBe("version");
    }
    expect((await agent.get(`/api/v1/regelsaet/${m}?version=1&version=2`).set(l)).status).toBe(400);
  });

  it("lister versionerne med hash, forfatter, tid og note", async () => {
    const svar = await request(s.app).get(`/api/v1/regelsaet/${m}/versioner`).set(l);
    expect(svar.body).toEqual({
      maalgruppe: m,
      versioner: [
        {
          maalgruppe: m,
          version: 1,
          hash: hashRegelsaet(v1()),
          forfatter: "test-forfatter",
          oprettet: expect.any(String),
          note: "Første",
        },
        {
          maalgruppe: m,
          version: 2,
          hash: hashRegelsaet(v2()),
          forfatter: "test-forfatter",
          oprettet: expect.any(String),
          note: "Anden",
        },
      ],
    });
    const maalgrupper = await request(s.app).get("/api/v1/maalgrupper").set(l);
    expect(maalgrupper.body.maalgrupper).toContainEqual({
      maalgruppe: m,
      titel: "Version 2",
      version: 2,
      hash: hashRegelsaet(v2()),
      publiceret: expect.any(String),
      kladde: false,
    });
  });

  it("viser forskellen mellem to versioner", async () => {
    const svar = await request(s.app).get(`/api/v1/regelsaet/${m}/diff?fra=1&til=2`).set(l);
    expect(svar.status).toBe(200);
    expect(svar.body).toMatchObject({
      maalgruppe: m,
      fra: { version: 1, hash: hashRegelsaet(v1()) },
      til: { version: 2, hash: hashRegelsaet(v2()) },
      identisk: false,
      generelt: [{ felt: "titel", fra: `Test ${m}`, til: "Version 2" }],
      taerskler: {
        aendret: [{ navn: "uddannelse.hoej.minBorgere", aendringer: [{ felt: "vaerdi", fra: 10, til: 20 }] }],
      },
      parametre: { deaktiveret: ["hjaelpemidler"], vaegte: [{ id: "hjaelpemidler", fra: 1, til: 0.5 }] },
    });
    const samme = await request(s.app).get(`/api/v1/regelsaet/${m}/diff?fra=2&til=2`).set(l);
    expect(samme.body).toMatchObject({ identisk: true, antal: 0 });
    expect((await request(s.app).get(`/api/v1/regelsaet/${m}/diff?fra=1`).set(l)).status).toBe(400);
    expect((await request(s.app).get(`/api/v1/regelsaet/${m}/diff?fra=1&til=x`).set(l)).status).toBe(400);
    expect((await request(s.app).get(`/api/v1/regelsaet/${m}/diff?fra=1&til=9`).set(l)).status).toBe(404);
  });
});
