// Scenario comparison over the API: posted providers or the example data set, the distribution
// per scenario, transitions, the providers that move, and 422 for invalid scenarios.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe.each(backends())("scenarier ($navn)", (backend) => {
  let s: TestServer;
  let f: Record<string, string>;
  let m: string;
  let eksempelMaalgruppe: string;
  beforeAll(async () => {
    const mappe = await mkdtemp(join(tmpdir(), "rulesets-"));
    m = unikMaalgruppe();
    eksempelMaalgruppe = unikMaalgruppe("eks");
    await writeFile(
      join(mappe, "eksempeldata.json"),
      JSON.stringify([
        hoejLeverandoer(eksempelMaalgruppe, "E1"),
        moderatLeverandoer(eksempelMaalgruppe, "E2"),
        hoejLeverandoer(m, "andet"),
      ]),
    );
    s = await startTestServer(backend, { rulesetsDir: mappe });
    f = auth(s.noegler.forfatter);
    await publicer(s, testRegelsaet(m));
    await publicer(s, testRegelsaet(eksempelMaalgruppe));
  });
  afterAll(() => s.ryd());

  // Two parameters out of højt: 6 højt + 2 moderat is no longer højt (at most one at moderat).
  const skaerpet = {
    navn: "Skærpet",
    aendringer: { taerskler: { "aktivPraksis.hoej.minBorgere": 20, "uddannelse.hoej.minBorgere": 20 } },
  };

  it("sammenligner scenarier over de indsendte leverandører", async () => {
    const svar = await request(s.app)
      .post("/api/v1/scenarier/sammenlign")
      .set(f)
      .send({
        maalgruppe: m,
        scenarier: [{ navn: "Pilot" }, skaerpet],
        vurderingsgrundlag: [hoejLeverandoer(m, "A"), moderatLeverandoer(m, "B")],
      });
    expect(svar.status).toBe(200);
    expect(svar.body.regelsaet).toMatchObject({ maalgruppe: m, version: 1, kladde: false });
    expect(svar.body.scenarier.map((x: { navn: string; fordeling: unknown }) => [x.navn, x.fordeling])).toEqual([
      ["Pilot", { "ikke-indplaceret": 0, let: 0, moderat: 1, hoej: 1 }],
      ["Skærpet", { "ikke-indplaceret": 0, let: 0, moderat: 2, hoej: 0 }],
    ]);
    expect(svar.body.overgange[0].matrix.hoej.moderat).toBe(1);
    expect(svar.body.flyttede).toEqual([
      expect.objectContaining({
        leverandoer: expect.objectContaining({ id: "A" }),
        niveauer: { Pilot: "hoej", Skærpet: "moderat" },
      }),
    ]);
  });

  it("bruger eksempeldatasættets leverandører i målgruppen, når ingen sendes", async () => {
    const svar = await request(s.app)
      .post("/api/v1/scenarier/sammenlign")
      .set(f)
      .send({ maalgruppe: eksempelMaalgruppe, scenarier: [{ navn: "Pilot" }, skaerpet] });
    expect(svar.status).toBe(200);
    expect(svar.body.antalLeverandoerer).toBe(2);
  });

  it("kan sammenligne med kladden", async () => {
    await request(s.app)
      .put(`/api/v1/regelsaet/${m}/kladde`)
      .set(f)
      .send(testRegelsaet(m, (r) => (r.titel = "Kladde")));
    const svar = await request(s.app)
      .post("/api/v1/scenarier/sammenlign")
      .set(f)
      .send({ maalgruppe: m, kladde: true, scenarier: [{ navn: "Kladde" }], vurderingsgrundlag: [hoejLeverandoer(m)] });
    expect(svar.status).toBe(200);
    expect(svar.body.regelsaet).toMatchObject({ kladde: true, version: null });
  });

  it("afviser ugyldige scenarier og leverandører med 422 og stier", async () => {
    const kald = (krop: unknown) =>
      request(s.app)
        .post("/api/v1/scenarier/sammenlign")
        .set(f)
        .send(krop as object);
    const base = { maalgruppe: m, vurderingsgrundlag: [hoejLeverandoer(m)] };
    const ukendtTaerskel = await kald({
      ...base,
      scenarier: [{ navn: "X", aendringer: { taerskler: { "findes.ikke": 1 } } }],
    });
    expect(ukendtTaerskel.status).toBe(422);
    expect(ukendtTaerskel.body.detaljer[0].path).toBe('scenarier[0].aendringer.taerskler["findes.ikke"]');
    const dobbelt = await kald({ ...base, scenarier: [{ navn: "X" }, { navn: "X" }] });
    expect(dobbelt.status).toBe(422);
    const formfejl = await kald({
      ...base,
      scenarier: [null, { navn: 3 }, { navn: "Y", aendringer: { taerskler: "x", ukendt: {} } }],
    });
    expect(formfejl.status).toBe(422);
    expect(formfejl.body.detaljer.map((d: { path: string }) => d.path)).toEqual([
      "scenarier[0]",
      "scenarier[1].navn",
      "scenarier[2].aendringer.taerskler",
      "scenarier[2].aendringer.ukendt",
    ]);
    const leverandoer = await kald({ ...base, scenarier: [{ navn: "A" }], vurderingsgrundlag: [{ maalgruppe: m }] });
    expect(leverandoer.status).toBe(422);
    expect(leverandoer.body.detaljer[0].path).toMatch(/^vurderingsgrundlag\[0\]/);
    for (const krop of [
      { scenarier: [{ navn: "A" }] },
      { maalgruppe: m, scenarier: [] },
      { maalgruppe: m, scenarier: [{ navn: "A" }], vurderingsgrundlag: {} },
      { maalgruppe: "findes-ikke", scenarier: [{ navn: "A" }] },
      { maalgruppe: m, scenarier: [{ navn: "A" }], version: 7 },
      { maalgruppe: m, scenarier: [{ navn: "A" }], ekstra: true },
    ]) {
      expect((await kald(krop)).status, JSON.stringify(krop)).toBe(422);
    }
  });

  it("sweeps a threshold and finds borderline providers (foelsomhed)", async () => {
    const svar = await request(s.app)
      .post("/api/v1/scenarier/foelsomhed")
      .set(f)
      .send({
        maalgruppe: m,
        sweep: { taerskel: "aktivPraksis.hoej.minBorgere", fra: 10, til: 30, trin: 10 },
        graensetilfaelde: ["aktivPraksis.hoej.minBorgere"],
        vurderingsgrundlag: [hoejLeverandoer(m, "A"), moderatLeverandoer(m, "B")],
      });
    expect(svar.status).toBe(200);
    expect(svar.body.regelsaet).toMatchObject({ maalgruppe: m, version: 1 });
    expect(svar.body.sweep.punkter.map((p: { vaerdi: number }) => p.vaerdi)).toEqual([10, 20, 30]);
    for (const p of svar.body.sweep.punkter) {
      expect(Object.values(p.fordeling as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(2);
    }
    expect(svar.body.sweep.punkter[0].fordeling).toEqual({ "ikke-indplaceret": 0, let: 0, moderat: 1, hoej: 1 });
    expect(svar.body.graenser.leverandoerer.map((l: { leverandoer: { id: string } }) => l.leverandoer.id)).toEqual([
      "A",
      "B",
    ]);
  });

  it("refuses a sensitivity request without work, with a bad sweep or an unknown threshold", async () => {
    const kald = (krop: object) => request(s.app).post("/api/v1/scenarier/foelsomhed").set(f).send(krop);
    const base = { maalgruppe: m, vurderingsgrundlag: [hoejLeverandoer(m, "A")] };
    expect((await kald(base)).status).toBe(422);
    const trin = await kald({ ...base, sweep: { taerskel: "aktivPraksis.hoej.minBorgere", fra: 0, til: 1, trin: 0 } });
    expect(trin.status).toBe(422);
    expect(trin.body.detaljer[0].path).toBe("sweep.trin");
    const forMange = await kald({
      ...base,
      sweep: { taerskel: "aktivPraksis.hoej.minBorgere", fra: 0, til: 1000, trin: 1 },
    });
    expect(forMange.status).toBe(422);
    const ukendt = await kald({ ...base, sweep: { taerskel: "findes.ikke", vaerdier: [1] } });
    expect(ukendt.status).toBe(422);
    expect(ukendt.body.fejl).toBeTruthy();
  });
});
