// Regelsæt versions and drafts. A published version is immutable (the table refuses updates);
// the draft carries a revision from one sequence that becomes its ETag. Every check that must
// hold across server processes is made by the database: the draft row is locked while it is
// published, version numbers are unique per målgruppe, and a stale revision updates no row.
import type { Database, Forespoergsel } from "../db/database.js";
import { HttpError } from "../http-error.js";
import { iso, skrivAudit } from "./audit.js";
import { Opslagsregister } from "./eneopslag.js";
import { gemKonsekvens } from "./tilbud.js";

export interface VersionInfo {
  maalgruppe: string;
  version: number;
  hash: string;
  forfatter: string;
  oprettet: string;
  note: string;
}

export interface LagretVersion extends VersionInfo {
  /** The regelsæt as posted (JSON text). */
  indhold: string;
}

export interface Kladde {
  maalgruppe: string;
  indhold: string;
  hash: string;
  revision: number;
  forfatter: string;
  opdateret: string;
}

type VersionRaekke = Omit<LagretVersion, "oprettet"> & { oprettet: Date };
const somVersion = ({ oprettet, ...r }: VersionRaekke): LagretVersion => ({ ...r, oprettet: iso(oprettet) });

export async function hentVersion(
  db: Forespoergsel,
  maalgruppe: string,
  version?: number,
): Promise<LagretVersion | undefined> {
  const { rows } =
    version === undefined
      ? await db.query<VersionRaekke>(
          `SELECT maalgruppe, version, indhold, hash, forfatter, oprettet, note FROM regelsaet_versioner
           WHERE maalgruppe = $1 ORDER BY version DESC LIMIT 1`,
          [maalgruppe],
        )
      : await db.query<VersionRaekke>(
          `SELECT maalgruppe, version, indhold, hash, forfatter, oprettet, note FROM regelsaet_versioner
           WHERE maalgruppe = $1 AND version = $2`,
          [maalgruppe, version],
        );
  return rows[0] ? somVersion(rows[0]) : undefined;
}

export async function listVersioner(db: Forespoergsel, maalgruppe: string): Promise<VersionInfo[]> {
  const { rows } = await db.query<Omit<VersionRaekke, "indhold">>(
    `SELECT maalgruppe, version, hash, forfatter, oprettet, note FROM regelsaet_versioner
     WHERE maalgruppe = $1 ORDER BY version`,
    [maalgruppe],
  );
  return rows.map(({ oprettet, ...r }) => ({ ...r, oprettet: iso(oprettet) }));
}

export interface MaalgruppeOversigt {
  maalgruppe: string;
  titel: string | null;
  version: number | null;
  hash: string | null;
  publiceret: string | null;
  kladde: boolean;
}

/** Every målgruppe with a published version or a draft. */
/**
 * The målgrupper. `medKladder` (forfatter and admin) adds those with only a draft and says which
 * have one; without it a draft shows nowhere, not even its title (only forfatter may read drafts).
 */
export async function listMaalgrupper(db: Forespoergsel, medKladder: boolean): Promise<MaalgruppeOversigt[]> {
  const { rows } = await db.query<{
    maalgruppe: string;
    version: number | null;
    hash: string | null;
    oprettet: Date | null;
    indhold: string | null;
    kladde_indhold: string | null;
  }>(
    `WITH seneste AS (
       SELECT DISTINCT ON (maalgruppe) maalgruppe, version, hash, oprettet, indhold
       FROM regelsaet_versioner ORDER BY maalgruppe, version DESC)
     SELECT coalesce(s.maalgruppe, k.maalgruppe) AS maalgruppe, s.version, s.hash, s.oprettet, s.indhold,
            k.indhold AS kladde_indhold
     FROM seneste s FULL OUTER JOIN kladder k ON k.maalgruppe = s.maalgruppe
     ORDER BY 1`,
  );
  return rows
    .filter((r) => medKladder || r.indhold !== null)
    .map((r) => ({
      maalgruppe: r.maalgruppe,
      titel: titelAf(medKladder ? (r.indhold ?? r.kladde_indhold) : r.indhold),
      version: r.version,
      hash: r.hash,
      publiceret: r.oprettet ? iso(r.oprettet) : null,
      kladde: medKladder && r.kladde_indhold !== null,
    }));
}

function titelAf(indhold: string | null): string | null {
  if (indhold === null) return null;
  const titel = (JSON.parse(indhold) as { titel?: unknown }).titel;
  return typeof titel === "string" ? titel : null;
}

