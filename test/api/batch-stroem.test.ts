// A batch larger than the whole-answer limit streams: results in input order, per-item errors at
// their index, `antal` after `resultater`, every decision stored (JSON and CSV).
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMLET } from "../../api/batch-stroem.js";
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

const N = 2000;

describe.each(backends())("streamet batch ($navn)", (backend) => {
  let s: TestServer;
  let t: Record<string, string>;
  let m: string;
  beforeAll(async () => {
    s = await startTestServer(backend, { maxBatchStream: 2500 });
    t = auth(s.noegler.tilsyn);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
  });
  afterAll(() => s.ryd());

  const ugyldig = (i: number) => i % 97 === 5;

  it("streamer en JSON-batch i rækkefølge med fejl på de ugyldiges pladser", async () => {
    expect(N).toBeGreaterThan(SAMLET);
    const liste = Array.from({ length: N }, (_, i) =>
      ugyldig(i)
        ? { ...moderatLeverandoer(m, `J${i}`), borgere: { let: "x" } }
        : i % 2
          ? hoejLeverandoer(m, `J${i}`)
          : moderatLeverandoer(m, `J${i}`),
    );
    const svar = await request(s.app)
      .post("/api/v1/indplacering/batch")
      .set(t)
      .send({ version: 1, vurderingsgrundlag: liste });
    expect(svar.status).toBe(200);
    expect(Object.keys(svar.body)).toEqual(["resultater", "antal"]);
    const fejl = liste.filter((_, i) => ugyldig(i)).length;
    expect(svar.body.antal).toEqual({ ialt: N, indplaceret: N - fejl, fejl });
    const r = svar.body.resultater;
    expect(r).toHaveLength(N);
    for (let i = 0; i < N; i++) {
      if (ugyldig(i)) {
        expect(r[i]).toMatchObject({ index: i, kode: "UGYLDIGT_VURDERINGSGRUNDLAG" });
        expect(r[i].detaljer[0].path).toBe(`vurderingsgrundlag[${i}].borgere.let`);
      } else {
        expect(r[i]).toMatchObject({ leverandoer: { id: `J${i}` }, niveau: i % 2 ? "hoej" : "moderat" });
      }
    }
    const gemt = await request(s.app)
      .get(`/api/v1/indplacering/${r[N - 1].id}?genberegn=true`)
      .set(t);
    expect(gemt.body).toMatchObject({ identisk: true, vurderingsgrundlag: { leverandoer: { id: `J${N - 1}` } } });
  });

  it("streamer en CSV-batch i rækkefølge med fejl på de ugyldiges pladser", async () => {
    const linjer = ["leverandoer.id;maalgruppe;godkendt;borgere.let;borgere.moderat;borgere.hoej"];
    for (let i = 0; i < N; i++) linjer.push(`C${i};${m};ja;0;${ugyldig(i) ? "x" : i % 2 ? 0 : 6};${i % 2 ? 12 : 0}`);
    const svar = await request(s.app)
      .post("/api/v1/indplacering/batch")
      .set(t)
      .set("Content-Type", "text/csv")
      .send(`${linjer.join("\r\n")}\r\n`);
    expect(svar.status).toBe(200);
    const r = svar.body.resultater;
    expect(r).toHaveLength(N);
    for (let i = 0; i < N; i++) {
      if (ugyldig(i)) expect(r[i].detaljer[0].path).toBe(`vurderingsgrundlag[${i}].borgere.moderat`);
      else expect(r[i]).toMatchObject({ leverandoer: { id: `C${i}` }, niveau: i % 2 ? "hoej" : "moderat" });
    }
    expect(svar.body.antal.ialt).toBe(N);
  });

  it("afbryder en streamet batch med for mange leverandører og siger hvorfor", async () => {
    const liste = Array.from({ length: 2600 }, (_, i) => hoejLeverandoer(m, `F${i}`));
    const svar = await request(s.app).post("/api/v1/indplacering/batch").set(t).send({ vurderingsgrundlag: liste });
    expect(svar.status).toBe(200);
    expect(svar.body.afbrudt).toMatchObject({ kode: "FOR_MANGE" });
    expect(svar.body.resultater).toHaveLength(2500);
    const sent = await request(s.app)
      .post("/api/v1/indplacering/batch")
      .set(t)
      .send({ vurderingsgrundlag: liste.slice(0, 1500), version: 1 });
    expect(sent.body.afbrudt).toMatchObject({ kode: "UGYLDIGT_INDHOLD" });
  });
});
