// Indplacering through the API: find the regelsæt (latest, a given version, or the draft),
// evaluate with the prepared regelsæt, store every decision with who asked, and recompute a
// stored decision with the version it names.
import {
  canonicalJson,
  EngineError,
  type ForberedtRegelsaet,
  type Indplacering,
  indplacer,
  indplacerSync,
  type Vurderingsgrundlag,
  validateVurderingsgrundlag,
} from "../engine/index.js";
import type { Database } from "./db/database.js";
import { type Detalje, detalje, detaljerFra, HttpError } from "./http-error.js";
import { forMangeFelter, ikkeEndeligtTal, tjekJson } from "./middleware/tjek-krop.js";
import type { Kilde, RegelsaetCache } from "./motor.js";
import {
  gemIndplacering,
  gemIndplaceringer,
  type LagretIndplacering,
  type NyIndplacering,
} from "./store/indplaceringer.js";

export interface Valg {
  version?: number;
  kladde: boolean;
}

export type Udfald =
  | ({ id: string } & Indplacering)
  | { index: number; fejl: string; kode: string; detaljer: Detalje[] };

type Opslag = (maalgruppe: string) => Promise<Kilde | undefined>;

/** Looks each målgruppe up once per request. */
function opslag(db: Database, cache: RegelsaetCache, valg: Valg): Opslag {
  const fundet = new Map<string, Promise<Kilde | undefined>>();
  return (maalgruppe) => {
    let p = fundet.get(maalgruppe);
    if (!p) {
      p = valg.kladde ? cache.kladde(db, maalgruppe) : cache.version(db, maalgruppe, valg.version);
      fundet.set(maalgruppe, p);
    }
    return p;
  };
}

function ukendtRegelsaet(maalgruppe: string, valg: Valg, rod: (string | number)[]): HttpError {
  const hvad = valg.kladde
    ? `Der er ingen kladde for målgruppen '${maalgruppe}'.`
    : valg.version !== undefined
      ? `Målgruppen '${maalgruppe}' har ingen version ${valg.version}.`
      : `Der er intet publiceret regelsæt for målgruppen '${maalgruppe}'.`;
  return new HttpError(422, "UKENDT_REGELSAET", hvad, [detalje([...rod, "maalgruppe"], hvad)]);
}

interface Evalueret {
  resultat: Indplacering;
  kilde: Kilde;
  input: Vurderingsgrundlag;
}

async function evaluer(input: unknown, rod: (string | number)[], find: Opslag, valg: Valg): Promise<Evalueret> {
  const problemer = validateVurderingsgrundlag(input);
  if (problemer.length > 0) {
    throw new HttpError(
      422,
      "UGYLDIGT_VURDERINGSGRUNDLAG",
      "Vurderingsgrundlaget er ugyldigt.",
      detaljerFra(problemer, rod),
    );
  }
  const vg = input as Vurderingsgrundlag;
  const kilde = await find(vg.maalgruppe);
  if (!kilde) throw ukendtRegelsaet(vg.maalgruppe, valg, rod);
  try {
    const meta = kilde.version === null ? { kladde: true } : { version: kilde.version, kladde: false };
    return { resultat: indplacerSync(kilde.forberedt, vg, meta), kilde, input: vg };
  } catch (e) {
    if (e instanceof EngineError) throw new HttpError(422, e.code, e.message, detaljerFra(e.detaljer, rod));
    throw e;
  }
}

function tilLager(e: Evalueret, noegle: string, resultatJson: string): NyIndplacering {
  const ny: NyIndplacering = {
    maalgruppe: e.kilde.maalgruppe,
    version: e.kilde.version,
    kladde: e.kilde.version === null,
    hash: e.kilde.hash,
    leverandoerId: e.input.leverandoer.id,
    niveau: e.resultat.niveau,
    vurderingsgrundlag: e.input,
    resultatJson,
    noegle,
  };
  // A decision made with the draft keeps the draft's content, so it can be recomputed later.
  if (e.kilde.version === null && e.kilde.indhold !== undefined) {
    ny.kladdeIndhold = { hash: e.kilde.hash, indhold: e.kilde.indhold };
  }
  return ny;
}

/**
 * One decision, stored: its id and the answer as JSON text (the stored result with the id first),
 * serialised once for both.
 */
export async function indplacerEn(
  db: Database,
  cache: RegelsaetCache,
  input: unknown,
  valg: Valg,
  noegle: string,
): Promise<{ id: string; json: string }> {
  const e = await evaluer(input, ["vurderingsgrundlag"], opslag(db, cache, valg), valg);
  const resultatJson = JSON.stringify(e.resultat);
  const id = await gemIndplacering(db, tilLager(e, noegle, resultatJson));
  return { id, json: medId(id, resultatJson) };
}

