// Threshold limits over the API: a draft with a value beyond a threshold's `max` (or a fraction
// of a count, or a share above 100 %) is refused with the reason and the path, and stores nothing.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Regelsaet } from "../../engine/index.js";
import { pilotRegelsaet } from "../fixtures/pilot.js";
import { auth, backends, startTestServer, type TestServer, unikMaalgruppe } from "./hjaelpere.js";

describe.each(backends())("tærskelgrænser ($navn)", (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.ryd());

  const med = (m: string, navn: string, vaerdi: number): Regelsaet => {
    const r = { ...pilotRegelsaet("autisme"), maalgruppe: m, testtilfaelde: [] };
    r.taerskler = structuredClone(r.taerskler);
    (r.taerskler[navn] as { vaerdi: number }).vaerdi = vaerdi;
    return r;
  };

  it.each([
    ["aktivPraksis.hoej.minBorgere", 200, "Højst 60 borgere."],
    ["aktivPraksis.hoej.minBorgere", 8.5, "Skal være et helt antal borgere."],
    ["uddannelse.moderat.minAndel", 1.2, "Højst 100 %."],
    ["indplacering.hoej.minParametre", 0, "Mindst 1 parameter."],
  ])("afviser %s = %s: %s", async (navn, vaerdi, besked) => {
    const m = unikMaalgruppe();
    const svar = await request(s.app)
      .put(`/api/v1/regelsaet/${m}/kladde`)
      .set(auth(s.noegler.forfatter))
      .send(med(m, navn, vaerdi));
    expect(svar.status).toBe(422);
    expect(svar.body.detaljer).toContainEqual(
      expect.objectContaining({ path: `taerskler["${navn}"].vaerdi`, message: besked }),
    );
    expect((await request(s.app).get(`/api/v1/regelsaet/${m}/kladde`).set(auth(s.noegler.forfatter))).status).toBe(404);
  });

  it("tager imod en værdi på grænsen", async () => {
    const m = unikMaalgruppe();
    const svar = await request(s.app)
      .put(`/api/v1/regelsaet/${m}/kladde`)
      .set(auth(s.noegler.forfatter))
      .send(med(m, "aktivPraksis.hoej.minBorgere", 60));
    expect(svar.status).toBe(201);
  });
});
