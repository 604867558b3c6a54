// Saved scenarios per målgruppe: create, list, read, replace and delete, each change written in
// the same transaction as its audit entry. A name is unique within its målgruppe (409 otherwise).
import type { Aendringer } from "../../engine/index.js";
import type { Database, Forespoergsel } from "../db/database.js";
import { HttpError } from "../http-error.js";
import { iso, skrivAudit } from "./audit.js";

export interface GemtScenarie {
  id: number;
  maalgruppe: string;
  navn: string;
  beskrivelse?: string;
  aendringer: Aendringer;
  /** The name of the key that saved it last. */
  forfatter: string;
  oprettet: string;
  opdateret: string;
}

interface Raekke {
  id: number;
  maalgruppe: string;
  navn: string;
  beskrivelse: string | null;
  aendringer: string;
  forfatter: string;
  oprettet: Date;
  opdateret: Date;
}

const KOLONNER = "id, maalgruppe, navn, beskrivelse, aendringer, forfatter, oprettet, opdateret";

function fraRaekke(r: Raekke): GemtScenarie {
  const s: GemtScenarie = {
    id: r.id,
    maalgruppe: r.maalgruppe,
    navn: r.navn,
    aendringer: JSON.parse(r.aendringer) as Aendringer,
    forfatter: r.forfatter,
    oprettet: iso(r.oprettet),
    opdateret: iso(r.opdateret),
  };
  if (r.beskrivelse !== null) s.beskrivelse = r.beskrivelse;
  return s;
}

/** PostgreSQL's unique_violation, from either driver. */
const erDublet = (e: unknown) => (e as { code?: string } | null)?.code === "23505";
const dublet = (navn: string) =>
  new HttpError(409, "NAVN_FINDES", `Der findes allerede et gemt scenarie med navnet '${navn}' for målgruppen.`, [
    { path: "navn", pointer: "/navn", message: "Vælg et andet navn, eller gem ændringerne på det eksisterende." },
  ]);

export async function listScenarier(db: Forespoergsel, maalgruppe: string): Promise<GemtScenarie[]> {
  const { rows } = await db.query<Raekke>(`SELECT ${KOLONNER} FROM scenarier WHERE maalgruppe = $1 ORDER BY id`, [
    maalgruppe,
  ]);
  return rows.map(fraRaekke);
}

export async function hentScenarie(db: Forespoergsel, maalgruppe: string, id: number): Promise<GemtScenarie> {
  const { rows } = await db.query<Raekke>(`SELECT ${KOLONNER} FROM scenarier WHERE maalgruppe = $1 AND id = $2`, [
    maalgruppe,
    id,
  ]);
  const r = rows[0];
  if (!r) throw new HttpError(404, "IKKE_FUNDET", `Målgruppen '${maalgruppe}' har intet gemt scenarie ${id}.`);
  return fraRaekke(r);
}

export interface NytScenarie {
  navn: string;
  beskrivelse?: string;
  aendringer: Aendringer;
}

export async function opretScenarie(
  db: Database,
  maalgruppe: string,
  s: NytScenarie,
  noegle: string,
): Promise<GemtScenarie> {
  try {
    return await db.transaction(async (tx) => {
      const { rows } = await tx.query<Raekke>(
        `INSERT INTO scenarier (maalgruppe, navn, beskrivelse, aendringer, forfatter)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${KOLONNER}`,
        [maalgruppe, s.navn, s.beskrivelse ?? null, JSON.stringify(s.aendringer), noegle],
      );
      const gemt = fraRaekke(rows[0] as Raekke);
      await skrivAudit(tx, { noegle, handling: "scenarie.gemt", maalgruppe, detaljer: { id: gemt.id, navn: s.navn } });
      return gemt;
    });
  } catch (e) {
    if (erDublet(e)) throw dublet(s.navn);
    throw e;
  }
}

export async function erstatScenarie(
  db: Database,
  maalgruppe: string,
  id: number,
  s: NytScenarie,
  noegle: string,
): Promise<GemtScenarie> {
  try {
    return await db.transaction(async (tx) => {
      const { rows } = await tx.query<Raekke>(
        `UPDATE scenarier SET navn = $3, beskrivelse = $4, aendringer = $5, forfatter = $6, opdateret = now()
         WHERE maalgruppe = $1 AND id = $2 RETURNING ${KOLONNER}`,
        [maalgruppe, id, s.navn, s.beskrivelse ?? null, JSON.stringify(s.aendringer), noegle],
      );
      const r = rows[0];
      if (!r) throw new HttpError(404, "IKKE_FUNDET", `Målgruppen '${maalgruppe}' har intet gemt scenarie ${id}.`);
      await skrivAudit(tx, { noegle, handling: "scenarie.gemt", maalgruppe, detaljer: { id, navn: s.navn } });
      return fraRaekke(r);
    });
  } catch (e) {
    if (erDublet(e)) throw dublet(s.navn);
    throw e;
  }
}

export async function sletScenarie(db: Database, maalgruppe: string, id: number, noegle: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ navn: string }>(
      "DELETE FROM scenarier WHERE maalgruppe = $1 AND id = $2 RETURNING navn",
      [maalgruppe, id],
    );
    if (!rows[0]) throw new HttpError(404, "IKKE_FUNDET", `Målgruppen '${maalgruppe}' har intet gemt scenarie ${id}.`);
    await skrivAudit(tx, { noegle, handling: "scenarie.slettet", maalgruppe, detaljer: { id, navn: rows[0].navn } });
  });
}
