// The canonical JSON of engine/kanonisk.ts and its SHA-256 by node:crypto, as the API stores them
// for each decision (the engine's hashRegelsaet computes the same value in pure JavaScript, for
// the browser). A 23 kB explained result took ~500-800 µs with `canonicalize` and ~300-400 µs with
// this on the development VM.
import { createHash } from "node:crypto";
import { kanoniskJson } from "../engine/kanonisk.js";

export { kanoniskJson };

const sha256 = (data: string | Buffer) => `sha256:${createHash("sha256").update(data).digest("hex")}`;

/** `sha256:<hex>` of a value's canonical JSON — the same form as a regelsæt's hash. */
export function kanoniskHash(v: unknown): string {
  return sha256(kanoniskJson(v));
}

/** A value's canonical JSON and its hash, for a decision that is both stored (hash) and answered (text). */
export function kanoniskMedHash(v: unknown): { json: string; hash: string } {
  const json = kanoniskJson(v);
  return { json, hash: sha256(json) };
}

/**
 * The same as UTF-8 bytes: the text is encoded once, hashed and sent as it is (a 26 kB explained
 * result: ~180 µs for canonical JSON, encoding and hash, against ~270 µs when the answer was a
 * second serialisation of its own, encoded again by the response).
 */
export function kanoniskeBytesMedHash(v: unknown): { bytes: Buffer; hash: string } {
  const bytes = Buffer.from(kanoniskJson(v));
  return { bytes, hash: sha256(bytes) };
}
