// Answers to reads that change only with a write to the keys or versions table, kept in memory.
//
// Every write this process makes that can change an answer runs through `skriv`: the answers are
// dropped when it starts and again when it ends, and no answer read while a write was running is
// kept. A read therefore never sees an answer older than the last committed write of this
// process — a revoked key stops working, a new version is used, the moment the write is
// acknowledged.
//
// Writes by others are known through the database's `aendringer` (api/db/database.ts): on the
// embedded database there are none (api/lokal.ts locks its folder for one process); on a
// PostgreSQL server, shared by several API processes and open to an operator's psql, a trigger on
// both tables notifies every listening process at commit (migration 006), which drops its
// answers when the notification arrives — milliseconds after the other writer's commit. While
// that listening connection is down nothing is kept and every read goes to the database. A read
// whose answer must not lag another process even by those milliseconds asks for a fresh one
// (`hent(…, frisk)`), or has its answer re-checked by the write it leads to (api/store/noegler.ts).
import type { Aendringer, Database, Forespoergsel } from "../db/database.js";

/** Keep answers always: for reads whose rows never change (a published version's head). */
export const ALTID: Aendringer = { aktiv: true, generation: 0 };

export class Eneopslag<V> {
  private readonly svar = new Map<string, V>();
  private generation = 0;
  private skrivende = 0;
  /** The others' generation the kept answers were read under. */
  private deres = 0;

  /**
   * @param aendringer others' changes; undefined: answers are never kept
   * @param max most answers kept; all are dropped when it is reached (keys are a few, attackers
   *   cannot add any: only found answers are kept)
   */
  constructor(
    private readonly aendringer: Aendringer | undefined,
    private readonly max = 1000,
  ) {}

  /**
   * The kept answer for `noegle`, else `laes()`; an undefined answer (not found) is never kept.
   * `frisk`: always `laes()` (the answer read is still kept for others).
   */
  async hent(noegle: string, laes: () => Promise<V | undefined>, frisk = false): Promise<V | undefined> {
    if (this.kanGemme() && !frisk) {
      const v = this.svar.get(noegle);
      if (v !== undefined) return v;
    }
    const foer = this.generation;
    const deresFoer = this.aendringer?.generation;
    const v = await laes();
    // Not found any more (a key revoked elsewhere, its notification still on the way): forget it.
    if (v === undefined) this.svar.delete(noegle);
    if (v !== undefined && this.kanGemme() && foer === this.generation && deresFoer === this.deres) {
      if (this.svar.size >= this.max) this.svar.clear();
      this.svar.set(noegle, v);
    }
    return v;
  }

  /** Whether answers may be kept and read now; drops them when another writer has changed data. */
  private kanGemme(): boolean {
    const a = this.aendringer;
    if (!a?.aktiv || this.skrivende > 0) return false;
    if (a.generation !== this.deres) {
      this.deres = a.generation;
      this.glem();
    }
    return true;
  }

  /** Runs a write that may change answers; see the header. */
  async skriv<T>(fn: () => Promise<T>): Promise<T> {
    this.glem();
    this.skrivende++;
    try {
      return await fn();
    } finally {
      this.skrivende--;
      this.glem();
    }
  }

  private glem(): void {
    this.generation++;
    this.svar.clear();
  }
}

/**
 * When answers may be kept: `altid` for rows that never change; `ved-besked` while the database
 * tells of others' writes (the embedded database, or a PostgreSQL server whose notifications are
 * being received).
 */
export type Hold = "altid" | "ved-besked";

/** One set of kept answers per database, for one kind of read. */
export class Opslagsregister<V> {
  private readonly pr = new WeakMap<Database, Eneopslag<V>>();

  constructor(private readonly hold: Hold) {}

  for(db: Database): Eneopslag<V> {
    let e = this.pr.get(db);
    if (!e) {
      e = new Eneopslag<V>(this.hold === "altid" ? ALTID : db.aendringer);
      this.pr.set(db, e);
    }
    return e;
  }

  /** A transaction whose writes may change the kept answers (see `skriv`). */
  transaktion<T>(db: Database, fn: (tx: Forespoergsel) => Promise<T>): Promise<T> {
    return this.for(db).skriv(() => db.transaction(fn));
  }
}
