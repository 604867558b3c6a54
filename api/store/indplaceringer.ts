// Every indplacering made through the API, stored compactly: the canonical input, the regelsæt
// version and hash it was made with, the overall and per-parameter levels, the SHA-256 of the
// full explained result, who asked and when. The explained result (~22 kB) is not stored: it is
// rebuilt on read with the stored version and checked against the stored SHA-256
// (api/indplacering.ts). Rows written before migration 002 keep their full stored result.
import { randomUUID } from "node:crypto";
import { RESULTATFORMAT } from "../../engine/index.js";
import type { Database, Forespoergsel } from "../db/database.js";
import { iso } from "./audit.js";
import { GruppeCommit } from "./gruppe-commit.js";

export interface NyIndplacering {
  maalgruppe: string;
  version: number | null;
  kladde: boolean;
  hash: string;
  leverandoerId: string;
  niveau: string;
  /** The input as canonical JSON text (RFC 8785). */
  vurderingsgrundlagJson: string;
  /** `sha256:<hex>` of the full explained result's canonical JSON. */
  resultatHash: string;
  /** Each parameter's level (the one that counts), by parameter id. */
  parameterNiveauer: Record<string, string>;
  noegle: string;
  /**
   * The hash of the key's secret when the key came from memory on a shared server: the row is
   * stored only if that key is still active at the INSERT (api/store/noegler.ts, `findNoegle`).
   */
  bekraeftNoegle?: string;
  /** The draft a `kladde` decision was made with; stored once per hash. */
  kladdeIndhold?: { hash: string; indhold: string };
}

