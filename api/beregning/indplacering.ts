// One decision's CPU work, the same wherever it runs (the evaluation thread, or in process):
// the input's words made codes (normaliserGrundlag), the explained result (compiled evaluator),
// its canonical JSON as UTF-8 and that text's SHA-256, and the normalised input's canonical JSON
// — everything the HTTP thread needs to store the decision and answer it. An input the regelsæt
// refuses is a `problem` (422 in the caller's terms), never a thrown error.
import {
  EngineError,
  type ForberedtRegelsaet,
  type Indplacering,
  indplacerSync,
  normaliserGrundlag,
  type Problem,
  type Vurderingsgrundlag,
} from "../../engine/index.js";
import { kanoniskeBytesMedHash, kanoniskJson } from "../kanonisk.js";

export interface Meta {
  version?: number;
  kladde: boolean;
}

export interface Beregnet {
  /** The explained result's canonical JSON: the text whose SHA-256 is stored. */
  bytes: Uint8Array;
  hash: string;
  niveau: Indplacering["niveau"];
  /** Each parameter's level (the one that counts), by id. */
  parameterNiveauer: Record<string, string>;
  /** The normalised input's canonical JSON: what is stored and recomputed. */
  vurderingsgrundlagJson: string;
  leverandoerId: string;
}

/** Why an input cannot be evaluated: the 422's code, message and the problems at their paths. */
export interface Afvist {
  status: 422;
  kode: string;
  besked: string;
  problemer: Problem[];
}

export type Beregning = { ok: Beregnet } | { afvist: Afvist };

/**
 * Bytes whose buffer is theirs alone, so that it can be transferred to another thread: a small
 * Buffer is a slice of Node's shared pool, which Node 20 then copies whole behind our back (the
 * pool is marked untransferable) and later versions refuse to transfer (DataCloneError).
 */
export const egetLager = (b: Uint8Array): Uint8Array =>
  b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);

/** Each parameter's level (the one that counts), by id: what a compact decision stores beside its hash. */
export const parameterNiveauer = (r: Indplacering): Record<string, string> =>
  Object.fromEntries(r.parametre.map((p) => [p.id, p.niveau]));

/** The normalised input and its explained result, or why the regelsæt refuses the input. */
export function evaluerInput(
  f: ForberedtRegelsaet,
  input: Vurderingsgrundlag,
  meta: Meta,
): { resultat: Indplacering; vg: Vurderingsgrundlag } | { afvist: Afvist } {
  // Words from the regelsæt's kodelister become their codes; the normalised input is what is
  // evaluated and stored. An unknown word is a 422 naming the field, never a silently lower level.
  const normalisering = normaliserGrundlag(f.regelsaet, input);
  if (normalisering.problemer.length > 0) {
    return {
      afvist: {
        status: 422,
        kode: "UKENDT_KODE",
        besked: "Vurderingsgrundlaget bruger ord, som ikke står i regelsættets kodelister.",
        problemer: normalisering.problemer,
      },
    };
  }
  const vg = normalisering.grundlag;
  try {
    return { resultat: indplacerSync(f, vg, meta), vg };
  } catch (e) {
    if (e instanceof EngineError)
      return { afvist: { status: 422, kode: e.code, besked: e.message, problemer: e.detaljer } };
    throw e;
  }
}

/** Evaluates a valid input (its schema already checked) with a prepared regelsæt, ready to store and answer. */
export function beregnIndplacering(f: ForberedtRegelsaet, input: Vurderingsgrundlag, meta: Meta): Beregning {
  const e = evaluerInput(f, input, meta);
  if ("afvist" in e) return e;
  const { bytes, hash } = kanoniskeBytesMedHash(e.resultat);
  return {
    ok: {
      bytes,
      hash,
      niveau: e.resultat.niveau,
      parameterNiveauer: parameterNiveauer(e.resultat),
      vurderingsgrundlagJson: kanoniskJson(e.vg),
      leverandoerId: e.vg.leverandoer.id,
    },
  };
}
