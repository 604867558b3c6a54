// SQL migrations: files `NNN_name.sql` in ./migrations, applied in order at start-up and recorded
// in `skema_migreringer`. An advisory lock makes two servers starting together take turns.
import { readdir, readFile } from "node:fs/promises";
import type { Database } from "./database.js";

const MAPPE = new URL("./migrations/", import.meta.url);
const LAAS = 7_318_204_551;

export async function migrer(db: Database): Promise<string[]> {
  const filer = (await readdir(MAPPE)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [LAAS]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS skema_migreringer (
         navn text PRIMARY KEY, anvendt timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await tx.query<{ navn: string }>("SELECT navn FROM skema_migreringer");
    const anvendte = new Set(rows.map((r) => r.navn));
    const nye: string[] = [];
    for (const fil of filer) {
      if (anvendte.has(fil)) continue;
      await tx.exec(await readFile(new URL(fil, MAPPE), "utf8"));
      await tx.query("INSERT INTO skema_migreringer (navn) VALUES ($1)", [fil]);
      nye.push(fil);
    }
    return nye;
  });
}
