// What backup and restore share: the PostgreSQL route text, the check that a PGlite database
// holds our migrations, and the command frame (usage, DATABASE_URL, a held lock → exit codes).
import type { PGlite } from "@electric-sql/pglite";
import { laesKonfiguration } from "../api/konfiguration.js";
import { LaasOptaget } from "../api/lokal.js";

export const PG_DUMP_VEJLEDNING = `Med DATABASE_URL ligger data i PostgreSQL; brug PostgreSQL's egne værktøjer:
  pg_dump --format=custom --file=<fil> "$DATABASE_URL"                          # backup (serveren må køre)
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" <fil>      # restore (stop serverne først)`;

/** Throws unless `db` is a database our migrations have run on; `hvad` names it in the message. */
export async function tjekMigreret(db: PGlite, hvad: string): Promise<void> {
  await db.waitReady;
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM skema_migreringer");
  if (!rows[0]?.n) throw new Error(`${hvad} indeholder ingen migreret database.`);
}

/**
 * Runs `npm run <navn> -- <fil>` on DATA_DIR's embedded database. `naarServerKoerer` is the advice
 * when a server holds DATA_DIR; the key command, a backup or a restore holding it will finish soon.
 */
export async function koerPgliteKommando(
  navn: string,
  naarServerKoerer: string,
  koer: (dataDir: string, fil: string) => Promise<void>,
): Promise<void> {
  const config = laesKonfiguration();
  const fil = process.argv[2];
  if (config.databaseUrl) {
    console.error(PG_DUMP_VEJLEDNING);
    process.exit(2);
  }
  if (!fil || process.argv.length > 3) {
    console.error(`Brug: npm run ${navn} -- <fil>   (DATA_DIR vælger databasen; standard ./data)`);
    process.exit(2);
  }
  try {
    await koer(config.dataDir, fil);
  } catch (e) {
    if (e instanceof LaasOptaget) {
      const raad = e.indehaver.hvem === "server" ? naarServerKoerer : "Prøv igen, når den er færdig.";
      console.error(`${e.message} ${raad}`);
      process.exit(1);
    }
    throw e;
  }
}
