// The engine as the API uses it: regelsæt read from the database, checked against their stored
// hash and prepared once per content (forbered), so repeated and batch evaluations reuse the
// compiled evaluator (the production path, cached per prepared regelsæt) and the recompute check
// reuses the json-rules-engine oracle's instances.
import { type ForberedtRegelsaet, forbered, type Regelsaet } from "../engine/index.js";
import type { Database, Forespoergsel } from "./db/database.js";
import { detalje, HttpError } from "./http-error.js";
import { hentKladdeIndhold } from "./store/indplaceringer.js";
import { hentKladde, hentVersion, hentVersionHoved } from "./store/regelsaet.js";

export interface Kilde {
  forberedt: ForberedtRegelsaet;
  maalgruppe: string;
  /** The published version, or null for the draft. */
  version: number | null;
  hash: string;
  /** The content as stored (only read when it was not cached). */
  indhold?: string;
}

/** Which regelsæt a request evaluates with: the draft, or a published version (the latest when undefined). */
export interface Valg {
  version?: number;
  kladde: boolean;
  /** A dry run (`?proev=true`): evaluated like the real run, nothing stored, no ids. */
  proev?: boolean;
}

/** The 422 for a regelsæt that is not there, at `rod`'s `maalgruppe`. */
export function ukendtRegelsaet(maalgruppe: string, valg: Valg, rod: (string | number)[] = []): HttpError {
  const hvad = valg.kladde
    ? `Der er ingen kladde for målgruppen '${maalgruppe}'.`
    : valg.version !== undefined
      ? `Målgruppen '${maalgruppe}' har ingen version ${valg.version}.`
      : `Der er intet publiceret regelsæt for målgruppen '${maalgruppe}'.`;
  return new HttpError(422, "UKENDT_REGELSAET", hvad, [detalje([...rod, "maalgruppe"], hvad)]);
}

export class RegelsaetCache {
  private readonly cache = new Map<string, ForberedtRegelsaet>();

  constructor(private readonly stoerrelse = 64) {}

  /** The prepared regelsæt for stored content; refuses content whose hash differs from the stored one. */
  forbered(hash: string, indhold: () => string): ForberedtRegelsaet {
    const fundet = this.cache.get(hash);
    if (fundet) {
      this.cache.delete(hash);
      this.cache.set(hash, fundet);
      return fundet;
    }
    const f = forbered(JSON.parse(indhold()) as Regelsaet);
    if (f.hash !== hash) {
      throw new Error(`API: stored regelsæt has hash ${f.hash}, expected ${hash}; the database is inconsistent`);
    }
    this.cache.set(hash, f);
    if (this.cache.size > this.stoerrelse) {
      const aeldste = this.cache.keys().next().value;
      if (aeldste !== undefined) this.cache.delete(aeldste);
    }
    return f;
  }

  /** A published version (the latest when `version` is undefined), or undefined. */
  async version(db: Database, maalgruppe: string, version?: number): Promise<Kilde | undefined> {
    const hoved = await hentVersionHoved(db, maalgruppe, version);
    if (!hoved) return undefined;
    let indhold: string | undefined;
    if (!this.cache.has(hoved.hash)) {
      indhold = (await hentVersion(db, maalgruppe, hoved.version))?.indhold;
      if (indhold === undefined) return undefined;
    }
    const forberedt = this.forbered(hoved.hash, () => indhold ?? "");
    return { forberedt, maalgruppe, version: hoved.version, hash: hoved.hash, indhold };
  }

  /** The regelsæt a request chose, or undefined. */
  hent(db: Database, maalgruppe: string, valg: Valg): Promise<Kilde | undefined> {
    return valg.kladde ? this.kladde(db, maalgruppe) : this.version(db, maalgruppe, valg.version);
  }

  async kladde(db: Forespoergsel, maalgruppe: string): Promise<(Kilde & { indhold: string }) | undefined> {
    const k = await hentKladde(db, maalgruppe);
    if (!k) return undefined;
    const forberedt = this.forbered(k.hash, () => k.indhold);
    return { forberedt, maalgruppe, version: null, hash: k.hash, indhold: k.indhold };
  }

  /** The regelsæt a stored draft decision was made with, by its hash. */
  async kladdeIndhold(db: Forespoergsel, hash: string): Promise<ForberedtRegelsaet | undefined> {
    if (this.cache.has(hash)) return this.forbered(hash, () => "");
    const indhold = await hentKladdeIndhold(db, hash);
    return indhold === undefined ? undefined : this.forbered(hash, () => indhold);
  }
}
