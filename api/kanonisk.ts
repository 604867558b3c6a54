// The canonical JSON of engine/kanonisk.ts and its SHA-256 by node:crypto, as the API stores them
// for each decision (the engine's hashRegelsaet computes the same value in pure JavaScript, for
// the browser). A 23 kB explained result took ~500-800 µs with `canonicalize` and ~300-400 µs with
// this on the development VM.
import { createHash } from "node:crypto";
import { kanoniskJson } from "../engine/kanonisk.js";

export { kanoniskJson };

/** `sha256:<hex>` of a value's canonical JSON — the same form as a regelsæt's hash. */
export function kanoniskHash(v: unknown): string {
  return `sha256:${createHash("sha256").update(kanoniskJson(v)).digest("hex")}`;
}
