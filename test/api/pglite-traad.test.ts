// The embedded database runs in a thread of its own (api/db/pglite-traad.ts): its errors keep
// PostgreSQL's fields, transactions keep their meaning across the thread, the HTTP thread's
// event loop runs while a statement works, a parameter that cannot cross is an error, a stopped
// thread fails every query clearly instead of leaving it hanging (and tells the server, which
// exits to be restarted), and an idle database does not keep a process alive.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROD } from "../../api/app.js";
import { type Database, openPglite, sqlState, UNIQUE_VIOLATION } from "../../api/db/database.js";

describe("den indlejrede databases tråd", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite();
    await db.exec("CREATE TABLE t (id integer PRIMARY KEY, tekst text NOT NULL)");
  });
  afterAll(() => db.close());

  it("en databasefejl beholder SQLSTATE, constraint og detalje på tværs af tråden", async () => {
    await db.query("INSERT INTO t VALUES ($1, $2)", [1, "en"]);
    const fejl = await db.query("INSERT INTO t VALUES ($1, $2)", [1, "igen"]).catch((e: unknown) => e);
    expect(fejl).toBeInstanceOf(Error);
    expect(sqlState(fejl)).toBe(UNIQUE_VIOLATION);
    expect(fejl).toMatchObject({ constraint: "t_pkey", detail: "Key (id)=(1) already exists." });
    await expect(db.query("SELECT * FROM findes_ikke")).rejects.toThrow('relation "findes_ikke" does not exist');
  });

  it("værdier krydser tråden med deres typer", async () => {
    const { rows } = await db.query<{ n: number; b: boolean; d: Date; s: string; x: null }>(
      "SELECT 42 AS n, true AS b, '2026-12-06T10:00:00Z'::timestamptz AS d, $1::text AS s, NULL AS x",
      ["æøå \u{1F600}"],
    );
    expect(rows).toEqual([{ n: 42, b: true, d: new Date("2026-12-06T10:00:00Z"), s: "æøå \u{1F600}", x: null }]);
  });

  it("en transaktion, der kaster, rulles tilbage; en der lykkes, ses helt", async () => {
    const boom = db.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (2, 'to')");
      throw new Error("afbrudt");
    });
    await expect(boom).rejects.toThrow("afbrudt");
    const ok = await db.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (3, 'tre')");
      await tx.exec("INSERT INTO t VALUES (4, 'fire')");
      return (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM t")).rows[0]?.n;
    });
    expect(ok).toBe(3);
    const { rows } = await db.query<{ id: number }>("SELECT id FROM t ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual([1, 3, 4]);
  });

  it("et udsagn uden for en åben transaktion venter på den og ser dens resultat", async () => {
    let aabnet!: () => void;
    const erAaben = new Promise<void>((r) => {
      aabnet = r;
    });
    let fortsaet!: () => void;
    const maaFortsaette = new Promise<void>((r) => {
      fortsaet = r;
    });
    const tx = db.transaction(async (t) => {
      await t.query("SELECT 1");
      aabnet();
      await maaFortsaette;
      await t.query("INSERT INTO t VALUES (5, 'fem')");
    });
    await erAaben;
    // Sent while the transaction is open and before its INSERT: run at once (PGlite has one
    // session) it would count 0; it waits for the commit and counts 1.
    const udenfor = db.query<{ n: number }>("SELECT count(*)::int AS n FROM t WHERE id = 5");
    await new Promise((r) => setTimeout(r, 50));
    fortsaet();
    await tx;
    expect((await udenfor).rows[0]?.n).toBe(1);
  });

  it("en fejl ved commit når transaktionens kalder med sine felter, og intet er gemt", async () => {
    await db.exec("CREATE TABLE u (a integer, CONSTRAINT u_unik UNIQUE (a) DEFERRABLE INITIALLY DEFERRED)");
    const fejl = await db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO u VALUES (1), (1)");
      })
      .catch((e: unknown) => e);
    expect(sqlState(fejl)).toBe(UNIQUE_VIOLATION);
    expect(fejl).toMatchObject({ constraint: "u_unik" });
    expect((await db.query("SELECT count(*)::int AS n FROM u")).rows).toEqual([{ n: 0 }]);
  });

  it("en parameter, der ikke kan sendes til tråden, afvises som fejl, og databasen virker videre", async () => {
    await expect(db.query("SELECT $1::text AS s", [Symbol("x")])).rejects.toThrow("cannot be sent to the database");
    await expect(db.query("SELECT $1::text AS s", [() => 1])).rejects.toThrow("cannot be sent to the database");
    expect((await db.query("SELECT 'ok' AS s")).rows).toEqual([{ s: "ok" }]);
  });

  it("en kopi med spread beholder alle metoder, som et almindeligt objekt ville", async () => {
    const kopi: Database = { ...db, query: (sql, params) => db.query(sql, params) };
    expect(await kopi.transaction(async (tx) => (await tx.query<{ n: number }>("SELECT 3 AS n")).rows[0]?.n)).toBe(3);
    const { exec } = db;
    await exec("SELECT 1");
  });

  it("HTTP-trådens event loop kører, mens databasen arbejder", async () => {
    let slag = 0;
    const ur = setInterval(() => slag++, 10);
    try {
      await db.query("SELECT pg_sleep(0.4)");
    } finally {
      clearInterval(ur);
    }
    // In the same thread, PGlite's WebAssembly would have held the event loop for all 400 ms (0 ticks).
    expect(slag).toBeGreaterThanOrEqual(10);
  });
});

describe("når tråden er stoppet", () => {
  it("fejler ventende og senere forespørgsler med en klar besked", async () => {
    const db = await openPglite();
    const stop: string[] = [];
    db.naarTraadenStopper((e) => stop.push(e.message));
    const traad = (db as unknown as { traad: { terminate(): Promise<number> } }).traad;
    const ventende = db.query("SELECT pg_sleep(5)");
    await new Promise((r) => setTimeout(r, 100));
    await traad.terminate();
    await expect(ventende).rejects.toThrow("the embedded database's thread has stopped");
    await expect(db.query("SELECT 1")).rejects.toThrow("the embedded database's thread has stopped");
    // The server is told once, so that it can exit and be restarted (api/main.ts).
    expect(stop).toEqual([expect.stringContaining("the embedded database's thread has stopped")]);
    await db.close();
  });

  it("en forespørgsel efter close fejler med en klar besked", async () => {
    const db = await openPglite();
    const stop: string[] = [];
    db.naarTraadenStopper((e) => stop.push(e.message));
    await db.close();
    await expect(db.query("SELECT 1")).rejects.toThrow("the embedded database is closed");
    // A close is no crash: the server is not told to exit.
    expect(stop).toEqual([]);
    await db.close();
  });

  it("en proces med egne Node-tilvalg, der ikke lukker databasen, slutter alligevel, når den intet venter på", () => {
    const kode = `const { openPglite } = await import(process.argv[1]);
const db = await openPglite();
const { rows } = await db.query("SELECT 7 AS n");
console.log(rows[0].n);`;
    const r = spawnSync(
      process.execPath,
      // Options a thread refuses (a V8 memory flag, `--input-type` of `-e`) must not stop it.
      ["--max-semi-space-size=32", "--import", "tsx", "--input-type=module", "-e", kode, `${ROD}/api/db/database.ts`],
      { cwd: ROD, encoding: "utf8", timeout: 60_000 },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("7");
    expect(r.status).toBe(0);
  });
});
