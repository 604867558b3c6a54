// Indplacering through the API: find the regelsæt (latest, a given version, or the draft),
// evaluate with the prepared regelsæt, store every decision (compactly) with who asked, rebuild a
// stored decision's explained result with the version it names and verify it against the stored
// SHA-256, and recompute a stored decision with json-rules-engine on request.

import type { Logger } from "pino";
import {
  canonicalJson,
  type ForberedtRegelsaet,
  type Indplacering,
  indplacerSync,
  RESULTATFORMAT,
  type Vurderingsgrundlag,
  validateVurderingsgrundlag,
} from "../engine/index.js";
import { indplacer } from "../engine/indplacering/jre.js";
import { type Afvist, type Beregnet, evaluerInput, parameterNiveauer } from "./beregning/indplacering.js";
import type { Beregner } from "./beregning/klient.js";
import type { Database } from "./db/database.js";
import { type Detalje, detalje, detaljerFra, HttpError } from "./http-error.js";
import { kanoniskHash, kanoniskJson, kanoniskMedHash } from "./kanonisk.js";
import { ugyldigNoegle } from "./middleware/adgang.js";
import { forMangeFelter, ikkeEndeligtTal, tjekJson } from "./middleware/tjek-krop.js";
import { type Kilde, type RegelsaetCache, ukendtRegelsaet, type Valg } from "./motor.js";
import {
  gemIndplacering,
  gemIndplaceringer,
  type LagretIndplacering,
  type NyIndplacering,
} from "./store/indplaceringer.js";
import type { Noegle } from "./store/noegler.js";

export type { Valg };

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
      p = cache.hent(db, maalgruppe, valg);
      fundet.set(maalgruppe, p);
    }
    return p;
  };
}

interface Evalueret {
  resultat: Indplacering;
  kilde: Kilde;
  input: Vurderingsgrundlag;
}

/** The input's schema checked (422 at `rod`) and the regelsæt it names found (422 when there is none). */
async function tjekOgFind(
  input: unknown,
  rod: (string | number)[],
  find: Opslag,
  valg: Valg,
): Promise<{ vg: Vurderingsgrundlag; kilde: Kilde }> {
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
  return { vg, kilde };
}

const metaForKilde = (kilde: Kilde) =>
  kilde.version === null ? { kladde: true } : { version: kilde.version, kladde: false };

async function evaluer(input: unknown, rod: (string | number)[], find: Opslag, valg: Valg): Promise<Evalueret> {
  const { vg, kilde } = await tjekOgFind(input, rod, find, valg);
  const e = evaluerInput(kilde.forberedt, vg, metaForKilde(kilde));
  if ("afvist" in e) throw afvist(e.afvist, rod);
  return { resultat: e.resultat, kilde, input: e.vg };
}

const afvist = (a: Afvist, rod: (string | number)[]) =>
  new HttpError(a.status, a.kode, a.besked, detaljerFra(a.problemer, rod));

/** What a decision's row is made from, wherever it was evaluated. */
type TilLager = Pick<Beregnet, "leverandoerId" | "niveau" | "parameterNiveauer" | "vurderingsgrundlagJson" | "hash">;

/** The row of a decision evaluated with `kilde`, whose explained result hashes to `b.hash`. */
function tilLager(kilde: Kilde, b: TilLager, noegle: Pick<Noegle, "navn" | "bekraeftVedGem">): NyIndplacering {
  const ny: NyIndplacering = {
    maalgruppe: kilde.maalgruppe,
    version: kilde.version,
    kladde: kilde.version === null,
    hash: kilde.hash,
    leverandoerId: b.leverandoerId,
    niveau: b.niveau,
    vurderingsgrundlagJson: b.vurderingsgrundlagJson,
    resultatHash: b.hash,
    parameterNiveauer: b.parameterNiveauer,
    noegle: noegle.navn,
  };
  if (noegle.bekraeftVedGem) ny.bekraeftNoegle = noegle.bekraeftVedGem;
  // A decision made with the draft keeps the draft's content, so it can be recomputed later.
  if (kilde.version === null && kilde.indhold !== undefined) {
    ny.kladdeIndhold = { hash: kilde.hash, indhold: kilde.indhold };
  }
  return ny;
}

/** The same for a decision evaluated here (a batch item), whose result's text hashes to `resultatHash`. */
const evalueretTilLager = (e: Evalueret, resultatHash: string, noegle: Pick<Noegle, "navn">) =>
  tilLager(
    e.kilde,
    {
      leverandoerId: e.input.leverandoer.id,
      niveau: e.resultat.niveau,
      parameterNiveauer: parameterNiveauer(e.resultat),
      vurderingsgrundlagJson: kanoniskJson(e.input),
      hash: resultatHash,
    },
    noegle,
  );

/**
 * One decision, stored: its id and the answer as UTF-8 JSON — the result's canonical JSON, whose
 * SHA-256 is the stored `resultat_sha256`, with the id put first: serialised once for both. The
 * CPU work (evaluation, explanation, canonical JSON, hash) is the evaluator's (api/beregning),
 * in its own thread where the machine has a core for it.
 */
