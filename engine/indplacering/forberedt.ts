// A regelsæt made ready for many evaluations, shared by the compiled production path and the
// json-rules-engine oracle: the hash computed once, the active parameters picked out, and the
// input check both paths make before they evaluate.
import { hashRegelsaet } from "../hash.js";
import { EngineError } from "../problem.js";
import type { Parameter, Regelsaet } from "../schema/regelsaet.js";
import type { Vurderingsgrundlag } from "../schema/vurderingsgrundlag.js";
import { validateVurderingsgrundlag } from "../validate.js";

/** A regelsæt made ready for many evaluations: hash computed once, active parameters listed. */
export interface ForberedtRegelsaet {
  regelsaet: Regelsaet;
  hash: string;
  aktive: Parameter[];
}

export function forbered(regelsaet: Regelsaet): ForberedtRegelsaet {
  return forberedMed(regelsaet, undefined);
}

/**
 * Several regelsæt prepared together — a regelsæt's scenarios, which share every part they do not
 * change: each shared part is written as canonical JSON once for all their hashes (one
 * synchronous call, so nothing can change a shared part in between).
 */
export function forberedAlle(liste: readonly Regelsaet[]): ForberedtRegelsaet[] {
  const memo = new WeakMap<object, string>();
  return liste.map((r) => forberedMed(r, memo));
}

function forberedMed(regelsaet: Regelsaet, memo: WeakMap<object, string> | undefined): ForberedtRegelsaet {
  return {
    regelsaet,
    hash: hashRegelsaet(regelsaet, memo),
    aktive: regelsaet.parametre.filter((p) => p.aktiv !== false),
  };
}

/** A regelsæt has neither `hash` nor `aktive` (its schema forbids unknown keys). */
export function erForberedt(r: Regelsaet | ForberedtRegelsaet): r is ForberedtRegelsaet {
  return "hash" in r && "aktive" in r;
}

/** The prepared form, preparing a plain regelsæt now. */
export function forberedt(r: Regelsaet | ForberedtRegelsaet): ForberedtRegelsaet {
  return erForberedt(r) ? r : forbered(r);
}

export function assertInput(f: ForberedtRegelsaet, input: unknown): asserts input is Vurderingsgrundlag {
  const fejl = validateVurderingsgrundlag(input);
  if (fejl.length > 0) throw new EngineError("UGYLDIGT_VURDERINGSGRUNDLAG", "Vurderingsgrundlaget er ugyldigt.", fejl);
  const maalgruppe = (input as Vurderingsgrundlag).maalgruppe;
  if (maalgruppe !== f.regelsaet.maalgruppe) {
    throw new EngineError(
      "FORKERT_MAALGRUPPE",
      `Vurderingsgrundlaget gælder '${maalgruppe}', men regelsættet gælder '${f.regelsaet.maalgruppe}'.`,
      [{ path: "maalgruppe", pointer: "/maalgruppe", message: `Skal være '${f.regelsaet.maalgruppe}'.` }],
    );
  }
}