export async function hentKladde(db: Forespoergsel, maalgruppe: string): Promise<Kladde | undefined> {
  const { rows } = await db.query<Omit<Kladde, "opdateret"> & { opdateret: Date }>(
    "SELECT maalgruppe, indhold, hash, revision, forfatter, opdateret FROM kladder WHERE maalgruppe = $1",
    [maalgruppe],
  );
  const r = rows[0];
  return r ? { ...r, opdateret: iso(r.opdateret) } : undefined;
}

/** If-Match as parsed from the request: absent, `*`, or the revisions its ETags name. */
export type Forudsaetning = { slags: "ingen" } | { slags: "enhver" } | { slags: "revisioner"; revisioner: number[] };

export const kladdeEtag = (revision: number) => `"kladde-${revision}"`;

export function parseIfMatch(header: string | undefined): Forudsaetning {
  if (header === undefined) return { slags: "ingen" };
  if (header.trim() === "*") return { slags: "enhver" };
  // Weak ETags never match under If-Match (RFC 9110 §13.1.1): only strong "kladde-N" count.
  const revisioner = [...header.matchAll(/(?:^|,)\s*"kladde-(\d{1,9})"\s*(?=,|$)/g)].map((m) => Number(m[1]));
  return { slags: "revisioner", revisioner };
}

const forAeldet = (maalgruppe: string, revision?: number) =>
  new HttpError(
    412,
    "KLADDEN_ER_AENDRET",
    `Kladden for '${maalgruppe}' er ændret siden du hentede den. Hent den igen og flet dine ændringer ind.`,
    [],
    revision === undefined ? {} : { ETag: kladdeEtag(revision) },
  );

export interface GemKladde {
  maalgruppe: string;
  indhold: string;
  hash: string;
  noegle: string;
  ifMatch: Forudsaetning;
}

/** Saves the draft; returns its new revision and whether it was created. */
export async function gemKladde(db: Database, k: GemKladde): Promise<{ revision: number; oprettet: boolean }> {
  return db.transaction(async (tx) => {
    let revision: number | undefined;
    let oprettet = false;
    if (k.ifMatch.slags === "ingen") {
      const { rows } = await tx.query<{ revision: number }>(
        `INSERT INTO kladder (maalgruppe, indhold, hash, forfatter) VALUES ($1, $2, $3, $4)
         ON CONFLICT (maalgruppe) DO NOTHING RETURNING revision`,
        [k.maalgruppe, k.indhold, k.hash, k.noegle],
      );
      revision = rows[0]?.revision;
      if (revision === undefined) {
        throw new HttpError(
          428,
          "IF_MATCH_KRAEVES",
          `Der findes allerede en kladde for '${k.maalgruppe}'. Send dens ETag i If-Match, så ingens ændringer går tabt.`,
        );
      }
      oprettet = true;
    } else {
      const { rows } = await tx.query<{ revision: number }>(
        `UPDATE kladder SET indhold = $2, hash = $3, forfatter = $4, opdateret = now(),
                revision = nextval('kladde_revision')
         WHERE maalgruppe = $1 AND ($5::boolean OR revision = ANY($6::int[])) RETURNING revision`,
        [
          k.maalgruppe,
          k.indhold,
          k.hash,
          k.noegle,
          k.ifMatch.slags === "enhver",
          k.ifMatch.slags === "revisioner" ? k.ifMatch.revisioner : [],
        ],
      );
      revision = rows[0]?.revision;
      if (revision === undefined) {
        const nu = await hentKladde(tx, k.maalgruppe);
        throw forAeldet(k.maalgruppe, nu?.revision);
      }
    }
    await skrivAudit(tx, {
      noegle: k.noegle,
      handling: "kladde.gemt",
      maalgruppe: k.maalgruppe,
      detaljer: { revision, hash: k.hash },
    });
    return { revision, oprettet };
  });
}

export async function sletKladde(db: Database, maalgruppe: string, noegle: string, ifMatch: Forudsaetning) {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ revision: number; hash: string }>(
      "SELECT revision, hash FROM kladder WHERE maalgruppe = $1 FOR UPDATE",
      [maalgruppe],
    );
    const k = rows[0];
    if (!k) throw new HttpError(404, "IKKE_FUNDET", `Der er ingen kladde for '${maalgruppe}'.`);
    if (ifMatch.slags === "revisioner" && !ifMatch.revisioner.includes(k.revision)) {
      throw forAeldet(maalgruppe, k.revision);
    }
    await tx.query("DELETE FROM kladder WHERE maalgruppe = $1", [maalgruppe]);
    await skrivAudit(tx, {
      noegle,
      handling: "kladde.slettet",
      maalgruppe,
      detaljer: { revision: k.revision, hash: k.hash },
    });
  });
}

