// Disk per stored decision, old way vs compact (issue 15): N generated autisme providers (about
// 20 staff each) evaluated once, stored first the way the API stored them before migration 002
// (input JSON + the full explained result, ~25 kB per row before TOAST compression), then —
// after TRUNCATE — the way it stores them now (api/indplacering.ts's batch path: canonical input,
// levels, the result's SHA-256). Prints pg_total_relation_size('indplaceringer') (table, TOAST
// and indexes) for both, and the time spent storing.
// Usage: npm run bench:lager [-- --antal 100000] [-- --postgres URL] (a fresh schema there)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { ROD } from "../api/app.js";
import { type Database, openPglite, openPostgres } from "../api/db/database.js";
import { migrer } from "../api/db/migrate.js";
import { Indplacerer } from "../api/indplacering.js";
import { RegelsaetCache } from "../api/motor.js";
import { indlaesPilotRegelsaet } from "../api/seed.js";
import { indplacerSync } from "../engine/index.js";
import { genererLeverandoerer } from "../scripts/eksempel-generator.js";

const { values } = parseArgs({
  options: { antal: { type: "string", default: "100000" }, postgres: { type: "string" } },
});
const ANTAL = Number(values.antal);
const BLOK = 1000;

const mappe = mkdtempSync(join(tmpdir(), "bench-lager-"));
const db: Database = values.postgres
  ? await openPostgres(values.postgres, { schema: `bench_lager_${process.pid}_${Date.now()}` })
  : await openPglite(join(mappe, "pglite"));
const database = values.postgres ? "PostgreSQL" : "PGlite";
try {
  await migrer(db);
  await indlaesPilotRegelsaet(db, join(ROD, "rulesets"), pino({ level: "silent" }));
  const cache = new RegelsaetCache();
  const kilde = await cache.version(db, "autisme");
  if (!kilde) throw new Error("bench: the autisme regelsæt was not published");
  const blokke = function* () {
    for (let start = 0; start < ANTAL; start += BLOK) {
      yield genererLeverandoerer(Math.min(BLOK, ANTAL - start), {
        seed: 20211 + start,
        maalgruppe: "autisme",
        medarbejdere: 20,
      });
    }
  };
  const stoerrelse = async () =>
    Number(
      (await db.query<{ b: string }>("SELECT pg_total_relation_size('indplaceringer')::text AS b")).rows[0]?.b ?? 0,
    );

  // Old way: the 001 INSERT with the full result, 100 rows per statement.
  let gammelMs = 0;
  let n = 0;
  for (const lev of blokke()) {
    const raekker = lev.map((vg) => {
      const r = indplacerSync(kilde.forberedt, vg, { version: kilde.version ?? 0, kladde: false });
      return [
        crypto.randomUUID(),
        "autisme",
        kilde.version,
        false,
        kilde.hash,
        vg.leverandoer.id,
        r.niveau,
        JSON.stringify(vg),
        JSON.stringify(r),
        "bench",
      ];
    });
    const t = performance.now();
    for (let i = 0; i < raekker.length; i += 100) {
      const del = raekker.slice(i, i + 100);
      await db.query(
        `INSERT INTO indplaceringer (id, maalgruppe, version, kladde, hash, leverandoer_id, niveau,
                                     vurderingsgrundlag, resultat, noegle)
         VALUES ${del.map((_, j) => `(${Array.from({ length: 10 }, (_, k) => `$${j * 10 + k + 1}`).join(", ")})`).join(", ")}`,
        del.flat(),
      );
    }
    gammelMs += performance.now() - t;
    n += lev.length;
  }
  const gammel = await stoerrelse();
  await db.query("TRUNCATE indplaceringer");

  // Compact: the API's own batch path (evaluation, canonical input, hash, one INSERT per 100).
  let nyMs = 0;
  const ip = new Indplacerer(db, cache, { kladde: false }, "bench");
  for (const lev of blokke()) {
    const t = performance.now();
    for (let i = 0; i < lev.length; i++) {
      await ip.tilfoej(lev[i], i);
      if (ip.antalVentende === 100) await ip.gem();
    }
    if (ip.antalVentende > 0) await ip.gem();
    nyMs += performance.now() - t;
  }
  const ny = await stoerrelse();
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM indplaceringer WHERE resultat IS NULL AND resultat_sha256 IS NOT NULL",
  );
  const mb = (b: number) => `${(b / 1024 / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
  console.log(`${n} autisme decisions on ${database}, pg_total_relation_size('indplaceringer'):`);
  console.log(`| storage | size | bytes per decision | time to store |`);
  console.log(`|---|---:|---:|---:|`);
  console.log(
    `| before migration 002 (input + full result) | ${mb(gammel)} | ${Math.round(gammel / n)} | ${(gammelMs / 1000).toFixed(1)} s (inserts only) |`,
  );
  console.log(
    `| compact (input + levels + SHA-256) | ${mb(ny)} | ${Math.round(ny / n)} | ${(nyMs / 1000).toFixed(1)} s (incl. evaluation + hash) |`,
  );
  console.log(
    `compact / old: ${((ny / gammel) * 100).toFixed(1)} % (target < 30 %: ${ny < 0.3 * gammel ? "met" : "NOT met"}); ${rows[0]?.n} compact rows`,
  );
} finally {
  await db.close();
  rmSync(mappe, { recursive: true, force: true });
}
process.exit(0);