export interface LagretIndplacering {
  id: string;
  maalgruppe: string;
  version: number | null;
  kladde: boolean;
  hash: string;
  noegle: string;
  oprettet: string;
  niveau: string;
  vurderingsgrundlag: unknown;
  /** The full result as stored before migration 002; compact rows have `resultatHash` instead. */
  resultat?: unknown;
  resultatHash?: string;
  parameterNiveauer?: Record<string, string>;
  /** The engine's result format the compact row was stored with (engine RESULTATFORMAT). */
  resultatformat?: number;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Parameters per row; a row whose key is re-checked has one more (the key's hash). */
export const KOLONNER = 12;
// PostgreSQL takes at most 65535 parameters in one statement.
const PR_SAETNING = 1000;
// A write of at most this many rows is a named statement, which a PostgreSQL server parses and
// plans once per connection and row count: group commit under load writes 1–10 rows at a time.
const NAVNGIVNE = 32;

const KOLONNELISTE = `id, maalgruppe, version, kladde, hash, leverandoer_id, niveau, vurderingsgrundlag,
                      resultat_sha256, parameter_niveauer, noegle, resultatformat`;
// The types of KOLONNELISTE, for rows given as a VALUES list inside a SELECT (where a parameter
// does not take the column's type), and then the hash of the key to re-check (or null).
const TYPER = ["uuid", "text", "integer", "boolean", "text", "text", "text", "text", "text", "text", "text", "integer"];
const KASTNINGER = [...TYPER, "text"].map((t) => `::${t}`);

/**
 * Stores the decisions atomically — one statement, or one transaction when there are draft
 * contents or more rows than one statement takes — and returns their ids, in order. A row with
 * `bekraeftNoegle` is stored only if that key is still active; its id is undefined when it was not
 * (the key was revoked meanwhile). The key row is share-locked until the statement commits, so a
 * revocation either commits first (nothing stored) or waits for the decision's commit (stored
 * before the revocation was acknowledged) — never acknowledged with a later decision stored.
 */
export async function gemIndplaceringer(db: Database, nye: readonly NyIndplacering[]): Promise<(string | undefined)[]> {
  const ids: (string | undefined)[] = nye.map(() => randomUUID());
  if (nye.length === 0) return ids;
  const kladder = new Map<string, string>();
  for (const n of nye) if (n.kladdeIndhold) kladder.set(n.kladdeIndhold.hash, n.kladdeIndhold.indhold);
  const skriv = async (q: Forespoergsel) => {
    for (const [hash, indhold] of kladder) {
      await q.query("INSERT INTO kladde_indhold (hash, indhold) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING", [
        hash,
        indhold,
      ]);
    }
    for (let start = 0; start < nye.length; start += PR_SAETNING) {
      const del = nye.slice(start, start + PR_SAETNING);
      const bekraeft = del.some((n) => n.bekraeftNoegle !== undefined);
      const kolonner = bekraeft ? KOLONNER + 1 : KOLONNER;
      const params: unknown[] = [];
      const raekker = del.map((n, i) => {
        params.push(
          ids[start + i],
          n.maalgruppe,
          n.version,
          n.kladde,
          n.hash,
          // PostgreSQL text cannot hold NUL; the JSON columns escape it, this column must too.
          n.leverandoerId.replaceAll("\u0000", "\\u0000"),
          n.niveau,
          n.vurderingsgrundlagJson,
          n.resultatHash,
          JSON.stringify(n.parameterNiveauer),
          n.noegle,
          RESULTATFORMAT,
        );
        if (bekraeft) params.push(n.bekraeftNoegle ?? null);
        const b = i * kolonner;
        return `(${Array.from({ length: kolonner }, (_, k) => `$${b + k + 1}${bekraeft ? KASTNINGER[k] : ""}`).join(", ")})`;
      });
      const navn = del.length <= NAVNGIVNE ? `gem_indplaceringer_${bekraeft ? "b" : "u"}${del.length}` : undefined;
      if (!bekraeft) {
        await q.query(`INSERT INTO indplaceringer (${KOLONNELISTE}) VALUES ${raekker.join(", ")}`, params, navn);
        continue;
      }
      const { rows } = await q.query<{ id: string }>(
        `INSERT INTO indplaceringer (${KOLONNELISTE})
         SELECT ${KOLONNELISTE} FROM (VALUES ${raekker.join(", ")}) AS v (${KOLONNELISTE}, bekraeft)
         WHERE v.bekraeft IS NULL
            OR EXISTS (SELECT 1 FROM noegler n WHERE n.hash = v.bekraeft AND n.tilbagekaldt IS NULL FOR SHARE)
         RETURNING id`,
        params,
        navn,
      );
      const gemt = new Set(rows.map((r) => String(r.id)));
      for (let i = start; i < start + del.length; i++) if (!gemt.has(ids[i] as string)) ids[i] = undefined;
    }
  };
  if (kladder.size === 0 && nye.length <= PR_SAETNING) await skriv(db);
  else await db.transaction(skriv);
  return ids;
}

const SKRIVERE = new WeakMap<Database, GruppeCommit<NyIndplacering, string | undefined>>();

/**
 * Stores one decision and returns its id once it is committed. Decisions that arrive within one
 * turn of the event loop, or while a write is in flight, are stored together (group commit,
 * api/store/gruppe-commit.ts).
 */
export function gemIndplacering(db: Database, ny: NyIndplacering): Promise<string | undefined> {
  let s = SKRIVERE.get(db);
  if (!s) {
    s = new GruppeCommit((nye) => gemIndplaceringer(db, nye), PR_SAETNING);
    SKRIVERE.set(db, s);
  }
  return s.gem(ny);
}

export async function hentIndplacering(db: Forespoergsel, id: string): Promise<LagretIndplacering | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  const { rows } = await db.query<{
    id: string;
    maalgruppe: string;
    version: number | null;
    kladde: boolean;
    hash: string;
    noegle: string;
    oprettet: Date;
    niveau: string;
    vurderingsgrundlag: string;
    resultat: string | null;
    resultat_sha256: string | null;
    parameter_niveauer: string | null;
    resultatformat: number | null;
  }>(
    `SELECT id, maalgruppe, version, kladde, hash, noegle, oprettet, niveau, vurderingsgrundlag, resultat,
            resultat_sha256, parameter_niveauer, resultatformat
     FROM indplaceringer WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  const lagret: LagretIndplacering = {
    id: r.id,
    maalgruppe: r.maalgruppe,
    version: r.version,
    kladde: r.kladde,
    hash: r.hash,
    noegle: r.noegle,
    oprettet: iso(r.oprettet),
    niveau: r.niveau,
    vurderingsgrundlag: JSON.parse(r.vurderingsgrundlag),
  };
  if (r.resultat !== null) lagret.resultat = JSON.parse(r.resultat);
  if (r.resultat_sha256 !== null) lagret.resultatHash = r.resultat_sha256;
  if (r.parameter_niveauer !== null) lagret.parameterNiveauer = JSON.parse(r.parameter_niveauer);
  if (r.resultat === null) lagret.resultatformat = r.resultatformat ?? 1;
  return lagret;
}

export async function hentKladdeIndhold(db: Forespoergsel, hash: string): Promise<string | undefined> {
  const { rows } = await db.query<{ indhold: string }>("SELECT indhold FROM kladde_indhold WHERE hash = $1", [hash]);
  return rows[0]?.indhold;
}

/** A stored decision's input and what names its regelsæt, read in bulk (konsekvensanalyse). */
export type LagretInput = Pick<
  LagretIndplacering,
  "id" | "maalgruppe" | "version" | "kladde" | "hash" | "noegle" | "vurderingsgrundlag"
>;

/**
 * The stored inputs of many decisions at once (konsekvensanalyse, consistency), without their
 * results; ids that are not stored are left out. One statement per 20,000 ids: a join on the
 * unnested id list uses the primary key (`= ANY(…)` did not, and was several times slower).
 */
export async function hentVurderingsgrundlag(db: Forespoergsel, ids: readonly string[]): Promise<LagretInput[]> {
  const ud: LagretInput[] = [];
  const gyldige = ids.filter((id) => UUID_PATTERN.test(id));
  for (let start = 0; start < gyldige.length; start += 20_000) {
    const { rows } = await db.query<Omit<LagretInput, "vurderingsgrundlag"> & { vurderingsgrundlag: string }>(
      `SELECT i.id, i.maalgruppe, i.version, i.kladde, i.hash, i.noegle, i.vurderingsgrundlag
       FROM unnest($1::uuid[]) AS u(id) JOIN indplaceringer i ON i.id = u.id`,
      [gyldige.slice(start, start + 20_000)],
    );
    for (const r of rows) ud.push({ ...r, vurderingsgrundlag: JSON.parse(r.vurderingsgrundlag) });
  }
  return ud;
}
