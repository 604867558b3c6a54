// GET /api/v1/audit: admin only, newest first, filtered by time, key, målgruppe and kind, paged
// with a cursor; bad parameters are 400 naming the parameter.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auth,
  backends,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
  unikMaalgruppe,
} from "./hjaelpere.js";

describe.each(backends())("auditloggen ($navn)", (backend) => {
  let s: TestServer;
  let m: string;
  beforeAll(async () => {
    s = await startTestServer(backend);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
    await publicer(
      s,
      testRegelsaet(m, (r) => (r.titel = "Anden")),
    );
  });
  afterAll(() => s.ryd());

  const hent = (q: string, noegle = s.noegler.admin) => request(s.app).get(`/api/v1/audit${q}`).set(auth(noegle));

  it("kræver admin", async () => {
    expect((await request(s.app).get("/api/v1/audit")).status).toBe(401);
    expect((await hent("", s.noegler.forfatter)).status).toBe(403);
    expect((await hent("")).status).toBe(200);
  });

  it("filtrerer på målgruppe, handling og nøgle, nyeste først", async () => {
    const svar = await hent(`?maalgruppe=${m}&handling=regelsaet.publiceret&noegle=test-forfatter`);
    expect(svar.status).toBe(200);
    expect(svar.body.poster.map((p: { version: number }) => p.version)).toEqual([2, 1]);
    expect(svar.body.poster[0]).toMatchObject({
      noegle: "test-forfatter",
      maalgruppe: m,
      handling: "regelsaet.publiceret",
    });
    expect(svar.body.naeste).toBeNull();
    expect((await hent(`?maalgruppe=${m}&noegle=test-admin`)).body.poster).toEqual([]);
  });

  it("filtrerer på tid og bladrer med en markør", async () => {
    const alle = (await hent(`?maalgruppe=${m}`)).body.poster as { id: number; tidspunkt: string }[];
    expect(alle.length).toBe(4); // two drafts saved, two published
    const side1 = await hent(`?maalgruppe=${m}&graense=3`);
    expect(side1.body.poster).toHaveLength(3);
    expect(side1.body.naeste).toBe(alle[2]?.id);
    const side2 = await hent(`?maalgruppe=${m}&graense=3&foer=${side1.body.naeste}`);
    expect(side2.body.poster.map((p: { id: number }) => p.id)).toEqual([alle[3]?.id]);
    expect(side2.body.naeste).toBeNull();
    const senere = new Date(Date.parse(alle[0]?.tidspunkt ?? "") + 1).toISOString();
    expect((await hent(`?maalgruppe=${m}&fra=${senere}`)).body.poster).toEqual([]);
    expect((await hent(`?maalgruppe=${m}&til=${senere}`)).body.poster).toHaveLength(4);
  });

  it("afviser ugyldige parametre med 400 og navnet", async () => {
    for (const [q, sti] of [
      ["?fra=i-gaar", "fra"],
      ["?graense=0", "graense"],
      ["?graense=5000", "graense"],
      ["?handling=slettet.alt", "handling"],
      ["?maalgruppe=Ikke%20gyldig", "maalgruppe"],
      ["?side=2", "side"],
      ["?foer=-1", "foer"],
    ] as const) {
      const svar = await hent(q);
      expect(svar.status, q).toBe(400);
      expect(svar.body.detaljer[0].path).toBe(sti);
    }
  });
});
