// The tilbud register and the decisions that belong to a tilbud: afdelinger, validity, grace
// periods and the append-only status events. The decisions themselves (input, result, version)
// stay in the indplacering store; these tables reference them by id.
import type { AfgoerelseStatus, Overgangsperiode } from "../../engine/index.js";
import type { Database, Forespoergsel } from "../db/database.js";
import { HttpError } from "../http-error.js";
import type { AfdelingInput, TilbudInput } from "../tilbud-input.js";
import { iso, skrivAudit } from "./audit.js";

export interface LagretTilbud extends TilbudInput {
  oprettet: string;
  opdateret: string;
}

interface TilbudRaekke {
  id: string;
  navn: string;
  type: TilbudInput["type"];
  kommune: string | null;
  socialtilsyn: string;
  maalgrupper: string;
  oprettet: Date;
  opdateret: Date;
}

const somTilbud = (r: TilbudRaekke, afdelinger: AfdelingInput[]): LagretTilbud => ({
  id: r.id,
  navn: r.navn,
  type: r.type,
  ...(r.kommune === null ? {} : { kommune: r.kommune }),
  socialtilsyn: r.socialtilsyn,
  maalgrupper: JSON.parse(r.maalgrupper),
  afdelinger,
  oprettet: iso(r.oprettet),
  opdateret: iso(r.opdateret),
});

const ikkeFundetTilbud = (id: string, sti = "tilbud") =>
  new HttpError(404, "IKKE_FUNDET", `Der er intet tilbud med id '${id}'.`, [
    { path: sti, message: `Tilbuddet '${id}' findes ikke (eller hører til et andet socialtilsyn).` },
  ]);

/**
 * Creates or updates tilbud with their afdelinger, all in one transaction. Afdelinger not listed
 * are kept (decisions may name them). With `eget` (a tilsyn key's organisation) a tilbud that
 * belongs to another socialtilsyn is refused as unknown, and nothing is written.
 */
export async function gemTilbud(
  db: Database,
  liste: readonly TilbudInput[],
  noegle: string,
  eget: string | null,
): Promise<{ oprettet: string[]; opdateret: string[] }> {
  return db.transaction(async (tx) => {
    const ids = liste.map((t) => t.id);
    const { rows } = await tx.query<{ id: string; socialtilsyn: string }>(
      "SELECT id, socialtilsyn FROM tilbud WHERE id = ANY($1::text[]) FOR UPDATE",
      [ids],
    );
    const findes = new Map(rows.map((r) => [r.id, r.socialtilsyn]));
    if (eget !== null) {
      for (const [i, t] of liste.entries()) {
        const ejer = findes.get(t.id);
        if (ejer !== undefined && ejer !== eget) throw ikkeFundetTilbud(t.id, liste.length > 1 ? `[${i}].id` : "id");
      }
    }
    const ud = { oprettet: [] as string[], opdateret: [] as string[] };
    for (const t of liste) {
      await tx.query(
        `INSERT INTO tilbud (id, navn, type, kommune, socialtilsyn, maalgrupper) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET navn = EXCLUDED.navn, type = EXCLUDED.type, kommune = EXCLUDED.kommune,
           socialtilsyn = EXCLUDED.socialtilsyn, maalgrupper = EXCLUDED.maalgrupper, opdateret = now()`,
        [t.id, t.navn, t.type, t.kommune ?? null, t.socialtilsyn, JSON.stringify(t.maalgrupper)],
      );
      for (const a of t.afdelinger) {
        await tx.query(
          `INSERT INTO afdelinger (tilbud_id, id, navn, maalgruppe, pladser) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (tilbud_id, id) DO UPDATE SET navn = EXCLUDED.navn, maalgruppe = EXCLUDED.maalgruppe,
             pladser = EXCLUDED.pladser`,
          [t.id, a.id, a.navn, a.maalgruppe, a.pladser ?? null],
        );
      }
      (findes.has(t.id) ? ud.opdateret : ud.oprettet).push(t.id);
    }
    await skrivAudit(tx, {
      noegle,
      handling: "tilbud.gemt",
      detaljer: { antal: liste.length, oprettet: ud.oprettet.slice(0, 100), opdateret: ud.opdateret.slice(0, 100) },
    });
    return ud;
  });
}

