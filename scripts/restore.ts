// Restore of the embedded database:  npm run restore -- <fil>
// Takes DATA_DIR's lock (refuses while a server or the key command has the database open), checks
// that <fil> opens as a PGlite database with our migrations, moves the current database aside to
// DATA_DIR/pglite.foer-restore-<tid> (kept, never deleted), and loads <fil> in its place.
import { mkdir, readFile, rename, stat } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { laesKonfiguration } from "../api/konfiguration.js";
import { filer, LaasOptaget, tagLaas } from "../api/lokal.js";
import { PG_DUMP_VEJLEDNING } from "./backup.js";

async function tjekDatabase(db: PGlite, fil: string) {
  await db.waitReady;
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM skema_migreringer");
  if (!rows[0]?.n) throw new Error(`Restore: ${fil} indeholder ingen migreret database.`);
}

/** Replaces DATA_DIR's embedded database with the backup in `fil`; returns where the old one went. */
export async function genskab(dataDir: string, fil: string): Promise<string | undefined> {
  const data = new Blob([await readFile(fil)]);
  // Check the backup before touching anything.
  const proeve = new PGlite({ loadDataDir: data });
  try {
    await tjekDatabase(proeve, fil);
  } finally {
    await proeve.close();
  }
  await mkdir(dataDir, { recursive: true });
  const frigiv = await tagLaas(dataDir, "noegle");
  try {
    const { pglite } = filer(dataDir);
    let gammel: string | undefined;
    if (await stat(pglite).catch(() => undefined)) {
      gammel = `${pglite}.foer-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      await rename(pglite, gammel);
    }
    const db = new PGlite(pglite, { loadDataDir: data });
    try {
      await tjekDatabase(db, fil);
    } finally {
      await db.close();
    }
    return gammel;
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
    console.error("Brug: npm run restore -- <fil>   (DATA_DIR vælger databasen; standard ./data)");
    process.exit(2);
  }
  try {
    const gammel = await genskab(config.dataDir, fil);
    console.log(`Databasen i ${config.dataDir} er genskabt fra ${fil}.`);
    if (gammel) console.log(`Den forrige database er flyttet til ${gammel}.`);
  } catch (e) {
    if (e instanceof LaasOptaget) {
      console.error(`${e.message} Stop serveren før restore.`);
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
