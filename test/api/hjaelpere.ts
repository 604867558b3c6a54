// Test harness for the API: the same suites run against the embedded database (PGlite in
// memory) and, when TEST_DATABASE_URL is set, a PostgreSQL server — each test file in its own
// freshly created schema so that files can run in parallel.
import { randomBytes } from "node:crypto";
import type { Express } from "express";
import pg from "pg";
import { pino } from "pino";
import request from "supertest";
import { afterAll, beforeAll } from "vitest";
import { type AppValg, createApp } from "../../api/app.js";
import { type Beregner, BeregningsTraad, iProcess } from "../../api/beregning/klient.js";
import { type Database, openPglite, openPostgres } from "../../api/db/database.js";
import { migrer } from "../../api/db/migrate.js";
import { opretNoegle, ROLLER, type Rolle } from "../../api/store/noegler.js";
import type { Regelsaet, Vurderingsgrundlag } from "../../engine/index.js";
import type { Testtilfaelde } from "../../engine/schema/regelsaet.js";
import { leverandoer, syntetiskRegelsaet } from "../fixtures/factories.js";

export interface Backend {
  navn: string;
  aabn(): Promise<{ db: Database; ryd(): Promise<void>; andenForbindelse?: () => Promise<Database> }>;
}

export function backends(): Backend[] {
  const ud: Backend[] = [
    {
      navn: "pglite",
      async aabn() {
        const db = await openPglite();
        return { db, ryd: () => db.close() };
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    ud.push({
      navn: "postgres",
      async aabn() {
        const schema = `t_${randomBytes(6).toString("hex")}`;
        const db = await openPostgres(url, { schema });
        return {
          db,
          // A second pool on the same schema: what a second server process would have.
          andenForbindelse: () => openPostgres(url, { schema }),
          async ryd() {
            await db.close();
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            await c.query(`DROP SCHEMA ${schema} CASCADE`);
            await c.end();
          },
        };
      },
    });
  }
  return ud;
}

export const stille = pino({ level: "silent" });

export interface TestServer {
  app: Express;
  db: Database;
  /** A second app on its own connection pool to the same database (PostgreSQL only). */
  andenServer?: () => Promise<{ app: Express; luk(): Promise<void> }>;
  /** A key for each role. */
  noegler: Record<Rolle, string>;
  ryd(): Promise<void>;
}

// Where the apps evaluate single decisions: in the process on the embedded database, in the
// evaluation thread on PostgreSQL — whatever this machine's cores would choose (api/beregning/
// klient.ts, beregnerFor), so that a run with TEST_DATABASE_URL (CI) covers both paths.
let traad: BeregningsTraad | undefined;
function beregnerTil(db: Database): Beregner {
  if (db.slags === "pglite") return iProcess;
  traad ??= new BeregningsTraad();
  return traad;
}

/** A migrated database, a key per role and the app, without pilot data. */
export async function startTestServer(backend: Backend, valg: Partial<AppValg> = {}): Promise<TestServer> {
  const { db, ryd, andenForbindelse } = await backend.aabn();
  await migrer(db);
  const noegler = {} as Record<Rolle, string>;
  for (const rolle of ROLLER) noegler[rolle] = await opretNoegle(db, `test-${rolle}`, rolle, "test");
  const lav = (d: Database) =>
    createApp({
      db: d,
      logger: stille,
      editorDist: null,
      authFejl: { graense: 100_000, vindueMs: 60_000 },
      beregner: beregnerTil(d),
      ...valg,
    });
  const s: TestServer = { app: lav(db), db, noegler, ryd };
  if (andenForbindelse) {
    s.andenServer = async () => {
      const d = await andenForbindelse();
      return { app: lav(d), luk: () => d.close() };
    };
  }
  return s;
}

export interface ToServere {
  s: TestServer;
  /** A second app on its own connection pool to the same PostgreSQL database. */
  anden: { app: Express; luk(): Promise<void> };
}

/**
 * Two servers on one PostgreSQL database for the surrounding describe: started before its tests,
 * closed after them. The fields are filled in `beforeAll`, so read them inside the tests.
 */
export function toServere(backend: Backend): ToServere {
  const t = {} as ToServere;
  beforeAll(async () => {
    t.s = await startTestServer(backend);
    if (!t.s.andenServer) throw new Error("PostgreSQL-backend uden anden forbindelse");
    t.anden = await t.s.andenServer();
  });
  afterAll(async () => {
    await t.anden?.luk();
    await t.s?.ryd();
  });
  return t;
}

let taeller = 0;
/** A målgruppe id no other test in the file uses. */
export const unikMaalgruppe = (prefiks = "m") => `${prefiks}-${process.pid}-${++taeller}`;

export function vurderingsgrundlag(
  maalgruppe: string,
  overrides: Partial<Vurderingsgrundlag> = {},
): Vurderingsgrundlag {
  return leverandoer({ maalgruppe, ...overrides });
}

/** All eight synthetic parameters at højt: 12 citizens (the thresholds are 1, 5, 10). */
export const hoejLeverandoer = (maalgruppe: string, id = "L-hoej") =>
  vurderingsgrundlag(maalgruppe, {
    leverandoer: { id, navn: "Højt", type: "botilbud" },
    borgere: { let: 0, moderat: 0, hoej: 12 },
  });

/** 6 citizens: every parameter at moderat. */
export const moderatLeverandoer = (maalgruppe: string, id = "L-moderat") =>
  vurderingsgrundlag(maalgruppe, {
    leverandoer: { id, navn: "Moderat", type: "botilbud" },
    borgere: { let: 0, moderat: 6, hoej: 0 },
  });

export function gyldigtTesttilfaelde(maalgruppe: string): Testtilfaelde {
  return {
    navn: "Tolv borgere giver højt",
    vurderingsgrundlag: hoejLeverandoer(maalgruppe) as unknown as Testtilfaelde["vurderingsgrundlag"],
    forventet: { niveau: "hoej" },
  };
}

/** A small valid regelsæt (eight parameters decided by the number of citizens) with one passing golden case. */
export function testRegelsaet(maalgruppe: string, aendr: (r: Regelsaet) => void = () => {}): Regelsaet {
  const r = syntetiskRegelsaet();
  r.maalgruppe = maalgruppe;
  r.titel = `Test ${maalgruppe}`;
  r.testtilfaelde = [gyldigtTesttilfaelde(maalgruppe)];
  aendr(r);
  return r;
}

export const auth = (noegle: string) => ({ Authorization: `Bearer ${noegle}` });

/** Saves a draft (creating it) and publishes it; returns the new version number. */
export async function publicer(s: TestServer, r: Regelsaet, note = "Test"): Promise<number> {
  const agent = request(s.app);
  const eksisterende = await agent.get(`/api/v1/regelsaet/${r.maalgruppe}/kladde`).set(auth(s.noegler.forfatter));
  const put = agent.put(`/api/v1/regelsaet/${r.maalgruppe}/kladde`).set(auth(s.noegler.forfatter));
  if (eksisterende.status === 200) put.set("If-Match", String(eksisterende.headers.etag));
  const gemt = await put.send(r);
  if (gemt.status !== 200 && gemt.status !== 201)
    throw new Error(`kladde: ${gemt.status} ${JSON.stringify(gemt.body)}`);
  const p = await agent
    .post(`/api/v1/regelsaet/${r.maalgruppe}/publicer`)
    .set(auth(s.noegler.forfatter))
    .send({ note });
  if (p.status !== 201) throw new Error(`publicer: ${p.status} ${JSON.stringify(p.body)}`);
  return p.body.version as number;
}