async function afdelingerFor(db: Forespoergsel, ids: readonly string[]): Promise<Map<string, AfdelingInput[]>> {
  const { rows } = await db.query<{
    tilbud_id: string;
    id: string;
    navn: string;
    maalgruppe: string;
    pladser: number | null;
  }>(
    "SELECT tilbud_id, id, navn, maalgruppe, pladser FROM afdelinger WHERE tilbud_id = ANY($1::text[]) ORDER BY tilbud_id, id",
    [ids],
  );
  const ud = new Map<string, AfdelingInput[]>();
  for (const r of rows) {
    const liste = ud.get(r.tilbud_id) ?? [];
    liste.push({
      id: r.id,
      navn: r.navn,
      maalgruppe: r.maalgruppe,
      ...(r.pladser === null ? {} : { pladser: r.pladser }),
    });
    ud.set(r.tilbud_id, liste);
  }
  return ud;
}

/** One tilbud with its afdelinger; undefined when unknown or (with `eget`) another tilsyn's. */
export async function hentTilbud(
  db: Forespoergsel,
  id: string,
  eget: string | null,
): Promise<LagretTilbud | undefined> {
  const { rows } = await db.query<TilbudRaekke>("SELECT * FROM tilbud WHERE id = $1", [id]);
  const r = rows[0];
  if (!r || (eget !== null && r.socialtilsyn !== eget)) return undefined;
  return somTilbud(r, (await afdelingerFor(db, [id])).get(id) ?? []);
}

export async function listTilbud(
  db: Forespoergsel,
  filter: { socialtilsyn?: string | null; maalgruppe?: string },
): Promise<LagretTilbud[]> {
  const { rows } = await db.query<TilbudRaekke>(
    `SELECT * FROM tilbud WHERE ($1::text IS NULL OR socialtilsyn = $1)
       AND ($2::text IS NULL OR maalgrupper LIKE '%"' || $2 || '"%') ORDER BY socialtilsyn, navn, id LIMIT 10000`,
    [filter.socialtilsyn ?? null, filter.maalgruppe ?? null],
  );
  const afd = await afdelingerFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => somTilbud(r, afd.get(r.id) ?? []));
}

export interface NyAfgoerelse {
  indplaceringId: string;
  tilbudId: string;
  afdelingId: string | null;
  maalgruppe: string;
  niveau: string;
  gyldigFra: string;
  naesteVurdering: string;
  overgang: Overgangsperiode[];
  status: "kladde" | "truffet";
  begrundelse: string;
  noegle: string;
}

export interface Haendelse {
  status: AfgoerelseStatus;
  tidspunkt: string;
  noegle: string;
  begrundelse: string;
  detaljer: Record<string, unknown>;
}

export interface Afgoerelse {
  indplaceringId: string;
  tilbudId: string;
  tilbudNavn: string;
  socialtilsyn: string;
  afdelingId: string | null;
  maalgruppe: string;
  niveau: string;
  gyldigFra: string;
  naesteVurdering: string;
  overgang: Overgangsperiode[];
  status: AfgoerelseStatus;
  noegle: string;
  oprettet: string;
}

/** Links a stored decision to its tilbud with its first status event, in one transaction. */
export async function opretAfgoerelse(db: Database, a: NyAfgoerelse): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO afgoerelser (indplacering_id, tilbud_id, afdeling_id, maalgruppe, niveau, gyldig_fra,
                                naeste_vurdering, overgang, noegle)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.indplaceringId,
        a.tilbudId,
        a.afdelingId,
        a.maalgruppe,
        a.niveau,
        a.gyldigFra,
        a.naesteVurdering,
        JSON.stringify(a.overgang),
        a.noegle,
      ],
    );
    await tx.query(
      "INSERT INTO afgoerelse_haendelser (indplacering_id, status, noegle, begrundelse) VALUES ($1, $2, $3, $4)",
      [a.indplaceringId, a.status, a.noegle, a.begrundelse],
    );
    await skrivAudit(tx, {
      noegle: a.noegle,
      handling: "afgoerelse.oprettet",
      maalgruppe: a.maalgruppe,
      detaljer: { id: a.indplaceringId, tilbud: a.tilbudId, afdeling: a.afdelingId, status: a.status },
    });
  });
}

