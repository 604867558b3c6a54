// Backup of the embedded database:  npm run backup -- <fil>
// Takes DATA_DIR's lock (so it refuses while a server or the key command has the database open),
// writes PGlite's data directory as a gzipped tar (dumpDataDir) to <fil> via a temporary file, and
// releases the lock. With DATABASE_URL the database belongs to PostgreSQL: use pg_dump (below).
import { rename, rm, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { laesKonfiguration } from "../api/konfiguration.js";
import { filer, LaasOptaget, tagLaas } from "../api/lokal.js";

export const PG_DUMP_VEJLEDNING = `Med DATABASE_URL ligger data i PostgreSQL; brug PostgreSQL's egne værktøjer:
  pg_dump --format=custom --file=<fil> "$DATABASE_URL"                          # backup (serveren må køre)
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" <fil>      # restore (stop serverne først)`;

/** Writes a backup of DATA_DIR's embedded database to `fil`; returns its size in bytes. */
export async function tagBackup(dataDir: string, fil: string): Promise<number> {
  const frigiv = await tagLaas(dataDir, "noegle");
  try {
    const db = new PGlite(filer(dataDir).pglite);
    await db.waitReady;
    let data: Buffer;
    try {
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM skema_migreringer");
      if (!rows[0]?.n) throw new Error(`Backup: ${dataDir} har ingen migreret database.`);
      data = Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
    } finally {
      await db.close();
    }
    const midlertidig = `${fil}.${process.pid}.tmp`;
    try {
      await writeFile(midlertidig, data, { mode: 0o600 });
      await rename(midlertidig, fil);
    } catch (e) {
      await rm(midlertidig, { force: true });
      throw e;
    }
    return data.length;
  } finally {
    await frigiv();
  }
}

async function main() {
  const config = laesKonfiguration();
  const fil = process.argv[2];
  if (config.databaseUrl) {
    console.error(PG_DUMP_VEJLEDNING);
    process.exit(2);
  }
  if (!fil || process.argv.length > 3) {
    console.error("Brug: npm run backup -- <fil>   (DATA_DIR vælger databasen; standard ./data)");
    process.exit(2);
  }
  try {
    const bytes = await tagBackup(config.dataDir, fil);
    console.log(`Backup af ${config.dataDir} skrevet til ${fil} (${bytes} bytes).`);
  } catch (e) {
    if (e instanceof LaasOptaget) {
      console.error(`${e.message} Stop serveren før backup, eller brug pg_dump-vejen med DATABASE_URL.`);
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
