// Crashes: the real server gets a stream of writes (draft saves, publishes, indplaceringer) from
// several clients and is killed with SIGKILL in the middle of it, several times. After each
// restart the server must start cleanly and every acknowledged write must be there; at the end
// the database must pass an integrity check: versions consecutive, hashes matching content, and
// an audit entry for every acknowledged save and every version. Embedded database, and
// PostgreSQL when TEST_DATABASE_URL is set.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openPglite, openPostgres } from "../../api/db/database.js";
import { filer } from "../../api/lokal.js";
import { hashRegelsaet } from "../../engine/index.js";
import { hoejLeverandoer, testRegelsaet } from "../api/hjaelpere.js";
import { draebAlle, nytSkema, type Proces, startProces } from "./proces.js";

const DRAB = Number(process.env.NEDBRUD_DRAB ?? 4);
const KLIENTER = 4;

interface Kvitteret {
  gemt: { m: string; revision: number; hash: string }[];
  publiceret: { m: string; version: number; hash: string }[];
  indplaceret: string[];
}

const json = (noegle: string, metode: string, krop?: unknown, ekstra: Record<string, string> = {}) => ({
  method: metode,
  headers: { Authorization: `Bearer ${noegle}`, "Content-Type": "application/json", ...ekstra },
  body: krop === undefined ? undefined : JSON.stringify(krop),
});

/** One client: save, sometimes publish, evaluate, until the server stops answering. */
async function klient(url: string, noegle: string, m: string, k: Kvitteret, stop: { nu: boolean }) {
  let etag: string | undefined;
  let i = 0;
  try {
    const eksisterende = await fetch(`${url}/regelsaet/${m}/kladde`, json(noegle, "GET"));
    if (eksisterende.status === 200) etag = eksisterende.headers.get("etag") ?? undefined;
    while (!stop.nu) {
      i++;
      const r = testRegelsaet(m, (x) => (x.titel = `${m} ${Date.now()} ${i}`));
      const gem = await fetch(`${url}/regelsaet/${m}/kladde`, json(noegle, "PUT", r, etag ? { "If-Match": etag } : {}));
      if (gem.status === 200 || gem.status === 201) {
        const b = (await gem.json()) as { revision: number; hash: string };
        k.gemt.push({ m, revision: b.revision, hash: b.hash });
        etag = gem.headers.get("etag") ?? undefined;
      } else throw new Error(`gem ${gem.status} ${await gem.text()}`);
      if (i % 3 === 0) {
        const p = await fetch(`${url}/regelsaet/${m}/publicer`, json(noegle, "POST", { note: `nr. ${i}` }));
        if (p.status !== 201) throw new Error(`publicer ${p.status} ${await p.text()}`);
        const b = (await p.json()) as { version: number; hash: string };
        k.publiceret.push({ m, version: b.version, hash: b.hash });
        etag = undefined;
      }
      if (k.publiceret.some((x) => x.m === m)) {
        const a = await fetch(`${url}/indplacering`, json(noegle, "POST", { vurderingsgrundlag: hoejLeverandoer(m) }));
        if (a.status !== 201) throw new Error(`indplacering ${a.status} ${await a.text()}`);
        k.indplaceret.push(((await a.json()) as { id: string }).id);
      }
    }
  } catch (e) {
    // A refused connection or a reset is the kill; anything else is a failure.
    if (!stop.nu && !/fetch failed|ECONNRESET|ECONNREFUSED|other side closed|terminated/i.test(String(e))) throw e;
    if (!stop.nu && String(e).startsWith("Error: ")) throw e;
  }
}

async function integritet(db: Database, k: Kvitteret) {
  const { rows: v } = await db.query<{ maalgruppe: string; version: number; indhold: string; hash: string }>(
    "SELECT maalgruppe, version, indhold, hash FROM regelsaet_versioner ORDER BY maalgruppe, version",
  );
  const pr = new Map<string, number[]>();
  for (const r of v) {
    expect(hashRegelsaet(JSON.parse(r.indhold)), `${r.maalgruppe} v${r.version}`).toBe(r.hash);
    pr.set(r.maalgruppe, [...(pr.get(r.maalgruppe) ?? []), r.version]);
  }
  for (const [m, liste] of pr) expect(liste, m).toEqual(liste.map((_, i) => i + 1));
  for (const p of k.publiceret) {
    expect(v.find((r) => r.maalgruppe === p.m && r.version === p.version)?.hash, `${p.m} v${p.version}`).toBe(p.hash);
  }
  const { rows: audit } = await db.query<{ handling: string; maalgruppe: string; version: number; detaljer: string }>(
    "SELECT handling, maalgruppe, version, detaljer FROM audit_log ORDER BY id",
  );
  const publiceret = audit
    .filter((a) => a.handling === "regelsaet.publiceret" || a.handling === "regelsaet.indlaest")
    .map((a) => `${a.maalgruppe}/${a.version}`);
  expect(publiceret.sort()).toEqual(v.map((r) => `${r.maalgruppe}/${r.version}`).sort());
  const gemt = new Set(
    audit
      .filter((a) => a.handling === "kladde.gemt")
      .map((a) => {
        const d = JSON.parse(a.detaljer) as { revision: number; hash: string };
        return `${a.maalgruppe}/${d.revision}/${d.hash}`;
      }),
  );
  for (const g of k.gemt)
    expect(gemt.has(`${g.m}/${g.revision}/${g.hash}`), `${g.m} revision ${g.revision}`).toBe(true);
  const { rows: kladder } = await db.query<{ maalgruppe: string; revision: number; hash: string }>(
    "SELECT maalgruppe, revision, hash FROM kladder",
  );
  for (const kl of kladder) expect(gemt.has(`${kl.maalgruppe}/${kl.revision}/${kl.hash}`)).toBe(true);
  const { rows: ip } = await db.query<{ id: string; hash: string; maalgruppe: string; version: number }>(
    "SELECT id, hash, maalgruppe, version FROM indplaceringer",
  );
  const ider = new Set(ip.map((r) => r.id));
  for (const id of k.indplaceret) expect(ider.has(id), id).toBe(true);
  for (const r of ip) {
    if (r.version !== null)
      expect(v.find((x) => x.maalgruppe === r.maalgruppe && x.version === r.version)?.hash).toBe(r.hash);
  }
}

