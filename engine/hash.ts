// A regelsæt's identity: SHA-256 over its RFC 8785 canonical JSON, so key order and
// whitespace never change the hash. Pure JavaScript so the browser computes the same value.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import canonicalize from "canonicalize";

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("Engine: cannot canonicalise an undefined value");
  return text;
}

export function hashRegelsaet(regelsaet: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(regelsaet))))}`;
}