/**
 * Evaluates items one at a time and stores them in chunks: an invalid item becomes an error entry
 * at its index, the rest are stored (one transaction per `gem`) with their own id.
 */
export class Indplacerer {
  private readonly find: Opslag;
  private ventende: (Evalueret | Udfald)[] = [];

  constructor(
    private readonly db: Database,
    cache: RegelsaetCache,
    private readonly valg: Valg,
    private readonly noegle: string,
  ) {
    this.find = opslag(db, cache, valg);
  }

  get antalVentende(): number {
    return this.ventende.length;
  }

  async tilfoej(input: unknown, index: number): Promise<void> {
    try {
      const fund = tjekJson(input, 62);
      if (fund?.slags === "dybde") {
        throw new HttpError(422, "FOR_DYB", "Vurderingsgrundlaget er indlejret for dybt.", [
          detalje(["vurderingsgrundlag", index], "Indlejret for dybt."),
        ]);
      }
      if (fund?.slags === "tal") throw ikkeEndeligtTal(["vurderingsgrundlag", index, ...fund.sti]);
      if (fund?.slags === "felter") throw forMangeFelter(["vurderingsgrundlag", index, ...fund.sti], fund.antal);
      if (fund?.slags === "unicode") {
        const sti = ["vurderingsgrundlag", index, ...fund.sti];
        throw new HttpError(422, "UGYLDIG_UNICODE", "Vurderingsgrundlaget indeholder ugyldig Unicode.", [
          detalje(sti, "Ugyldig Unicode (enligt surrogattegn)."),
        ]);
      }
      this.ventende.push(await evaluer(input, ["vurderingsgrundlag", index], this.find, this.valg));
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      this.ventende.push({ index, fejl: e.fejl, kode: e.code, detaljer: e.detaljer });
    }
  }

  /** Stores the evaluated items in one transaction and hands them back, in order, with their ids. */
  async gem(): Promise<Udfald[]> {
    return (await this.gemMedJson()).map((u) => u.udfald);
  }

  /** As `gem`, with each item's answer also as JSON text (a decision is serialised once, for both). */
  async gemMedJson(): Promise<{ udfald: Udfald; json: string }[]> {
    const udfald = this.ventende;
    this.ventende = [];
    const gode = udfald.filter((u): u is Evalueret => "kilde" in u);
    const nye = gode.map((e) => tilLager(e, this.noegle, JSON.stringify(e.resultat)));
    const ids = await gemIndplaceringer(this.db, nye);
    let n = 0;
    return udfald.map((u) => {
      if (!("kilde" in u)) return { udfald: u, json: JSON.stringify(u) };
      const id = ids[n] ?? "";
      const { resultatJson } = nye[n++] as NyIndplacering;
      return { udfald: { id, ...u.resultat }, json: medId(id, resultatJson) };
    });
  }
}

/** A stored result's JSON with its id as the first field, as the API answers it. */
const medId = (id: string, resultatJson: string) => `{"id":${JSON.stringify(id)},${resultatJson.slice(1)}`;

/** Evaluates every item; an invalid item becomes an error entry at its index, the rest are stored. */
export async function indplacerMange(
  db: Database,
  cache: RegelsaetCache,
  liste: readonly unknown[],
  valg: Valg,
  noegle: string,
): Promise<Udfald[]> {
  const ip = new Indplacerer(db, cache, valg, noegle);
  for (const [i, input] of liste.entries()) {
    // Let other requests in between: evaluation is CPU work that never waits on I/O.
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
    await ip.tilfoej(input, i);
  }
  return ip.gem();
}

export interface Genberegning {
  identisk: boolean;
  indplacering: Indplacering;
}

/** Recomputes a stored decision with the regelsæt it names and compares canonical JSON. */
export async function genberegn(
  db: Database,
  cache: RegelsaetCache,
  lagret: LagretIndplacering,
): Promise<Genberegning> {
  let f: ForberedtRegelsaet | undefined;
  if (lagret.version !== null) f = (await cache.version(db, lagret.maalgruppe, lagret.version))?.forberedt;
  else f = await cache.kladdeIndhold(db, lagret.hash);
  if (!f || f.hash !== lagret.hash) {
    throw new HttpError(409, "REGELSAET_MANGLER", "Regelsættet, som afgørelsen blev truffet med, kan ikke findes.");
  }
  const meta = lagret.version === null ? { kladde: true } : { version: lagret.version, kladde: false };
  const indplacering = await indplacer(f, lagret.vurderingsgrundlag, meta);
  const ny = canonicalJson(JSON.parse(JSON.stringify(indplacering)));
  return { identisk: ny === canonicalJson(lagret.resultat), indplacering };
}
