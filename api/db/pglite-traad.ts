// The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) runs here, off
// the thread that serves HTTP, so that a decision's INSERT, a konsekvensanalyse's bulk read or a
// migration never holds up requests that only evaluate (api/db/database.ts, `openPglite`).
// Messages in: {id, op, sql?, params?, tx?}; out: {id, ok} or {id, fejl}. A transaction is one
// PGlite transaction held open here until the other thread commits or rolls it back; statements
// outside it wait for it, as PGlite's own lock has them do in one thread.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type PGliteOptions, type Transaction } from "@electric-sql/pglite";

export type Besked =
  | { id: number; op: "query"; sql: string; params?: unknown[]; tx?: number }
  | { id: number; op: "exec"; sql: string; tx?: number }
  | { id: number; op: "begin"; tx: number }
  | { id: number; op: "commit" | "rollback"; tx: number }
  | { id: number; op: "close" };

export type Svar = { id: number; ok: unknown } | { id: number; fejl: SerialiseretFejl };

/** An error as it crosses threads: its message and every own field (a database error's `code`, `detail` …). */
export interface SerialiseretFejl {
  message: string;
  felter: Record<string, unknown>;
}

export interface TraadData {
  dataDir: string | undefined;
  valg: PGliteOptions;
}

const port = parentPort;
if (!port) throw new Error("Database: pglite-traad must run in a worker thread");
const { dataDir, valg } = workerData as TraadData;

function serialiser(e: unknown): SerialiseretFejl {
  if (!(e instanceof Error)) return { message: String(e), felter: {} };
  const felter: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === undefined || typeof v === "function" || (typeof v === "object" && v !== null)) continue;
    felter[k] = v;
  }
  return { message: e.message, felter: { ...felter, name: e.name } };
}

/** An open transaction: its PGlite handle and how to end it. */
interface Aaben {
  tx: Transaction;
  slut: (commit: boolean) => void;
  afsluttet: Promise<void>;
}

const aabne = new Map<number, Aaben>();
let db: PGlite;
try {
  db = new PGlite({ ...valg, dataDir });
  await db.waitReady;
  port.postMessage({ id: 0, ok: "klar" } satisfies Svar);
} catch (e) {
  port.postMessage({ id: 0, fejl: serialiser(e) } satisfies Svar);
  process.exit(1);
}

/** Starts a transaction and resolves once it is open; it stays open until `slut` is called. */
function begynd(nr: number): Promise<void> {
  return new Promise<void>((aabnet, fejlede) => {
    let slut: (commit: boolean) => void = () => {};
    const ende = new Promise<boolean>((ok) => {
      slut = ok;
    });
    const afsluttet = db
      .transaction(async (tx) => {
        aabne.set(nr, { tx, slut, afsluttet });
        aabnet();
        if (!(await ende)) await tx.rollback();
      })
      .finally(() => aabne.delete(nr));
    // A failure to open reaches the caller of begin; a failure at commit, the caller of commit.
    afsluttet.catch(fejlede);
  });
}

async function udfoer(b: Besked): Promise<unknown> {
  switch (b.op) {
    case "query": {
      const q = b.tx === undefined ? db : aaben(b.tx).tx;
      const r = await q.query(b.sql, b.params as never[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    }
    case "exec":
      await (b.tx === undefined ? db : aaben(b.tx).tx).exec(b.sql);
      return null;
    case "begin":
      await begynd(b.tx);
      return null;
    case "commit":
    case "rollback": {
      const a = aaben(b.tx);
      // Closed for further statements at once, not only once PGlite has finished.
      aabne.delete(b.tx);
      a.slut(b.op === "commit");
      await a.afsluttet;
      return null;
    }
    case "close":
      await db.close();
      return null;
  }
}

function aaben(nr: number): Aaben {
  const a = aabne.get(nr);
  if (!a) throw new Error(`Database: transaction ${nr} is not open`);
  return a;
}

/** Answers message `id`; an answer that cannot be sent (no such column type today) becomes an error. */
function svar(id: number, udfald: { ok: unknown } | { fejl: SerialiseretFejl }): void {
  try {
    port?.postMessage({ id, ...udfald } as Svar);
  } catch (e) {
    port?.postMessage({ id, fejl: serialiser(e) } satisfies Svar);
  }
}

port.on("message", (b: Besked) => {
  udfoer(b).then(
    (ok) => svar(b.id, { ok }),
    (e: unknown) => svar(b.id, { fejl: serialiser(e) }),
  );
});