interface Opsaetning {
  navn: string;
  env(): Promise<{ DATA_DIR: string; DATABASE_URL?: string }>;
  aabn(env: { DATA_DIR: string; DATABASE_URL?: string }): Promise<Database>;
  ryd(): Promise<void>;
}

const OPSAETNINGER: Opsaetning[] = [];
{
  let dir = "";
  OPSAETNINGER.push({
    navn: "pglite",
    async env() {
      dir = await mkdtemp(join(tmpdir(), "haerd-nedbrud-"));
      return { DATA_DIR: dir };
    },
    aabn: (env) => openPglite(filer(env.DATA_DIR).pglite),
    ryd: () => rm(dir, { recursive: true, force: true }),
  });
}
const TEST_URL = process.env.TEST_DATABASE_URL;
if (TEST_URL) {
  let skema: Awaited<ReturnType<typeof nytSkema>> | undefined;
  let dir = "";
  OPSAETNINGER.push({
    navn: "postgres",
    async env() {
      skema = await nytSkema(TEST_URL);
      dir = await mkdtemp(join(tmpdir(), "haerd-nedbrud-"));
      return { DATA_DIR: dir, DATABASE_URL: skema.databaseUrl };
    },
    aabn: () => openPostgres(TEST_URL, { schema: skema?.schema }),
    async ryd() {
      await skema?.ryd();
      await rm(dir, { recursive: true, force: true });
    },
  });
}

afterAll(draebAlle);

describe.each(OPSAETNINGER)("SIGKILL midt i skrivninger ($navn)", (o) => {
  afterAll(() => o.ryd());

  it(`mister ingen kvitteret skrivning over ${DRAB} drab`, { timeout: 10 * 60_000 }, async () => {
    const env = await o.env();
    const k: Kvitteret = { gemt: [], publiceret: [], indplaceret: [] };
    let s: Proces = await startProces(env);
    const admin = s.admin;
    if (!admin) throw new Error(`ingen admin-nøgle: ${s.ud()}`);
    for (let drab = 0; drab < DRAB; drab++) {
      const stop = { nu: false };
      const klienter = Array.from({ length: KLIENTER }, (_, i) => klient(s.url, admin, `nedbrud-${i}`, k, stop));
      const foer = k.gemt.length + k.publiceret.length + k.indplaceret.length;
      // Kill once writes are flowing, at a varying point.
      const tidsgraense = Date.now() + 30_000;
      while (k.gemt.length + k.publiceret.length + k.indplaceret.length < foer + 20 && Date.now() < tidsgraense) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 100 + drab * 173));
      s.proces.kill("SIGKILL");
      await s.slut;
      await Promise.all(klienter);
      stop.nu = true;
      s = await startProces(env);
      expect(s.admin, "a restart must not make a new first admin").toBeUndefined();
      expect((await fetch(`${s.url}/health`)).status).toBe(200);
      // Acknowledged versions are served, with the acknowledged hash.
      for (const p of k.publiceret.slice(-8)) {
        const svar = await fetch(`${s.url}/regelsaet/${p.m}?version=${p.version}`, json(admin, "GET"));
        expect(svar.status).toBe(200);
        expect(svar.headers.get("etag")).toBe(`"${p.hash}"`);
      }
      for (const id of k.indplaceret.slice(-5)) {
        const svar = await fetch(`${s.url}/indplacering/${id}?genberegn=true`, json(admin, "GET"));
        expect(svar.status).toBe(200);
        expect(((await svar.json()) as { identisk: boolean }).identisk).toBe(true);
      }
    }
    s.proces.kill("SIGTERM");
    expect(await s.slut).toBe(0);
    console.log(
      `nedbrud (${o.navn}): ${DRAB} SIGKILL overlevet; kvitteret ${k.gemt.length} gem, ${k.publiceret.length} publiceringer, ${k.indplaceret.length} indplaceringer`,
    );
    expect(k.publiceret.length).toBeGreaterThan(0);
    const db = await o.aabn(env);
    try {
      await integritet(db, k);
    } finally {
      await db.close();
    }
  });
});
