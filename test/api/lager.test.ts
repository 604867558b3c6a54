// Storage: migrations are idempotent, the audit log is append-only and names the key of every
// change, published versions cannot be altered, stored hashes re-verify, and requests that are
// refused leave every table as it was.
import { readdirSync } from "node:fs";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrer } from "../../api/db/migrate.js";
import { RegelsaetCache } from "../../api/motor.js";
import { listAudit } from "../../api/store/audit.js";
import { hashRegelsaet } from "../../engine/index.js";
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

const TABELLER = [
  "regelsaet_versioner",
  "kladder",
  "kladde_indhold",
  "indplaceringer",
  "noegler",
  "audit_log",
  "scenarier",
];

describe.each(backends())("lager ($navn)", (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.ryd());

  async function oejebliksbillede(): Promise<string> {
    const dele: string[] = [];
    for (const t of TABELLER) {
      const { rows } = await s.db.query(`SELECT * FROM ${t} ORDER BY 1`);
      dele.push(JSON.stringify(rows));
    }
    return dele.join("\n");
  }

  it("anvender migreringerne én gang", async () => {
    expect(await migrer(s.db)).toEqual([]);
    const { rows } = await s.db.query<{ navn: string }>("SELECT navn FROM skema_migreringer");
    const filer = readdirSync(new URL("../../api/db/migrations/", import.meta.url))
      .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
      .sort();
    expect(rows.map((r) => r.navn).sort()).toEqual(filer);
    expect(filer).toContain("004_scenarier.sql");
    expect(filer).toContain("005_resultatformat.sql");
    expect(filer).toContain("003_tilbud.sql");
  });

  it("afviser ændring og sletning af audit-loggen og af publicerede versioner", async () => {
    const m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
    await expect(s.db.query("UPDATE audit_log SET noegle = 'en anden'")).rejects.toThrow(/skrivebeskyttet/);
    await expect(s.db.query("DELETE FROM audit_log")).rejects.toThrow(/skrivebeskyttet/);
    await expect(
      s.db.query("UPDATE regelsaet_versioner SET note = 'omskrevet' WHERE maalgruppe = $1", [m]),
    ).rejects.toThrow(/skrivebeskyttet/);
    await expect(s.db.query("DELETE FROM regelsaet_versioner WHERE maalgruppe = $1", [m])).rejects.toThrow(
      /skrivebeskyttet/,
    );
    await expect(
      s.db.query(
        "INSERT INTO regelsaet_versioner (maalgruppe, version, indhold, hash, forfatter) VALUES ($1, 1, '{}', 'sha256:x', 'x')",
        [m],
      ),
    ).rejects.toThrow();
  });

  it("logger hver ændring med nøglens navn, og hver gemt hash kan efterprøves", async () => {
    const m = unikMaalgruppe();
    const f = auth(s.noegler.forfatter);
    const gemt = await request(s.app).put(`/api/v1/regelsaet/${m}/kladde`).set(f).send(testRegelsaet(m));
    await request(s.app).post(`/api/v1/regelsaet/${m}/publicer`).set(f).send({ note: "Revision" });
    await request(s.app).put(`/api/v1/regelsaet/${m}/kladde`).set(f).send(testRegelsaet(m));
    await request(s.app).delete(`/api/v1/regelsaet/${m}/kladde`).set(f);
    const log = (await listAudit(s.db)).filter((p) => p.maalgruppe === m).reverse();
    expect(log.map((p) => [p.handling, p.noegle, p.version])).toEqual([
      ["kladde.gemt", "test-forfatter", null],
      ["regelsaet.publiceret", "test-forfatter", 1],
      ["kladde.gemt", "test-forfatter", null],
      ["kladde.slettet", "test-forfatter", null],
    ]);
    expect(log[1]?.detaljer).toMatchObject({ hash: gemt.body.hash, note: "Revision" });

    const { rows } = await s.db.query<{ indhold: string; hash: string }>(
      "SELECT indhold, hash FROM regelsaet_versioner",
    );
    for (const r of rows) expect(hashRegelsaet(JSON.parse(r.indhold))).toBe(r.hash);
    const afgoerelse = await request(s.app)
      .post("/api/v1/indplacering")
      .set(auth(s.noegler.tilsyn))
      .send({ vurderingsgrundlag: hoejLeverandoer(m) });
    const { rows: a } = await s.db.query<{ noegle: string; hash: string; version: number }>(
      "SELECT noegle, hash, version FROM indplaceringer WHERE id = $1",
      [afgoerelse.body.id],
    );
    expect(a[0]).toEqual({ noegle: "test-tilsyn", hash: gemt.body.hash, version: 1 });
  });

  it("ændrer intet gemt, når en forespørgsel afvises", async () => {
    const m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
    const etag = (
      await request(s.app).put(`/api/v1/regelsaet/${m}/kladde`).set(auth(s.noegler.forfatter)).send(testRegelsaet(m))
    ).headers.etag;
    const foer = await oejebliksbillede();
    const f = auth(s.noegler.forfatter);
    const afvist = [
      request(s.app).put(`/api/v1/regelsaet/${m}/kladde`).set(f).send({ maalgruppe: m }),
      request(s.app).put(`/api/v1/regelsaet/${m}/kladde`).set(f).send(testRegelsaet(m)),
      request(s.app).put(`/api/v1/regelsaet/${m}/kladde`).set(f).set("If-Match", '"kladde-1"').send(testRegelsaet(m)),
      request(s.app).delete(`/api/v1/regelsaet/${m}/kladde`).set(f).set("If-Match", '"kladde-1"'),
      request(s.app).post(`/api/v1/regelsaet/${m}/publicer`).set(f).send({}),
      request(s.app).post(`/api/v1/regelsaet/${m}/publicer`).set(auth(s.noegler.tilsyn)).send({ note: "x" }),
      request(s.app)
        .post("/api/v1/indplacering")
        .set(auth(s.noegler.tilsyn))
        .send({ vurderingsgrundlag: { maalgruppe: m } }),
      request(s.app)
        .post("/api/v1/indplacering")
        .set(auth(s.noegler.laeser))
        .send({ vurderingsgrundlag: hoejLeverandoer(m) }),
      request(s.app)
        .post("/api/v1/indplacering")
        .send({ vurderingsgrundlag: hoejLeverandoer(m) }),
      request(s.app).post("/api/v1/noegler").set(auth(s.noegler.admin)).send({ navn: "test-admin", rolle: "admin" }),
      request(s.app).post("/api/v1/noegler").set(auth(s.noegler.forfatter)).send({ navn: "ny", rolle: "admin" }),
      request(s.app).delete("/api/v1/noegler/test-admin").set(auth(s.noegler.forfatter)),
      request(s.app)
        .post("/api/v1/indplacering/batch")
        .set(auth(s.noegler.tilsyn))
        .set("Content-Type", "text/csv")
        .send("a,b\n1,2\n"),
    ];
    for (const svar of await Promise.all(afvist)) expect(svar.status).toBeGreaterThanOrEqual(400);
    expect(await oejebliksbillede()).toBe(foer);
    expect(etag).toBeDefined();
  });

  it("nægter at bruge et gemt regelsæt, hvis indhold ikke passer til dets hash", () => {
    const cache = new RegelsaetCache();
    const r = testRegelsaet("hash-test");
    expect(() => cache.forbered("sha256:forkert", () => JSON.stringify(r))).toThrow(/inconsistent/);
    expect(cache.forbered(hashRegelsaet(r), () => JSON.stringify(r)).hash).toBe(hashRegelsaet(r));
  });
});
