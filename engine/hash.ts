// A regelsæt's identity: SHA-256 over its RFC 8785 canonical JSON, so key order and
// whitespace never change the hash. Pure JavaScript so the browser computes the same value.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { holdTilNaeste } from "./hold.js";
import { kanoniskJson } from "./kanonisk.js";

// A hasher kept alive, so that a hash taken after a full collection runs optimised (hold.ts).
holdTilNaeste("sha256", sha256.create().update(new Uint8Array(1)));

/** RFC 8785 canonical JSON; throws on undefined and on non-finite numbers. */
export function canonicalJson(value: unknown): string {
  return kanoniskJson(value);
}

/** With `memo`, parts shared with regelsæt hashed before in the same call are not written again (kanoniskJson). */
export function hashRegelsaet(regelsaet: unknown, memo?: WeakMap<object, string>): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(kanoniskJson(regelsaet, memo))))}`;
}