const AFGOERELSE_SQL = `
  SELECT a.indplacering_id, a.tilbud_id, t.navn AS tilbud_navn, t.socialtilsyn, a.afdeling_id, a.maalgruppe,
         a.niveau, to_char(a.gyldig_fra, 'YYYY-MM-DD') AS gyldig_fra,
         to_char(a.naeste_vurdering, 'YYYY-MM-DD') AS naeste_vurdering, a.overgang, a.noegle, a.oprettet,
         (SELECT h.status FROM afgoerelse_haendelser h WHERE h.indplacering_id = a.indplacering_id
          ORDER BY h.id DESC LIMIT 1) AS status
  FROM afgoerelser a JOIN tilbud t ON t.id = a.tilbud_id`;

interface AfgoerelseRaekke {
  indplacering_id: string;
  tilbud_id: string;
  tilbud_navn: string;
  socialtilsyn: string;
  afdeling_id: string | null;
  maalgruppe: string;
  niveau: string;
  gyldig_fra: string;
  naeste_vurdering: string;
  overgang: string;
  noegle: string;
  oprettet: Date;
  status: AfgoerelseStatus;
}

const somAfgoerelse = (r: AfgoerelseRaekke): Afgoerelse => ({
  indplaceringId: r.indplacering_id,
  tilbudId: r.tilbud_id,
  tilbudNavn: r.tilbud_navn,
  socialtilsyn: r.socialtilsyn,
  afdelingId: r.afdeling_id,
  maalgruppe: r.maalgruppe,
  niveau: r.niveau,
  gyldigFra: r.gyldig_fra,
  naesteVurdering: r.naeste_vurdering,
  overgang: JSON.parse(r.overgang),
  status: r.status,
  noegle: r.noegle,
  oprettet: iso(r.oprettet),
});

export async function hentAfgoerelse(db: Forespoergsel, id: string): Promise<Afgoerelse | undefined> {
  const { rows } = await db.query<AfgoerelseRaekke>(`${AFGOERELSE_SQL} WHERE a.indplacering_id = $1`, [id]);
  return rows[0] && somAfgoerelse(rows[0]);
}

