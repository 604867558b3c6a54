// Races, beyond test/api/kladde.test.ts (20 saves, 5 publishes per round): 50 concurrent draft
// saves with one If-Match, publishes racing draft saves for many rounds, and the same across two
// app instances with their own connection pools on one PostgreSQL database, and across two real
// server processes on it. After each race the database must hold consecutive versions, one audit
// entry per change, and hashes that match.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Express } from "express";
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
  toServere,
  unikMaalgruppe,
} from "../api/hjaelpere.js";
import { draebAlle, nytSkema, type Proces, startProces } from "./proces.js";

const SAMTIDIGE = 50;
const RUNDER = 8;

async function integritet(s: TestServer, m: string, versioner: number) {
  const { rows } = await s.db.query<{ version: number; indhold: string; hash: string }>(
    "SELECT version, indhold, hash FROM regelsaet_versioner WHERE maalgruppe = $1 ORDER BY version",
    [m],
  );
  expect(rows.map((r) => r.version)).toEqual(Array.from({ length: versioner }, (_, i) => i + 1));
  for (const r of rows) expect(hashRegelsaet(JSON.parse(r.indhold))).toBe(r.hash);
  const audit = await s.db.query<{ version: number }>(
    "SELECT version FROM audit_log WHERE maalgruppe = $1 AND handling = 'regelsaet.publiceret' ORDER BY version",
    [m],
  );
  expect(audit.rows.map((r) => r.version)).toEqual(rows.map((r) => r.version));
}

function kapploeb(navn: string, apps: () => Express[], s: () => TestServer) {
  const f = () => auth(s().noegler.forfatter);
  const app = (i: number) => {
    const a = apps();
    return a[i % a.length] as Express;
  };

  it(`${navn}: præcis ét af ${SAMTIDIGE} samtidige gem med samme If-Match lykkes, resten får 412`, async () => {
    const m = unikMaalgruppe("race");
    const r = testRegelsaet(m);
    const etag = String((await request(app(0)).put(`/api/v1/regelsaet/${m}/kladde`).set(f()).send(r)).headers.etag);
    const foer = await s().db.query("SELECT count(*)::int AS n FROM audit_log WHERE maalgruppe = $1", [m]);
    const svar = await Promise.all(
      Array.from({ length: SAMTIDIGE }, (_, i) =>
        request(app(i))
          .put(`/api/v1/regelsaet/${m}/kladde`)
          .set(f())
          .set("If-Match", etag)
          .send({ ...r, titel: `Samtidig ${i}` }),
      ),
    );
    const ok = svar.filter((x) => x.status === 200);
    expect(ok).toHaveLength(1);
    expect(svar.filter((x) => x.status === 412)).toHaveLength(SAMTIDIGE - 1);
    const kladde = await request(app(1)).get(`/api/v1/regelsaet/${m}/kladde`).set(f());
    expect(kladde.headers.etag).toBe(ok[0]?.headers.etag);
    const efter = await s().db.query("SELECT count(*)::int AS n FROM audit_log WHERE maalgruppe = $1", [m]);
    expect((efter.rows[0] as { n: number }).n - (foer.rows[0] as { n: number }).n).toBe(1);
  });

  it(`${navn}: samtidige publiceringer og gem giver fortløbende versioner uden huller (${RUNDER} runder)`, async () => {
    const m = unikMaalgruppe("race");
    await publicer(s(), testRegelsaet(m));
    let forventet = 1;
    for (let i = 0; i < RUNDER; i++) {
      const ny = await request(app(i))
        .put(`/api/v1/regelsaet/${m}/kladde`)
        .set(f())
        .send(testRegelsaet(m, (x) => (x.titel = `Runde ${i}`)));
      expect(ny.status).toBe(201);
      // Publishes race each other, and in every other round also a save with `*` that may land
      // before or after them.
      const medGem = i % 2 === 0;
      const svar = await Promise.all([
        ...Array.from({ length: 10 }, (_, j) =>
          request(app(j))
            .post(`/api/v1/regelsaet/${m}/publicer`)
            .set(f())
            .send({ note: `Runde ${i}.${j}` }),
        ),
        ...(medGem
          ? [
              request(app(i + 1))
                .put(`/api/v1/regelsaet/${m}/kladde`)
                .set(f())
                .set("If-Match", "*")
                .send(testRegelsaet(m, (x) => (x.titel = `Mellem ${i}`))),
            ]
          : []),
      ]);
      const publiceret = svar.slice(0, 10).filter((x) => x.status === 201);
      for (const x of svar) expect([200, 201, 404, 409, 412], JSON.stringify([x.status, x.body])).toContain(x.status);
      // At most one: a publish removes the draft, and the racing save with `*` cannot recreate it.
      // None is allowed too: the save changed the revision under every publish (409/412, retry).
      expect(publiceret.length, JSON.stringify(svar.map((x) => x.status))).toBeLessThanOrEqual(1);
      if (!medGem) expect(publiceret.length, JSON.stringify(svar.map((x) => x.status))).toBe(1);
      if (publiceret.length === 0)
        expect(
          svar.slice(0, 10).some((x) => x.status === 409 || x.status === 412),
          JSON.stringify(svar.map((x) => [x.status, x.body.kode])),
        ).toBe(true);
      forventet += publiceret.length;
      // A draft may remain (the racing save landed after the publish): clear it for the next round.
      const slet = await request(app(0)).delete(`/api/v1/regelsaet/${m}/kladde`).set(f()).set("If-Match", "*");
      expect([204, 404, 412]).toContain(slet.status);
    }
    expect(forventet).toBeGreaterThanOrEqual(1 + RUNDER / 2);
    await integritet(s(), m, forventet);
    const liste = await request(app(1)).get(`/api/v1/regelsaet/${m}/versioner`).set(f());
    expect(
      liste.body.versioner.map((v: { version: number }) => v.version).sort((a: number, b: number) => a - b),
    ).toEqual(Array.from({ length: forventet }, (_, i) => i + 1));
  });
}

