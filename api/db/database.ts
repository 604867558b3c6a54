// One database interface over the embedded PostgreSQL (PGlite) and a PostgreSQL server (pg), so
// that the stores, the migrations and the tests are written once for both.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readdir, rename, rm, rmdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { lever } from "../lokal.js";
import { PgliteTraad } from "./pglite-klient.js";

export interface Resultat<T> {
  rows: T[];
  rowCount: number;
}

export interface Forespoergsel {
  /**
   * @param navn a name for a statement whose text never changes: a PostgreSQL server parses and
   *   plans it once per connection (a named prepared statement). The embedded database ignores it.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], navn?: string): Promise<Resultat<T>>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * Whether this process may keep answers read from the keys and versions tables (api/store/
 * eneopslag.ts), and a counter that moves whenever another writer may have changed them.
 */
export interface Aendringer {
  /** True while every change by another writer is known to reach `generation`. */
  readonly aktiv: boolean;
  readonly generation: number;
}

export interface Database extends Forespoergsel {
  readonly slags: "pglite" | "postgres";
  /** Changes by other writers to keys and versions; absent: answers are never kept. */
  readonly aendringer?: Aendringer;
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Forespoergsel) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Memory of the embedded database (issue 5/6: a 100,000-provider batch under 1 GB of RSS).
// PGlite's WebAssembly module asks for at least 128 MB of memory, and initdb writes a 128 MB
// buffer pool into postgresql.conf, which the server allocates and touches on top of that at
// start (RSS 300 MB before the first query). Pages outside the pool are one read() away in the
// OS page cache, since the data folder is a plain folder on disk; measured on 120,000 stored
// decisions (800 MB), point lookups, index lookups and inserts were as fast with 32 MB as with
// 128 MB. The setting goes on the command line too, so that databases made earlier use it.
const SHARED_BUFFERS = "shared_buffers=32MB";
const START_PARAMS = [...PGlite.defaultStartParams, "-c", SHARED_BUFFERS];
/** PGlite's options, the same for the database's thread and the child that creates a new one. */
const PGLITE_VALG = { startParams: START_PARAMS, initDbStartParams: ["-c", SHARED_BUFFERS] };

/**
 * The embedded database: in memory when `dataDir` is undefined, else in that folder. PGlite runs
 * in a thread of its own (api/db/pglite-traad.ts), so its WebAssembly work — every stored
 * decision's INSERT — runs beside the HTTP thread instead of between its requests.
 */
export async function openPglite(dataDir?: string): Promise<PgliteTraad> {
  if (dataDir) await rydForladteOprettelser(dataDir);
  if (dataDir && !findes(dataDir)) await opret(dataDir);
  return PgliteTraad.start({ dataDir, valg: PGLITE_VALG });
}

/** False when `dataDir` is missing or an empty folder, the cases in which PGlite would run initdb. */
function findes(dataDir: string): boolean {
  return existsSync(dataDir) && (existsSync(join(dataDir, "PG_VERSION")) || readdirSync(dataDir).length > 0);
}

// PGlite makes a new database by running initdb against a second PGlite instance, copying that
// instance's whole WebAssembly memory as a snapshot and moving the result over as a tar: a peak
// of about 750 MB RSS, most of which the process keeps after the instance has closed. So a new
// database is made in a short-lived child process, in a folder beside the target that is renamed
// into place only once it is complete (a crash half-way leaves no half-made database behind).
// The folder is the child's own, `<dataDir>.ny-<child pid>-<random>`: a child orphaned by a killed
// server keeps writing for a few seconds (initdb blocks its event loop), and a restart must neither
// delete a folder under it nor build in it. Folders whose child has ended are removed at the next open.
const OPRET = `
const { PGlite } = await import("@electric-sql/pglite");
const [praefiks, token, valg] = process.argv.slice(1);
const db = new PGlite(praefiks + "-" + process.pid + "-" + token, JSON.parse(valg));
await db.waitReady;
await db.close();
`;

async function opret(dataDir: string): Promise<void> {
  await mkdir(dirname(dataDir), { recursive: true });
  const token = randomBytes(6).toString("hex");
  const barn = promisify(execFile)(
    process.execPath,
    ["--input-type=module", "-e", OPRET, `${dataDir}.ny`, token, JSON.stringify(PGLITE_VALG)],
    {
      // From this folder the child resolves @electric-sql/pglite as this module does.
      cwd: fileURLToPath(new URL(".", import.meta.url)),
      maxBuffer: 1024 * 1024,
    },
  );
  // The child is node itself (no shell), so its pid is the one it names its folder with.
  const ny = `${dataDir}.ny-${barn.child.pid}-${token}`;
  try {
    await barn;
  } catch (e) {
    await rm(ny, { recursive: true, force: true });
    const { stderr } = e as { stderr?: string };
    throw new Error(`Database: could not create the embedded database in ${dataDir}: ${stderr || String(e)}`);
  }
  if (existsSync(dataDir)) await rmdir(dataDir);
  await rename(ny, dataDir);
}

/**
 * Removes the creation folders beside `dataDir` that no running process writes in: those of
 * children that have ended (killed, or finished after their server was killed), and the plain
 * `<dataDir>.ny` of earlier versions. What cannot be removed now is tried again at the next open.
 */
async function rydForladteOprettelser(dataDir: string): Promise<void> {
  const mappe = dirname(dataDir);
  const praefiks = `${basename(dataDir)}.ny`;
  const navne = await readdir(mappe).catch(() => [] as string[]);
  for (const navn of navne) {
    if (!navn.startsWith(praefiks)) continue;
    const ejer = /^-(\d+)-[0-9a-f]+$/.exec(navn.slice(praefiks.length));
    if (navn !== praefiks && !ejer) continue;
    if (ejer && lever(Number(ejer[1]))) continue;
    await rm(join(mappe, navn), { recursive: true, force: true }).catch(() => {});
  }
}

export interface PostgresValg {
  /** Schema to create (if missing) and use as search_path; the tests isolate each file this way. */
  schema?: string;
  max?: number;
}

/** A pool of connections to a PostgreSQL server. */
export async function openPostgres(connectionString: string, valg: PostgresValg = {}): Promise<Database> {
  const { schema } = valg;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`Database: invalid schema name '${schema}'`);
  }
  if (schema) {
    const c = new pg.Client({ connectionString });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await c.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max: valg.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const lytter = new Lytter(connectionString, schema, (kanal, tekst) =>
    pool.query("SELECT pg_notify($1, $2)", [kanal, tekst]),
  );
  await lytter.start();
  const query = async <T>(
    q: pg.Pool | pg.PoolClient,
    sql: string,
    params?: unknown[],
    navn?: string,
  ): Promise<Resultat<T>> => {
    const r = await q.query(navn ? { name: navn, text: sql, values: params } : { text: sql, values: params });
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  };
  return {
    slags: "postgres",
    aendringer: lytter,
    query: (sql, params, navn) => query(pool, sql, params, navn),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const ud = await fn({
          query: (sql, params, navn) => query(client, sql, params, navn),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query("COMMIT");
        return ud;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: async () => {
      await lytter.stop();
      await pool.end();
    },
  };
}

/** The channel migration 006 notifies on, with the changed table's schema as payload. */
const KANAL = "specialiseringsmodel_opslag";
/** The listening connection's `application_name`, to find it in `pg_stat_activity`. */
export const lytterNavn = (schema: string | undefined) =>
  `specialiseringsmodel-lytter${schema ? `:${schema}` : ""}`.slice(0, 63);

export interface LytterValg {
  /** Wait before reconnecting a lost listening connection. */
  genforbindMs: number;
  /** How often a heartbeat is sent through another connection, and how long it may take to arrive. */
  hjerteslagMs: number;
  hjerteslagFristMs: number;
}

const LYTTER_VALG: LytterValg = { genforbindMs: 1000, hjerteslagMs: 15_000, hjerteslagFristMs: 5000 };

/**
 * One connection outside the pool that LISTENs for changes to keys and versions made by any
 * writer on the server (the trigger of migration 006). Active only while it is connected,
 * listening and hearing its heartbeat — a NOTIFY sent through another connection (`send`) every
 * `hjerteslagMs`: a connection that died silently (an idle timeout on the way, a failover without
 * a reset) or that cannot hear notifications (a transaction-mode pooler) fails it. While inactive
 * nothing is kept (every read goes to the database) and it reconnects.
 */
export class Lytter implements Aendringer {
  aktiv = false;
  generation = 0;
  private klient: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private hjerteslag: NodeJS.Timeout | undefined;
  private ventetSlag: { tekst: string; frist: NodeJS.Timeout } | undefined;
  private stoppet = false;

  constructor(
    private readonly connectionString: string,
    private readonly schema: string | undefined,
    /** Sends a NOTIFY on another connection (the pool). */
    private readonly send: (kanal: string, tekst: string) => Promise<unknown>,
    private readonly valg: LytterValg = LYTTER_VALG,
  ) {}

  async start(): Promise<void> {
    const klient = new pg.Client({
      connectionString: this.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      application_name: lytterNavn(this.schema),
      ...(this.schema ? { options: `-c search_path=${this.schema}` } : {}),
    });
    this.klient = klient;
    klient.on("error", () => this.tabt(klient));
    klient.on("end", () => this.tabt(klient));
    try {
      await klient.connect();
      const { rows } = await klient.query<{ s: string | null }>("SELECT current_schema() AS s");
      const mit = rows[0]?.s ?? null;
      klient.on("notification", (b) => {
        if (b.channel !== KANAL) return;
        const ventet = this.ventetSlag;
        if (ventet && b.payload === ventet.tekst) {
          clearTimeout(ventet.frist);
          this.ventetSlag = undefined;
        } else if (!b.payload?.startsWith("hjerteslag:") && (mit === null || b.payload === mit)) {
          this.generation++;
        }
      });
      await klient.query(`LISTEN ${KANAL}`);
      if (this.klient !== klient || this.stoppet) return;
      this.generation++;
      this.aktiv = true;
      this.hjerteslag = setInterval(() => this.slag(klient), this.valg.hjerteslagMs);
      this.hjerteslag.unref();
    } catch {
      this.tabt(klient);
    }
  }

  /** Sends one heartbeat; the connection counts as lost if it has not arrived within the deadline. */
  private slag(klient: pg.Client): void {
    if (this.klient !== klient || this.ventetSlag) return;
    const tekst = `hjerteslag:${randomBytes(8).toString("hex")}`;
    const frist = setTimeout(() => this.tabt(klient), this.valg.hjerteslagFristMs);
    frist.unref();
    this.ventetSlag = { tekst, frist };
    this.send(KANAL, tekst).catch(() => {});
  }

  private tabt(klient: pg.Client): void {
    if (this.klient !== klient) return;
    this.klient = undefined;
    this.aktiv = false;
    this.generation++;
    this.stopHjerteslag();
    klient.end().catch(() => {});
    if (this.stoppet || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stoppet) void this.start();
    }, this.valg.genforbindMs);
    this.timer.unref();
  }

  private stopHjerteslag(): void {
    if (this.hjerteslag) clearInterval(this.hjerteslag);
    if (this.ventetSlag) clearTimeout(this.ventetSlag.frist);
    this.hjerteslag = undefined;
    this.ventetSlag = undefined;
  }

  async stop(): Promise<void> {
    this.stoppet = true;
    this.aktiv = false;
    this.stopHjerteslag();
    if (this.timer) clearTimeout(this.timer);
    const klient = this.klient;
    this.klient = undefined;
    await klient?.end().catch(() => {});
  }
}

/** PostgreSQL's SQLSTATE of a database error, if it is one. */
export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export const UNIQUE_VIOLATION = "23505";
