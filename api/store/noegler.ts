// API keys: random secrets shown once, stored only as their SHA-256. A key is found by the hash
// of what the client sent; the digests are then compared in constant time as well.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { type Database, type Forespoergsel, sqlState, UNIQUE_VIOLATION } from "../db/database.js";
import { HttpError } from "../http-error.js";
import { erOrganisation, ORGANISATIONER } from "../organisation.js";
import { iso, skrivAudit } from "./audit.js";
import { Opslagsregister } from "./eneopslag.js";

export const ROLLER = ["laeser", "tilsyn", "forfatter", "admin"] as const;
export type Rolle = (typeof ROLLER)[number];
export const NOEGLE_NAVN_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const NOEGLE_PREFIKS = "smk_";
/** The admin key the server makes for the key command on this machine (see api/lokal.ts). */
export const LOKAL_CLI = "lokal-cli";

export interface Noegle {
  navn: string;
  rolle: Rolle;
  /** The organisation the key belongs to (api/organisation.ts); null: none, every organisation's data. */
  organisation: string | null;
  /**
   * Set when the key was taken from memory on a shared PostgreSQL server (`findNoegle` with
   * `bekraeftesVedGem`): the hash of its secret, which the decision's INSERT checks is still
   * active, so that a key another process has just revoked stores nothing (api/store/indplaceringer.ts).
   */
  bekraeftVedGem?: string;
}

export interface NoegleInfo extends Noegle {
  oprettet: string;
  oprettetAf: string | null;
  tilbagekaldt: string | null;
}

export const harRolle = (noegle: Noegle, kraevet: Rolle) => ROLLER.indexOf(noegle.rolle) >= ROLLER.indexOf(kraevet);

export function nyHemmelighed(): string {
  return `${NOEGLE_PREFIKS}${randomBytes(32).toString("base64url")}`;
}

export function hashNoegle(hemmelighed: string): string {
  return createHash("sha256").update(hemmelighed, "utf8").digest("hex");
}

// Active keys by the hash of their secret. Every write to the key table goes through `skriv` (see
// eneopslag.ts). On a shared PostgreSQL server a key revoked by another process must fail at once
// everywhere, not a notification's milliseconds later: so there a request reads its key from the
// database, except POST /indplacering (`bekraeftesVedGem`), the hot route, whose INSERT itself
// checks that the key is still active: one round trip fewer per decision, and a revoked key stores
// nothing and is answered 401. (Until the revocation's notification arrives, milliseconds, such a
// request with an invalid body may still get its 422 instead of the 401.)
const NOEGLER = new Opslagsregister<Noegle & { hash: Buffer }>("ved-besked");

/**
 * The active key with this secret, or undefined. `bekraeftesVedGem`: the caller stores its work
 * only through an INSERT that checks `bekraeftVedGem` (see `Noegle`), so a kept answer will do.
 */
export async function findNoegle(
  db: Database,
  hemmelighed: string,
  bekraeftesVedGem = false,
): Promise<Noegle | undefined> {
  if (!hemmelighed.startsWith(NOEGLE_PREFIKS) || hemmelighed.length > 200) return undefined;
  const hash = hashNoegle(hemmelighed);
  const delt = db.slags !== "pglite";
  const r = await NOEGLER.for(db).hent(
    hash,
    async () => {
      const { rows } = await db.query<{ navn: string; rolle: Rolle; hash: string; organisation: string | null }>(
        "SELECT navn, rolle, hash, organisation FROM noegler WHERE hash = $1 AND tilbagekaldt IS NULL",
        [hash],
      );
      const r = rows[0];
      return r && { navn: r.navn, rolle: r.rolle, organisation: r.organisation, hash: Buffer.from(r.hash, "hex") };
    },
    delt && !bekraeftesVedGem,
  );
  if (!r || !timingSafeEqual(r.hash, Buffer.from(hash, "hex"))) return undefined;
  const noegle: Noegle = { navn: r.navn, rolle: r.rolle, organisation: r.organisation };
  if (delt && bekraeftesVedGem) noegle.bekraeftVedGem = hash;
  return noegle;
}

export function tjekNoegleInput(
  navn: unknown,
  rolle: unknown,
  organisation?: unknown,
): { navn: string; rolle: Rolle; organisation: string | null } {
  const detaljer = [];
  if (organisation !== undefined && organisation !== null && !erOrganisation(organisation)) {
    detaljer.push({ path: "organisation", message: `Skal være en af: ${ORGANISATIONER.join(", ")}.` });
  }
  if (typeof navn !== "string" || !NOEGLE_NAVN_PATTERN.test(navn)) {
    detaljer.push({
      path: "navn",
      message:
        "Skal være 1–64 tegn: bogstaver a–z, tal, punktum, bindestreg og understregning; først et bogstav eller tal.",
    });
  }
  if (typeof rolle !== "string" || !(ROLLER as readonly string[]).includes(rolle)) {
    detaljer.push({ path: "rolle", message: `Skal være en af: ${ROLLER.join(", ")}.` });
  }
  if (detaljer.length > 0) throw new HttpError(422, "UGYLDIG_NOEGLE", "Nøglen kan ikke oprettes.", detaljer);
  return { navn: navn as string, rolle: rolle as Rolle, organisation: (organisation as string | undefined) ?? null };
}

