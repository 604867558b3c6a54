// The API contract's refusals (issue 15): closed maps with key patterns, non-finite numbers
// refused at parse time, bounded error bodies, the key checked before the body is read, and
// draft titles kept from keys below forfatter.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe.each(backends())("API-kontrakten ($navn)", (backend) => {
  let s: TestServer;
  let m: string;
  beforeAll(async () => {
    s = await startTestServer(backend);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
  });
  afterAll(() => s.ryd());

  const gemKladde = (maalgruppe: string, krop: string | object) =>
    request(s.app)
      .put(`/api/v1/regelsaet/${maalgruppe}/kladde`)
      .set(auth(s.noegler.forfatter))
      .set("Content-Type", "application/json")
      .send(typeof krop === "string" ? krop : JSON.stringify(krop));

  describe("lukkede kort", () => {
    it("afviser en tærskel med et navn uden for mønsteret (før: 500 på null)", async () => {
      const r = testRegelsaet(unikMaalgruppe()) as unknown as { taerskler: Record<string, unknown> };
      r.taerskler.X = null;
      const svar = await gemKladde((r as unknown as { maalgruppe: string }).maalgruppe, r);
      expect(svar.status).toBe(422);
      expect(svar.body.detaljer).toContainEqual(
        expect.objectContaining({ path: "taerskler.X", message: expect.stringContaining("rette form") }),
      );
    });

    it("afviser en tærskel med et tal som værdi under et ugyldigt navn (før: gemt, og scenarier gav 500)", async () => {
      const mg = unikMaalgruppe();
      const r = testRegelsaet(mg) as unknown as { taerskler: Record<string, unknown> };
      r.taerskler.N = 5;
      const svar = await gemKladde(mg, r);
      expect(svar.status).toBe(422);
      expect(svar.body.detaljer.map((d: { path: string }) => d.path)).toContain("taerskler.N");
    });

    it("afviser supplerende med forkerte nøgler og værdier, og tilsynsvurdering uden for listen", async () => {
      const post = (vg: object) =>
        request(s.app)
          .post("/api/v1/indplacering")
          .set(auth(s.noegler.tilsyn))
          .send({ vurderingsgrundlag: { ...hoejLeverandoer(m), ...vg } });
      const noegle = await post({ supplerende: { "Ikke-camel": true } });
      expect(noegle.status).toBe(422);
      expect(noegle.body.detaljer[0].path).toBe('vurderingsgrundlag.supplerende["Ikke-camel"]');
      const objekt = await post({ supplerende: { noget: { dybt: 1 } } });
      expect(objekt.status).toBe(422);
      expect(objekt.body.detaljer[0].path).toBe("vurderingsgrundlag.supplerende.noget");
      const tv = await post({ tilsynsvurdering: { __proto: "hoej", p1: "meget" } });
      expect(tv.status).toBe(422);
      const stier = tv.body.detaljer.map((d: { path: string }) => d.path);
      expect(stier).toContain("vurderingsgrundlag.tilsynsvurdering.__proto");
      expect(stier).toContain("vurderingsgrundlag.tilsynsvurdering.p1");
      const ok = await post({ supplerende: { borgerinddragelse: true, metoder: ["a", 2, false] } });
      expect(ok.status).toBe(201);
    });
  });

  describe("tal uden for JSON", () => {
    it("afviser 1e309 i en tærskel ved indlæsningen med 422 og stien (før: 500 ved hashing)", async () => {
      const mg = unikMaalgruppe();
      const tekst = JSON.stringify(testRegelsaet(mg)).replace(
        /"indplacering\.hoej\.minParametre":\{"vaerdi":\d+/,
        '"indplacering.hoej.minParametre":{"vaerdi":1e309',
      );
      expect(tekst).toContain("1e309");
      const svar = await gemKladde(mg, tekst);
      expect(svar.status).toBe(422);
      expect(svar.body.kode).toBe("IKKE_ENDELIGT_TAL");
      expect(svar.body.detaljer[0]).toMatchObject({
        path: 'taerskler["indplacering.hoej.minParametre"].vaerdi',
        pointer: "/taerskler/indplacering.hoej.minParametre/vaerdi",
      });
    });

    it("afviser 1e309 i supplerende (før: beregnet som Infinity, gemt som null)", async () => {
      const vg = JSON.stringify(hoejLeverandoer(m)).replace(/}$/, ',"supplerende":{"stor":-1e309}}');
      const svar = await request(s.app)
        .post("/api/v1/indplacering")
        .set(auth(s.noegler.tilsyn))
        .set("Content-Type", "application/json")
        .send(`{"vurderingsgrundlag":${vg}}`);
      expect(svar.status).toBe(422);
      expect(svar.body.detaljer[0].path).toBe("vurderingsgrundlag.supplerende.stor");
    });

    it("afviser 1e309 i et batch-element og i en CSV-celle med stien, på elementets plads", async () => {
      const vg = JSON.stringify(hoejLeverandoer(m)).replace(/}$/, ',"supplerende":{"stor":1e309}}');
      const json = await request(s.app)
        .post("/api/v1/indplacering/batch")
        .set(auth(s.noegler.tilsyn))
        .set("Content-Type", "application/json")
        .send(`{"vurderingsgrundlag":[${JSON.stringify(hoejLeverandoer(m))},${vg}]}`);
      expect(json.status).toBe(200);
      expect(json.body.antal).toEqual({ ialt: 2, indplaceret: 1, fejl: 1 });
      expect(json.body.resultater[1]).toMatchObject({ index: 1, kode: "IKKE_ENDELIGT_TAL" });
      expect(json.body.resultater[1].detaljer[0].path).toBe("vurderingsgrundlag[1].supplerende.stor");

      const csv = await request(s.app)
        .post("/api/v1/indplacering/batch")
        .set(auth(s.noegler.tilsyn))
        .set("Content-Type", "text/csv")
        .send(`leverandoer.id;maalgruppe;medarbejdere\nA;${m};"[{""erfaringAar"":1e309}]"\n`);
      expect(csv.status).toBe(200);
      expect(csv.body.resultater[0]).toMatchObject({ index: 0, kode: "IKKE_ENDELIGT_TAL" });
      expect(csv.body.resultater[0].detaljer[0].path).toBe("vurderingsgrundlag[0].medarbejdere[0].erfaringAar");
    });
  });

  describe("begrænsede fejlsvar", () => {
    it("en CSV-overskrift på 1 MB med ukendte kolonner giver højst 100 detaljer og under 64 kB", async () => {
      const kolonner = ["leverandoer.id", "maalgruppe"];
      for (let laengde = 0; laengde < 1_000_000; laengde += 14)
        kolonner.push(`ukendt${kolonner.length}`.padEnd(13, "x"));
      const svar = await request(s.app)
        .post("/api/v1/indplacering/batch")
        .set(auth(s.noegler.tilsyn))
        .set("Content-Type", "text/csv")
        .send(`${kolonner.join(";")}\n`);
      expect(svar.status).toBe(422);
      expect(svar.text.length).toBeLessThan(64 * 1024);
      expect(svar.body.detaljer).toHaveLength(101);
      expect(svar.body.detaljer[100].message).toMatch(/^og \d+ flere$/);
    });

    it("400.000 ukendte nøgler afvises før valideringen med én detalje og under 64 kB", async () => {
      const vg: Record<string, unknown> = { ...hoejLeverandoer(m) };
      for (let i = 0; i < 400_000; i++) vg[`k${i}`] = 0;
      const svar = await request(s.app)
        .post("/api/v1/indplacering")
        .set(auth(s.noegler.tilsyn))
        .send({ vurderingsgrundlag: vg });
      expect(svar.status).toBe(422);
      expect(svar.body.kode).toBe("FOR_MANGE_FELTER");
      expect(svar.body.detaljer).toEqual([
        expect.objectContaining({
          path: "vurderingsgrundlag",
          message: expect.stringContaining(`${Object.keys(vg).length} felter`),
        }),
      ]);
      expect(svar.text.length).toBeLessThan(64 * 1024);
    });

    it("5.000 ukendte nøgler giver de første 100 detaljer og 'og 4900 flere'", async () => {
      const vg: Record<string, unknown> = { ...hoejLeverandoer(m) };
      for (let i = 0; i < 5000; i++) vg[`k${i}`] = 0;
      const svar = await request(s.app)
        .post("/api/v1/indplacering")
        .set(auth(s.noegler.tilsyn))
        .send({ vurderingsgrundlag: vg });
      expect(svar.status).toBe(422);
      expect(svar.text.length).toBeLessThan(64 * 1024);
      expect(svar.body.detaljer).toHaveLength(101);
      expect(svar.body.detaljer[0].path).toBe("vurderingsgrundlag.k0");
      expect(svar.body.detaljer[100]).toEqual({ path: "(flere)", message: "og 4900 flere" });
    });

    it("en enkelt kæmpe kolonne forkortes, så svaret stadig er lille", async () => {
      const svar = await request(s.app)
        .post("/api/v1/indplacering/batch")
        .set(auth(s.noegler.tilsyn))
        .set("Content-Type", "text/csv")
        .send(`leverandoer.id;maalgruppe;${"x".repeat(900_000)}\n`);
      expect(svar.status).toBe(422);
      expect(svar.text.length).toBeLessThan(64 * 1024);
    });
  });

  describe("nøglen før kroppen", () => {
    it("ingen nøgle og ugyldig JSON giver 401, ikke 400", async () => {
      const svar = await request(s.app)
        .post("/api/v1/indplacering")
        .set("Content-Type", "application/json")
        .send("{ikke json");
      expect(svar.status).toBe(401);
      expect(svar.body.kode).toBe("NOEGLE_MANGLER");
    });

    it("tæller forsøg uden nøgle med ugyldig JSON med i grænsen for fejlede nøgler", async () => {
      const t = await startTestServer(backend, { authFejl: { graense: 3, vindueMs: 60_000 } });
      try {
        const koder: number[] = [];
        for (let i = 0; i < 4; i++) {
          const svar = await request(t.app)
            .put(`/api/v1/regelsaet/${m}/kladde`)
            .set("Content-Type", "application/json")
            .send("{brudt");
          koder.push(svar.status);
        }
        expect(koder).toEqual([401, 401, 401, 429]);
      } finally {
        await t.ryd();
      }
    });

    it("svarer 401 med det samme på en langsom krop uden nøgle", async () => {
      const server = createServer(s.app);
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      const port = (server.address() as AddressInfo).port;
      try {
        const svar = await new Promise<string>((resolve, reject) => {
          const sock = connect(port, "127.0.0.1", () => {
            sock.write(
              "POST /api/v1/indplacering HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
            );
          });
          let data = "";
          sock.on("data", (c) => {
            data += c.toString();
            if (data.includes("\r\n\r\n")) {
              sock.destroy();
              resolve(data);
            }
          });
          sock.on("error", reject);
        });
        expect(svar).toMatch(/^HTTP\/1\.1 401/);
      } finally {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      }
    });
  });

  describe("kladder skjult for læsere", () => {
    it("viser hverken titel eller eksistens af en upubliceret kladde for læser og tilsyn", async () => {
      const kun = unikMaalgruppe();
      const r = testRegelsaet(kun);
      r.titel = "Hemmelig kladdetitel";
      expect((await gemKladde(kun, r)).status).toBe(201);
      const udkast = testRegelsaet(m);
      udkast.titel = "Ny upubliceret titel";
      expect((await gemKladde(m, udkast)).status).toBe(201);
      for (const rolle of ["laeser", "tilsyn"] as const) {
        const svar = await request(s.app).get("/api/v1/maalgrupper").set(auth(s.noegler[rolle]));
        expect(svar.status).toBe(200);
        expect(svar.text).not.toContain("Hemmelig kladdetitel");
        expect(svar.text).not.toContain("Ny upubliceret titel");
        expect(svar.body.maalgrupper.map((x: { maalgruppe: string }) => x.maalgruppe)).not.toContain(kun);
        expect(svar.body.maalgrupper).toContainEqual(expect.objectContaining({ maalgruppe: m, titel: `Test ${m}` }));
      }
      const forfatter = await request(s.app).get("/api/v1/maalgrupper").set(auth(s.noegler.forfatter));
      expect(forfatter.text).toContain("Hemmelig kladdetitel");
    });
  });
});