/**
 * Publishes the draft at `revision` as the next version and removes the draft, in one
 * transaction. The caller has already checked the content (schema, golden cases) at that
 * revision; if the draft moved on meanwhile, nothing is published.
 */
export async function publicerKladde(
  db: Database,
  p: { maalgruppe: string; revision: number; note: string; noegle: string; konsekvens?: unknown },
): Promise<LagretVersion> {
  return SENESTE.transaktion(db, async (tx) => {
    const { rows } = await tx.query<{ revision: number; indhold: string; hash: string }>(
      "SELECT revision, indhold, hash FROM kladder WHERE maalgruppe = $1 FOR UPDATE",
      [p.maalgruppe],
    );
    const k = rows[0];
    if (!k) {
      throw new HttpError(409, "KLADDEN_ER_VAEK", `Kladden for '${p.maalgruppe}' blev publiceret eller slettet imens.`);
    }
    if (k.revision !== p.revision) throw forAeldet(p.maalgruppe, k.revision);
    const { rows: ny } = await tx.query<VersionRaekke>(
      `INSERT INTO regelsaet_versioner (maalgruppe, version, indhold, hash, forfatter, note)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 FROM regelsaet_versioner WHERE maalgruppe = $1
       RETURNING maalgruppe, version, indhold, hash, forfatter, oprettet, note`,
      [p.maalgruppe, k.indhold, k.hash, p.noegle, p.note],
    );
    const v = ny[0];
    if (!v) throw new Error("API: INSERT … RETURNING gave no row");
    await tx.query("DELETE FROM kladder WHERE maalgruppe = $1", [p.maalgruppe]);
    if (p.konsekvens !== undefined) await gemKonsekvens(tx, p.maalgruppe, v.version, p.konsekvens);
    await skrivAudit(tx, {
      noegle: p.noegle,
      handling: "regelsaet.publiceret",
      maalgruppe: p.maalgruppe,
      version: v.version,
      detaljer: { hash: v.hash, revision: k.revision, note: p.note },
    });
    return somVersion(v);
  });
}

/** Publishes `indhold` as version 1 unless the målgruppe has a version already (seeding). */
export async function indlaesFoersteVersion(
  db: Database,
  p: { maalgruppe: string; indhold: string; hash: string; note: string },
): Promise<boolean> {
  return SENESTE.transaktion(db, async (tx) => {
    const { rowCount } = await tx.query(
      `INSERT INTO regelsaet_versioner (maalgruppe, version, indhold, hash, forfatter, note)
       SELECT $1, 1, $2, $3, 'system', $4
       WHERE NOT EXISTS (SELECT 1 FROM regelsaet_versioner WHERE maalgruppe = $1)
       ON CONFLICT DO NOTHING`,
      [p.maalgruppe, p.indhold, p.hash, p.note],
    );
    if (rowCount === 0) return false;
    await skrivAudit(tx, {
      noegle: "system",
      handling: "regelsaet.indlaest",
      maalgruppe: p.maalgruppe,
      version: 1,
      detaljer: { hash: p.hash },
    });
    return true;
  });
}

type Hoved = { version: number; hash: string };

// Published versions never change (the table refuses it), so a given version's head is kept for
// any database. Which version is the latest is kept too: publishing here goes through `skriv`,
// and a publication by another process on a shared PostgreSQL server arrives as a notification
// (migration 006) within milliseconds of its commit; until then a decision may still be made by
// the version before — which it names, so it is never misattributed (see eneopslag.ts).
const GIVNE = new Opslagsregister<Hoved>("altid");
const SENESTE = new Opslagsregister<Hoved>("ved-besked");

/** Number and hash of the latest (or a given) version, without the content. */
export async function hentVersionHoved(db: Database, maalgruppe: string, version?: number): Promise<Hoved | undefined> {
  if (version === undefined) {
    return SENESTE.for(db).hent(maalgruppe, async () => {
      const { rows } = await db.query<Hoved>(
        "SELECT version, hash FROM regelsaet_versioner WHERE maalgruppe = $1 ORDER BY version DESC LIMIT 1",
        [maalgruppe],
      );
      return rows[0];
    });
  }
  return GIVNE.for(db).hent(`${version}|${maalgruppe}`, async () => {
    const { rows } = await db.query<Hoved>(
      "SELECT version, hash FROM regelsaet_versioner WHERE maalgruppe = $1 AND version = $2",
      [maalgruppe, version],
    );
    return rows[0];
  });
}
