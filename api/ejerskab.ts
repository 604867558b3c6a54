// Who owns a stored decision (issue 13): the socialtilsyn of the tilbud it belongs to, else the
// organisation of the key that made it. A key that may not see it gets 404, as if it did not exist.
import type { Database } from "./db/database.js";
import { HttpError } from "./http-error.js";
import { egneData, maaSe, SOCIALSTYRELSEN } from "./organisation.js";
import { type Noegle, organisationFor } from "./store/noegler.js";
import { hentAfgoerelse } from "./store/tilbud.js";

export async function indplaceringsEjer(db: Database, id: string, lavetAf: string): Promise<string | null> {
  const a = await hentAfgoerelse(db, id);
  if (a) return a.socialtilsyn;
  const org = await organisationFor(db, lavetAf);
  return org === SOCIALSTYRELSEN ? null : org;
}

export const ikkeFundetIndplacering = (sti = "id") =>
  new HttpError(404, "IKKE_FUNDET", "Der er ingen indplacering med det id.", [
    { path: sti, message: "Findes ikke (eller hører til et andet socialtilsyn)." },
  ]);

/** Throws 404 when the key may not see the decision; says whether it sees staff detail. */
export async function tjekAdgangTilIndplacering(
  db: Database,
  n: Noegle,
  id: string,
  lavetAf: string,
  sti = "id",
): Promise<{ ejer: string | null; egne: boolean }> {
  const ejer = await indplaceringsEjer(db, id, lavetAf);
  if (!maaSe(n, ejer)) throw ikkeFundetIndplacering(sti);
  return { ejer, egne: egneData(n, ejer) };
}

/** A vurderingsgrundlag without staff records (another organisation's decision read by Socialstyrelsen). */
export function udenPersonale(vg: unknown): unknown {
  if (typeof vg !== "object" || vg === null || Array.isArray(vg)) return vg;
  const { medarbejdere, ...rest } = vg as Record<string, unknown>;
  return Array.isArray(medarbejdere) ? { ...rest, antalMedarbejdere: medarbejdere.length } : rest;
}