/** Creates a key and returns its secret (the only time it exists outside the client). */
export async function opretNoegle(
  db: Database,
  navn: string,
  rolle: Rolle,
  af: string,
  organisation: string | null = null,
): Promise<string> {
  const hemmelighed = nyHemmelighed();
  try {
    await NOEGLER.transaktion(db, async (tx) => {
      await tx.query("INSERT INTO noegler (navn, rolle, hash, oprettet_af, organisation) VALUES ($1, $2, $3, $4, $5)", [
        navn,
        rolle,
        hashNoegle(hemmelighed),
        af,
        organisation,
      ]);
      await skrivAudit(tx, {
        noegle: af,
        handling: "noegle.oprettet",
        detaljer: organisation ? { navn, rolle, organisation } : { navn, rolle },
      });
    });
  } catch (e) {
    if (sqlState(e) === UNIQUE_VIOLATION) {
      throw new HttpError(409, "NOEGLE_FINDES", `Der findes allerede en nøgle med navnet '${navn}'.`, [
        { path: "navn", message: "Navnet er brugt (også tilbagekaldte nøgler beholder deres navn)." },
      ]);
    }
    throw e;
  }
  return hemmelighed;
}

export async function listNoegler(db: Forespoergsel): Promise<NoegleInfo[]> {
  const { rows } = await db.query<{
    navn: string;
    rolle: Rolle;
    oprettet: Date;
    oprettet_af: string | null;
    tilbagekaldt: Date | null;
    organisation: string | null;
  }>("SELECT navn, rolle, organisation, oprettet, oprettet_af, tilbagekaldt FROM noegler ORDER BY oprettet, navn");
  return rows.map((r) => ({
    navn: r.navn,
    rolle: r.rolle,
    organisation: r.organisation,
    oprettet: iso(r.oprettet),
    oprettetAf: r.oprettet_af,
    tilbagekaldt: r.tilbagekaldt ? iso(r.tilbagekaldt) : null,
  }));
}

export async function tilbagekaldNoegle(db: Database, navn: string, af: string): Promise<void> {
  await NOEGLER.transaktion(db, async (tx) => {
    const { rows } = await tx.query<{ tilbagekaldt: Date | null }>(
      "SELECT tilbagekaldt FROM noegler WHERE navn = $1 FOR UPDATE",
      [navn],
    );
    const r = rows[0];
    if (!r) throw new HttpError(404, "IKKE_FUNDET", `Der er ingen nøgle med navnet '${navn}'.`);
    if (r.tilbagekaldt) throw new HttpError(409, "ALLEREDE_TILBAGEKALDT", `Nøglen '${navn}' er allerede tilbagekaldt.`);
    await tx.query("UPDATE noegler SET tilbagekaldt = now() WHERE navn = $1", [navn]);
    await skrivAudit(tx, { noegle: af, handling: "noegle.tilbagekaldt", detaljer: { navn } });
  });
}

/** Number of keys ever made, not counting the server's own key for the local command. */
export async function antalNoegler(db: Forespoergsel): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM noegler WHERE navn <> $1", [
    LOKAL_CLI,
  ]);
  return rows[0]?.n ?? 0;
}

/**
 * The first admin key on an empty key table, or undefined when there are keys already (or
 * another server made it first).
 */
export async function opretFoersteAdmin(db: Database): Promise<string | undefined> {
  return NOEGLER.transaktion(db, async (tx) => {
    await tx.query("LOCK TABLE noegler IN SHARE ROW EXCLUSIVE MODE");
    if ((await antalNoegler(tx)) > 0) return undefined;
    const hemmelighed = nyHemmelighed();
    await tx.query("INSERT INTO noegler (navn, rolle, hash, oprettet_af) VALUES ('admin', 'admin', $1, 'system')", [
      hashNoegle(hemmelighed),
    ]);
    await skrivAudit(tx, {
      noegle: "system",
      handling: "noegle.oprettet",
      detaljer: { navn: "admin", rolle: "admin" },
    });
    return hemmelighed;
  });
}

/** A fresh secret for the local command's admin key; the previous one stops working. */
export async function fornyLokalNoegle(db: Database): Promise<string> {
  const hemmelighed = nyHemmelighed();
  await NOEGLER.transaktion(db, async (tx) => {
    await tx.query(
      `INSERT INTO noegler (navn, rolle, hash, oprettet_af) VALUES ($1, 'admin', $2, 'system')
       ON CONFLICT (navn) DO UPDATE SET hash = EXCLUDED.hash, rolle = 'admin', tilbagekaldt = NULL`,
      [LOKAL_CLI, hashNoegle(hemmelighed)],
    );
    await skrivAudit(tx, { noegle: "system", handling: "noegle.fornyet", detaljer: { navn: LOKAL_CLI } });
  });
  return hemmelighed;
}

export async function tilbagekaldLokalNoegle(db: Database): Promise<void> {
  await NOEGLER.transaktion(db, async (tx) => {
    const { rowCount } = await tx.query(
      "UPDATE noegler SET tilbagekaldt = now() WHERE navn = $1 AND tilbagekaldt IS NULL",
      [LOKAL_CLI],
    );
    if (rowCount > 0) {
      await skrivAudit(tx, { noegle: "system", handling: "noegle.tilbagekaldt", detaljer: { navn: LOKAL_CLI } });
    }
  });
}

/** The organisation of the key with this name (revoked or not); null when it has none or is unknown. */
export async function organisationFor(db: Forespoergsel, navn: string): Promise<string | null> {
  const { rows } = await db.query<{ organisation: string | null }>("SELECT organisation FROM noegler WHERE navn = $1", [
    navn,
  ]);
  return rows[0]?.organisation ?? null;
}
