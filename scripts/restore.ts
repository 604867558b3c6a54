// Restore of the embedded database:  npm run restore -- <fil>
// Takes DATA_DIR's lock as "restore" (refuses while a server, the key command or a backup has the
// database open), checks that <fil> opens as a PGlite database with our migrations, moves the
// current database aside to DATA_DIR/pglite.foer-restore-<tid> (kept, never deleted), and loads
// <fil> in its place.
import { mkdir, readFile, rename, stat } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { filer, tagLaas } from "../api/lokal.js";
import { koerPgliteKommando, tjekMigreret } from "./pglite-kommando.js";

/** Replaces DATA_DIR's embedded database with the backup in `fil`; returns where the old one went. */
export async function genskab(dataDir: string, fil: string): Promise<string | undefined> {
  const data = new Blob([await readFile(fil)]);
  // Check the backup before touching anything.
  const proeve = new PGlite({ loadDataDir: data });
  try {
    await tjekMigreret(proeve, `Restore: ${fil}`);
  } finally {
    await proeve.close();
  }
  await mkdir(dataDir, { recursive: true });
  const frigiv = await tagLaas(dataDir, "restore");
  try {
    const { pglite } = filer(dataDir);
    let gammel: string | undefined;
    if (await stat(pglite).catch(() => undefined)) {
      gammel = `${pglite}.foer-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      await rename(pglite, gammel);
    }
    const db = new PGlite(pglite, { loadDataDir: data });
    try {
      await tjekMigreret(db, `Restore: ${fil}`);
    } finally {
      await db.close();
    }
    return gammel;
  } finally {
    await frigiv();
  }
}

async function main() {
  await koerPgliteKommando("restore", "Stop serveren før restore.", async (dataDir, fil) => {
    const gammel = await genskab(dataDir, fil);
    console.log(`Databasen i ${dataDir} er genskabt fra ${fil}.`);
    if (gammel) console.log(`Den forrige database er flyttet til ${gammel}.`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