export async function haendelserFor(db: Forespoergsel, ids: readonly string[]): Promise<Map<string, Haendelse[]>> {
  const { rows } = await db.query<{
    indplacering_id: string;
    status: AfgoerelseStatus;
    tidspunkt: Date;
    noegle: string;
    begrundelse: string;
    detaljer: string;
  }>(
    `SELECT indplacering_id, status, tidspunkt, noegle, begrundelse, detaljer FROM afgoerelse_haendelser
     WHERE indplacering_id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  const ud = new Map<string, Haendelse[]>();
  for (const r of rows) {
    const liste = ud.get(r.indplacering_id) ?? [];
    liste.push({
      status: r.status,
      tidspunkt: iso(r.tidspunkt),
      noegle: r.noegle,
      begrundelse: r.begrundelse,
      detaljer: JSON.parse(r.detaljer),
    });
    ud.set(r.indplacering_id, liste);
  }
  return ud;
}

/** Every decision of a tilbud, oldest first. */
export async function afgoerelserForTilbud(db: Forespoergsel, tilbudId: string): Promise<Afgoerelse[]> {
  const { rows } = await db.query<AfgoerelseRaekke>(
    `${AFGOERELSE_SQL} WHERE a.tilbud_id = $1 ORDER BY a.gyldig_fra, a.oprettet`,
    [tilbudId],
  );
  return rows.map(somAfgoerelse);
}

/**
 * The decision in force for each tilbud, afdeling and målgruppe: the latest by gyldigFra whose
 * status is truffet, påklaget or afgjort (a draft or a decision changed on appeal is not).
 */
export async function gaeldendeAfgoerelser(
  db: Forespoergsel,
  filter: { maalgruppe?: string; socialtilsyn?: string | null },
): Promise<Afgoerelse[]> {
  // Each decision's current status once (its latest event), not a subquery per decision: this
  // runs over every tilbud in a målgruppe for the konsekvensanalyse.
  const { rows } = await db.query<AfgoerelseRaekke>(
    `WITH a AS (
       SELECT a.* FROM afgoerelser a JOIN tilbud t ON t.id = a.tilbud_id
       WHERE ($1::text IS NULL OR a.maalgruppe = $1) AND ($2::text IS NULL OR t.socialtilsyn = $2)),
     s AS (
       SELECT DISTINCT ON (h.indplacering_id) h.indplacering_id, h.status
       FROM afgoerelse_haendelser h JOIN a ON a.indplacering_id = h.indplacering_id
       ORDER BY h.indplacering_id, h.id DESC)
     SELECT DISTINCT ON (a.tilbud_id, a.afdeling_id, a.maalgruppe)
            a.indplacering_id, a.tilbud_id, t.navn AS tilbud_navn, t.socialtilsyn, a.afdeling_id, a.maalgruppe,
            a.niveau, to_char(a.gyldig_fra, 'YYYY-MM-DD') AS gyldig_fra,
            to_char(a.naeste_vurdering, 'YYYY-MM-DD') AS naeste_vurdering, a.overgang, a.noegle, a.oprettet, s.status
     FROM a JOIN s ON s.indplacering_id = a.indplacering_id JOIN tilbud t ON t.id = a.tilbud_id
     WHERE s.status IN ('truffet', 'paaklaget', 'afgjort')
     ORDER BY a.tilbud_id, a.afdeling_id, a.maalgruppe, a.gyldig_fra DESC, a.oprettet DESC`,
    [filter.maalgruppe ?? null, filter.socialtilsyn ?? null],
  );
  return rows.map(somAfgoerelse);
}

/**
 * Appends a status event. The decision row is locked, so two changes at once are taken in turn
 * and the second is checked against the first's result. `tjek` refuses (throws) an illegal change.
 */
export async function tilfoejHaendelse(
  db: Database,
  id: string,
  tjek: (a: Afgoerelse, tx: Forespoergsel) => Promise<void>,
  h: { status: AfgoerelseStatus; begrundelse: string; detaljer: Record<string, unknown>; noegle: string },
): Promise<Afgoerelse> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT 1 FROM afgoerelser WHERE indplacering_id = $1 FOR UPDATE", [id]);
    const a = await hentAfgoerelse(tx, id);
    if (!a) throw new HttpError(404, "IKKE_FUNDET", "Der er ingen afgørelse med det id.");
    await tjek(a, tx);
    await tx.query(
      "INSERT INTO afgoerelse_haendelser (indplacering_id, status, noegle, begrundelse, detaljer) VALUES ($1, $2, $3, $4, $5)",
      [id, h.status, h.noegle, h.begrundelse, JSON.stringify(h.detaljer)],
    );
    await skrivAudit(tx, {
      noegle: h.noegle,
      handling: "afgoerelse.status",
      maalgruppe: a.maalgruppe,
      detaljer: { id, fra: a.status, til: h.status, ...h.detaljer },
    });
    return { ...a, status: h.status };
  });
}

export async function gemKonsekvens(tx: Forespoergsel, maalgruppe: string, version: number, resume: unknown) {
  await tx.query("INSERT INTO regelsaet_konsekvens (maalgruppe, version, resume) VALUES ($1, $2, $3)", [
    maalgruppe,
    version,
    JSON.stringify(resume),
  ]);
}

export async function hentKonsekvens(db: Forespoergsel, maalgruppe: string, version: number): Promise<unknown> {
  const { rows } = await db.query<{ resume: string }>(
    "SELECT resume FROM regelsaet_konsekvens WHERE maalgruppe = $1 AND version = $2",
    [maalgruppe, version],
  );
  return rows[0] ? JSON.parse(rows[0].resume) : null;
}