export async function indplacerEn(
  db: Database,
  cache: RegelsaetCache,
  input: unknown,
  valg: Valg,
  noegle: Noegle,
  beregner: Beregner,
): Promise<{ id: string; json: Buffer }> {
  const rod = ["vurderingsgrundlag"];
  const { vg, kilde } = await tjekOgFind(input, rod, opslag(db, cache, valg), valg);
  const b = await beregner.indplacer(kilde.forberedt, vg, metaForKilde(kilde));
  if ("afvist" in b) throw afvist(b.afvist, rod);
  const id = await gemIndplacering(db, tilLager(kilde, b.ok, noegle));
  // The key was revoked by another process after this request found it in memory: nothing stored.
  if (id === undefined) throw ugyldigNoegle();
  const { bytes } = b.ok;
  return { id, json: Buffer.concat([Buffer.from(idFoerst(id)), bytes.subarray(1)]) };
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
    const tekster = gode.map((e) => kanoniskMedHash(e.resultat));
    const nye = gode.map((e, i) => evalueretTilLager(e, (tekster[i] as { hash: string }).hash, { navn: this.noegle }));
    const ids = this.valg.proev ? [] : await gemIndplaceringer(this.db, nye);
    let n = 0;
    return udfald.map((u) => {
      if (!("kilde" in u)) return { udfald: u, json: JSON.stringify(u) };
      const json = (tekster[n] as { json: string }).json;
      const id = ids[n++] ?? "";
      return { udfald: { id, ...u.resultat }, json: idFoerst(id) + json.slice(1) };
    });
  }
}

/**
 * The start of a decision's answer: its id as the first field, before the stored result's
 * canonical JSON (whose `{` it replaces). Without the id, the answer is the text whose SHA-256
 * is stored.
 */
const idFoerst = (id: string) => `{"id":${JSON.stringify(id)},`;

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

/** The regelsæt a stored decision names, or undefined when it cannot be found (or its hash differs). */
async function regelsaetFor(
  db: Database,
  cache: RegelsaetCache,
  lagret: LagretIndplacering,
): Promise<ForberedtRegelsaet | undefined> {
  let f: ForberedtRegelsaet | undefined;
  if (lagret.version !== null) f = (await cache.version(db, lagret.maalgruppe, lagret.version))?.forberedt;
  else f = await cache.kladdeIndhold(db, lagret.hash);
  return f && f.hash === lagret.hash ? f : undefined;
}

const metaFor = (lagret: LagretIndplacering) =>
  lagret.version === null ? { kladde: true } : { version: lagret.version, kladde: false };

/**
 * A stored decision's full explained result. A row stored before migration 002 has it stored; a
 * compact row's is rebuilt with the stored regelsæt version (compiled evaluator) and must hash to
 * the stored SHA-256 and give the stored levels — otherwise the stored decision cannot be shown as
 * it was given: 500, with a log line naming the decision and both hashes.
 */
export async function afgoerelsensResultat(
  db: Database,
  cache: RegelsaetCache,
  lagret: LagretIndplacering,
  log: Logger,
  forespoergselsId: string,
): Promise<unknown> {
  if (lagret.resultat !== undefined) return lagret.resultat;
  const afvis = (hvorfor: string, felter: Record<string, unknown>) => {
    log.error({ afgoerelse: lagret.id, ...felter }, `Gemt afgørelse ${lagret.id} kan ikke genskabes: ${hvorfor}`);
    return new HttpError(
      500,
      "AFGOERELSE_KAN_IKKE_GENSKABES",
      `Den gemte afgørelse kan ikke genskabes uændret. Oplys forespørgsels-id ${forespoergselsId}.`,
    );
  };
  const f = await regelsaetFor(db, cache, lagret);
  if (!f) throw afvis("regelsættet findes ikke", { maalgruppe: lagret.maalgruppe, version: lagret.version });
  let resultat: Indplacering;
  try {
    resultat = indplacerSync(f, lagret.vurderingsgrundlag as Vurderingsgrundlag, metaFor(lagret));
  } catch (e) {
    throw afvis("evalueringen fejlede", { err: e });
  }
  const genberegnet = kanoniskHash(resultat);
  // A row from an older result format cannot be rebuilt byte for byte; its levels must still hold.
  const sammeFormat = lagret.resultatformat === RESULTATFORMAT;
  if (sammeFormat && genberegnet !== lagret.resultatHash) {
    throw afvis("hash afviger", { lagretHash: lagret.resultatHash, genberegnetHash: genberegnet });
  }
  if (!sammeFormat)
    log.info(
      { afgoerelse: lagret.id, resultatformat: lagret.resultatformat, nu: RESULTATFORMAT },
      `Gemt afgørelse ${lagret.id} er fra resultatformat ${lagret.resultatformat}; begrundelsen er genskabt i format ${RESULTATFORMAT}, niveauerne efterprøves`,
    );
  const niveauer = parameterNiveauer(resultat);
  if (resultat.niveau !== lagret.niveau || kanoniskJson(niveauer) !== kanoniskJson(lagret.parameterNiveauer)) {
    throw afvis("niveauerne afviger", {
      lagretNiveau: lagret.niveau,
      genberegnetNiveau: resultat.niveau,
      lagredeParameterNiveauer: lagret.parameterNiveauer,
      genberegnedeParameterNiveauer: niveauer,
    });
  }
  return resultat;
}

export interface Genberegning {
  identisk: boolean;
  indplacering: Indplacering;
}

/**
 * Recomputes a stored decision with json-rules-engine (not the compiled evaluator that built or
 * rebuilt `resultat`) and the regelsæt it names, and compares canonical JSON.
 */
export async function genberegn(
  db: Database,
  cache: RegelsaetCache,
  lagret: LagretIndplacering,
  resultat: unknown,
): Promise<Genberegning> {
  const f = await regelsaetFor(db, cache, lagret);
  if (!f) {
    throw new HttpError(409, "REGELSAET_MANGLER", "Regelsættet, som afgørelsen blev truffet med, kan ikke findes.");
  }
  const indplacering = await indplacer(f, lagret.vurderingsgrundlag, metaFor(lagret));
  const ny = canonicalJson(JSON.parse(JSON.stringify(indplacering)));
  return { identisk: ny === canonicalJson(JSON.parse(JSON.stringify(resultat))), indplacering };
}
