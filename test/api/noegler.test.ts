// Keys: created with a secret shown once and stored only as a hash, listed without secrets,
// revoked with immediate effect; failed authentication is rate limited per address while a
// valid key keeps working.
import { createHash } from "node:crypto";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../api/store/audit.js";
import { auth, backends, startTestServer, type TestServer } from "./hjaelpere.js";

describe.each(backends())("nøgler ($navn)", (backend) => {
  let s: TestServer;
  let a: Record<string, string>;
  beforeAll(async () => {
    s = await startTestServer(backend);
    a = auth(s.noegler.admin);
  });
  afterAll(() => s.ryd());

  it("opretter en nøgle, der virker med sin rolle, og gemmer kun dens hash", async () => {
    const svar = await request(s.app).post("/api/v1/noegler").set(a).send({ navn: "sagssystem", rolle: "tilsyn" });
    expect(svar.status).toBe(201);
    expect(svar.headers["cache-control"]).toBe("no-store");
    expect(svar.body).toEqual({
      navn: "sagssystem",
      rolle: "tilsyn",
      organisation: null,
      noegle: expect.stringMatching(/^smk_[A-Za-z0-9_-]{43}$/),
    });
    const hemmelighed: string = svar.body.noegle;
    expect((await request(s.app).get("/api/v1/maalgrupper").set(auth(hemmelighed))).status).toBe(200);
    expect((await request(s.app).get("/api/v1/mig").set(auth(hemmelighed))).body).toEqual({
      navn: "sagssystem",
      rolle: "tilsyn",
      organisation: null,
    });
    expect((await request(s.app).get("/api/v1/noegler").set(auth(hemmelighed))).status).toBe(403);

    const { rows } = await s.db.query<Record<string, unknown>>("SELECT * FROM noegler WHERE navn = 'sagssystem'");
    expect(rows[0]?.hash).toBe(createHash("sha256").update(hemmelighed).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(hemmelighed);

    const liste = await request(s.app).get("/api/v1/noegler").set(a);
    expect(liste.body.noegler).toContainEqual({
      navn: "sagssystem",
      rolle: "tilsyn",
      organisation: null,
      oprettet: expect.any(String),
      oprettetAf: "test-admin",
      tilbagekaldt: null,
    });
    expect(liste.text).not.toContain(hemmelighed);
    expect(liste.text).not.toContain(String(rows[0]?.hash));
  });

  it("en nøgle kan høre til en organisation; en ukendt organisation afvises med 422", async () => {
    const svar = await request(s.app)
      .post("/api/v1/noegler")
      .set(a)
      .send({ navn: "tilsyn-nord", rolle: "tilsyn", organisation: "socialtilsyn-nord" });
    expect(svar.status).toBe(201);
    expect((await request(s.app).get("/api/v1/mig").set(auth(svar.body.noegle))).body.organisation).toBe(
      "socialtilsyn-nord",
    );
    const ukendt = await request(s.app)
      .post("/api/v1/noegler")
      .set(a)
      .send({ navn: "tilsyn-x", rolle: "tilsyn", organisation: "socialtilsyn-vest" });
    expect(ukendt.status).toBe(422);
    expect(ukendt.body.detaljer.map((d: { path: string }) => d.path)).toEqual(["organisation"]);
  });

  it("tilbagekalder en nøgle, så den holder op med at virke med det samme", async () => {
    const hemmelighed = (
      await request(s.app).post("/api/v1/noegler").set(a).send({ navn: "kortlivet", rolle: "admin" })
    ).body.noegle as string;
    expect((await request(s.app).get("/api/v1/noegler").set(auth(hemmelighed))).status).toBe(200);
    expect((await request(s.app).delete("/api/v1/noegler/kortlivet").set(a)).status).toBe(204);
    expect((await request(s.app).get("/api/v1/noegler").set(auth(hemmelighed))).status).toBe(401);
    expect((await request(s.app).delete("/api/v1/noegler/kortlivet").set(a)).status).toBe(409);
    expect((await request(s.app).delete("/api/v1/noegler/findes-ikke").set(a)).status).toBe(404);
    expect((await request(s.app).delete("/api/v1/noegler/%00%2F..").set(a)).status).toBe(404);
    expect((await request(s.app).delete("/api/v1/noegler/lokal-cli").set(a)).status).toBe(409);
    // The name stays taken, so the audit log never names two keys alike.
    expect(
      (await request(s.app).post("/api/v1/noegler").set(a).send({ navn: "kortlivet", rolle: "laeser" })).status,
    ).toBe(409);
    const liste = await request(s.app).get("/api/v1/noegler").set(a);
    expect(liste.body.noegler.find((n: { navn: string }) => n.navn === "kortlivet").tilbagekaldt).toEqual(
      expect.any(String),
    );
  });

  it("afviser ugyldige navne og roller med 422", async () => {
    for (const krop of [
      { navn: "", rolle: "laeser" },
      { navn: "med mellemrum", rolle: "laeser" },
      { navn: "x".repeat(65), rolle: "laeser" },
      { navn: "ok", rolle: "superbruger" },
      { navn: 3, rolle: "laeser" },
      { navn: "ok" },
      { navn: "ok", rolle: "laeser", hemmelighed: "vil selv vælge" },
    ]) {
      const svar = await request(s.app).post("/api/v1/noegler").set(a).send(krop);
      expect(svar.status, JSON.stringify(krop)).toBe(422);
      expect(svar.body.detaljer.length).toBeGreaterThan(0);
    }
  });

  it("skriver nøglehændelser i audit-loggen med nøglens navn", async () => {
    await request(s.app).post("/api/v1/noegler").set(a).send({ navn: "revideret", rolle: "laeser" });
    await request(s.app).delete("/api/v1/noegler/revideret").set(a);
    const log = await listAudit(s.db);
    expect(log.slice(0, 2)).toEqual([
      expect.objectContaining({
        noegle: "test-admin",
        handling: "noegle.tilbagekaldt",
        detaljer: { navn: "revideret" },
      }),
      expect.objectContaining({
        noegle: "test-admin",
        handling: "noegle.oprettet",
        detaljer: { navn: "revideret", rolle: "laeser" },
      }),
    ]);
  });
});

describe.each(backends())("grænse for mislykket adgang ($navn)", (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend, { authFejl: { graense: 5, vindueMs: 60_000 } });
  });
  afterAll(() => s.ryd());

  it("svarer 429 efter for mange forsøg med ugyldig nøgle, men en gyldig nøgle virker stadig", async () => {
    const statusser: number[] = [];
    for (let i = 0; i < 8; i++) {
      statusser.push(
        (
          await request(s.app)
            .get("/api/v1/maalgrupper")
            .set(auth(`smk_gaet${i}`))
        ).status,
      );
    }
    expect(statusser).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const laast = await request(s.app).get("/api/v1/maalgrupper");
    expect(laast.status).toBe(429);
    expect(laast.headers["retry-after"]).toMatch(/^\d+$/);
    expect(laast.body.kode).toBe("FOR_MANGE_FORSOEG");
    expect((await request(s.app).get("/api/v1/maalgrupper").set(auth(s.noegler.laeser))).status).toBe(200);
    expect((await request(s.app).get("/api/v1/health")).status).toBe(200);
  });
});