describe.each(backends())("kapløb i én server ($navn)", (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.ryd());
  kapploeb(
    "én server",
    () => [s.app],
    () => s,
  );
});

describe.each(backends().filter((b) => b.navn === "postgres"))("kapløb mellem to servere ($navn)", (backend) => {
  const t = toServere(backend);
  kapploeb(
    "to servere",
    () => [t.s.app, t.anden.app],
    () => t.s,
  );
});

// The same across two real server processes (`api/main.ts`) on one PostgreSQL database.
const TEST_URL = process.env.TEST_DATABASE_URL;
describe.runIf(TEST_URL)("kapløb mellem to serverprocesser (postgres)", () => {
  let skema: Awaited<ReturnType<typeof nytSkema>>;
  let servere: Proces[] = [];
  let admin = "";
  beforeAll(async () => {
    skema = await nytSkema(TEST_URL ?? "");
    const dir = await mkdtemp(join(tmpdir(), "haerd-race-"));
    const foerste = await startProces({ DATA_DIR: join(dir, "a"), DATABASE_URL: skema.databaseUrl });
    const anden = await startProces({ DATA_DIR: join(dir, "b"), DATABASE_URL: skema.databaseUrl });
    servere = [foerste, anden];
    admin = foerste.admin ?? "";
  }, 120_000);
  afterAll(async () => {
    for (const s of servere) s.proces.kill("SIGTERM");
    await Promise.all(servere.map((s) => s.slut));
    draebAlle();
    await skema?.ryd();
  });
  const kald = (i: number, sti: string, metode: string, krop?: unknown, ekstra: Record<string, string> = {}) =>
    fetch(`${servere[i % 2]?.url}${sti}`, {
      method: metode,
      headers: { Authorization: `Bearer ${admin}`, "Content-Type": "application/json", ...ekstra },
      body: krop === undefined ? undefined : JSON.stringify(krop),
    });

  it(`præcis ét af ${SAMTIDIGE} samtidige gem med samme If-Match lykkes på tværs af processerne`, async () => {
    expect(admin).toMatch(/^smk_/);
    const m = "proces-race";
    const r = testRegelsaet(m);
    const etag = (await kald(0, `/regelsaet/${m}/kladde`, "PUT", r)).headers.get("etag") ?? "";
    const svar = await Promise.all(
      Array.from({ length: SAMTIDIGE }, (_, i) =>
        kald(i, `/regelsaet/${m}/kladde`, "PUT", { ...r, titel: `Proces ${i % 2} nr. ${i}` }, { "If-Match": etag }),
      ),
    );
    expect(svar.filter((x) => x.status === 200)).toHaveLength(1);
    expect(svar.filter((x) => x.status === 412)).toHaveLength(SAMTIDIGE - 1);
  });

  it("holder versionerne fortløbende, når processerne publicerer samtidig", async () => {
    const m = "proces-publicer";
    for (let i = 0; i < RUNDER; i++) {
      const gem = await kald(
        i,
        `/regelsaet/${m}/kladde`,
        "PUT",
        testRegelsaet(m, (x) => (x.titel = `Runde ${i}`)),
      );
      expect(gem.status).toBe(201);
      const svar = await Promise.all(
        Array.from({ length: 10 }, (_, j) => kald(j, `/regelsaet/${m}/publicer`, "POST", { note: `Runde ${i}.${j}` })),
      );
      expect(svar.filter((x) => x.status === 201)).toHaveLength(1);
    }
    const versioner = (await (await kald(1, `/regelsaet/${m}/versioner`, "GET")).json()) as {
      versioner: { version: number }[];
    };
    expect(versioner.versioner.map((v) => v.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: RUNDER }, (_, i) => i + 1),
    );
  });
});
