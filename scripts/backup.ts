// Backup of the embedded database:  npm run backup -- <fil>
// Takes DATA_DIR's lock as "backup" (so it refuses while a server, the key command or a restore has
// the database open), writes PGlite's data directory as a gzipped tar (dumpDataDir) to <fil> via a
// temporary file, and releases the lock. With DATABASE_URL the database belongs to PostgreSQL: use pg_dump (below).
import { rename, rm, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { filer, tagLaas } from "../api/lokal.js";
import { koerPgliteKommando, tjekMigreret } from "./pglite-kommando.js";

export { PG_DUMP_VEJLEDNING } from "./pglite-kommando.js";

/** Writes a backup of DATA_DIR's embedded database to `fil`; returns its size in bytes. */
export async function tagBackup(dataDir: string, fil: string): Promise<number> {
  const frigiv = await tagLaas(dataDir, "backup");
  try {
    const db = new PGlite(filer(dataDir).pglite);
    await db.waitReady;
    let data: Buffer;
    try {
      await tjekMigreret(db, `Backup: ${dataDir}`);
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
  await koerPgliteKommando(
    "backup",
    "Stop serveren før backup, eller brug pg_dump-vejen med DATABASE_URL.",
    async (dataDir, fil) => {
      const bytes = await tagBackup(dataDir, fil);
      console.log(`Backup af ${dataDir} skrevet til ${fil} (${bytes} bytes).`);
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
