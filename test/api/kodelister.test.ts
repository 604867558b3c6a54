// Kodelister over the API (issue 11, item 3): words are normalised to codes where input enters —
// one indplacering, a JSON or CSV batch, the scenario comparison — the normalised input is what is
// stored, and an unknown word is a 422 (or a row error) naming the field with "Mente du …?".
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Regelsaet } from "../../engine/index.js";
import {
  auth,
  backends,
  hoejLeverandoer,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
  unikMaalgruppe,
} from "./hjaelpere.js";

function medKodelister(r: Regelsaet): void {
  r.kodelister = {
    uddannelser: [{ kode: "paedagog", navn: "Pædagog", synonymer: ["pædagoguddannelse"] }],
    metoder: [{ kode: "teacch", navn: "TEACCH" }],
  };
}

describe.each(backends())("kodelister over the API ($navn)", (backend) => {
  let s: TestServer;
  let t: Record<string, string>;
  let m: string;
  beforeAll(async () => {
    s = await startTestServer(backend, { bodyLimit: "1mb", maxBatch: 50, maxBatchStream: 50 });
    t = auth(s.noegler.tilsyn);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m, medKodelister));
  });
  afterAll(() => s.ryd());

  it("stores the normalised input of one indplacering", async () => {
    const input = {
      ...hoejLeverandoer(m),
      medarbejdere: [{ uddannelser: ["PÆDAGOGUDDANNELSE"] }, { uddannelser: ["Ingen uddannelse"] }],
    };
    const svar = await request(s.app).post("/api/v1/indplacering").set(t).send({ vurderingsgrundlag: input });
    expect(svar.status).toBe(201);
    const gemt = await request(s.app).get(`/api/v1/indplacering/${svar.body.id}`).set(t);
    expect(gemt.body.vurderingsgrundlag.medarbejdere).toEqual([{ uddannelser: ["paedagog"] }, { uddannelser: [] }]);
  });

  it("answers 422 naming the field and a suggestion for an unknown word, and stores nothing", async () => {
    const input = { ...hoejLeverandoer(m, "L-ukendt"), medarbejdere: [{ uddannelser: ["paedagok"] }] };
    const svar = await request(s.app).post("/api/v1/indplacering").set(t).send({ vurderingsgrundlag: input });
    expect(svar.status).toBe(422);
    expect(svar.body.kode).toBe("UKENDT_KODE");
    expect(svar.body.detaljer).toEqual([
      expect.objectContaining({
        path: "vurderingsgrundlag.medarbejdere[0].uddannelser[0]",
        message: expect.stringContaining("Mente du 'paedagog' (Pædagog)?"),
      }),
    ]);
  });

  it("a JSON batch and a CSV batch give row errors for unknown words and store the rest as codes", async () => {
    const god = { ...hoejLeverandoer(m, "B1"), metoder: { maalgruppespecifikke: ["teacch"] } };
    const ond = { ...hoejLeverandoer(m, "B2"), metoder: { maalgruppespecifikke: ["TEACH"] } };
    const json = await request(s.app)
      .post("/api/v1/indplacering/batch")
      .set(t)
      .send({ vurderingsgrundlag: [god, ond] });
    expect(json.status).toBe(200);
    const [a, b] = json.body.resultater;
    expect(a.niveau).toBe("hoej");
    expect(b).toMatchObject({ index: 1, kode: "UKENDT_KODE" });
    expect(b.detaljer[0].path).toBe("vurderingsgrundlag[1].metoder.maalgruppespecifikke[0]");

    const csv = [
      "leverandoer.id,maalgruppe,godkendt,borgere.let,borgere.moderat,borgere.hoej,metoder.maalgruppespecifikke",
      `C1,${m},ja,0,0,12,TEACCH`,
      `C2,${m},ja,0,0,12,TEACCH|astrologi`,
    ].join("\n");
    const svar = await request(s.app)
      .post("/api/v1/indplacering/batch")
      .set(t)
      .set("Content-Type", "text/csv")
      .send(csv);
    const [c1, c2] = svar.body.resultater;
    const gemt = await request(s.app).get(`/api/v1/indplacering/${c1.id}`).set(t);
    expect(gemt.body.vurderingsgrundlag.metoder.maalgruppespecifikke).toEqual(["teacch"]);
    expect(c2).toMatchObject({ index: 1, kode: "UKENDT_KODE" });
    expect(c2.detaljer[0].path).toBe("vurderingsgrundlag[1].metoder.maalgruppespecifikke[1]");
  });

  it("the scenario comparison normalises its providers and rejects unknown words", async () => {
    const f = auth(s.noegler.forfatter);
    const l = { ...hoejLeverandoer(m, "S1"), medarbejdere: [{ uddannelser: ["Pædagog"] }] };
    const ok = await request(s.app)
      .post("/api/v1/scenarier/sammenlign")
      .set(f)
      .send({ maalgruppe: m, scenarier: [{ navn: "basis" }], vurderingsgrundlag: [l] });
    expect(ok.status).toBe(200);
    const ukendt = { ...l, medarbejdere: [{ uddannelser: ["pedagogue"] }] };
    const nej = await request(s.app)
      .post("/api/v1/scenarier/sammenlign")
      .set(f)
      .send({ maalgruppe: m, scenarier: [{ navn: "basis" }], vurderingsgrundlag: [ukendt] });
    expect(nej.status).toBe(422);
    expect(nej.body.detaljer[0].path).toBe("vurderingsgrundlag[0].medarbejdere[0].uddannelser[0]");
  });
});
