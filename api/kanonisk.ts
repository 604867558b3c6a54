// RFC 8785 canonical JSON and its SHA-256, as the API stores them for each decision. The same
// text as engine/hash.ts's canonicalJson (the `canonicalize` package; a test compares the two on
// many results), written for speed because it runs on every POST /indplacering: keys sorted once
// per object shape, strings and numbers through the native JSON.stringify (RFC 8785 prescribes
// ECMAScript's serialisation for both), SHA-256 by node:crypto. A 23 kB explained result took
// ~500-800 µs with `canonicalize` and ~300-400 µs with this on the development VM.
import { createHash } from "node:crypto";

const SORTEREDE = new Map<string, string[]>();
const MAKS_FORMER = 10_000;

function sorteredeNoegler(o: object): string[] {
  const noegler = Object.keys(o);
  const form = noegler.join("\u0000");
  let sorteret = SORTEREDE.get(form);
  if (!sorteret) {
    sorteret = noegler.slice().sort();
    // Shapes with data-defined keys (e.g. supplerende) must not grow the table without bound.
    if (SORTEREDE.size >= MAKS_FORMER) SORTEREDE.clear();
    SORTEREDE.set(form, sorteret);
  }
  return sorteret;
}

const udelades = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/** RFC 8785 canonical JSON; throws on non-finite numbers, as `canonicalize` does. */
export function kanoniskJson(v: unknown): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      if (!Number.isFinite(v)) throw new Error(`API: ${v} cannot be written as canonical JSON`);
      return JSON.stringify(v);
    case "boolean":
      return v ? "true" : "false";
    case "object": {
      if (v === null) return "null";
      const medJson = v as { toJSON?: () => unknown };
      if (typeof medJson.toJSON === "function") return kanoniskJson(medJson.toJSON());
      if (Array.isArray(v)) {
        let s = "[";
        for (let i = 0; i < v.length; i++) {
          if (i > 0) s += ",";
          const x = v[i];
          s += udelades(x) ? "null" : kanoniskJson(x);
        }
        return `${s}]`;
      }
      const o = v as Record<string, unknown>;
      let s = "{";
      let foerste = true;
      for (const k of sorteredeNoegler(o)) {
        const x = o[k];
        if (udelades(x)) continue;
        if (!foerste) s += ",";
        foerste = false;
        s += `${JSON.stringify(k)}:${kanoniskJson(x)}`;
      }
      return `${s}}`;
    }
    default:
      throw new Error(`API: a ${typeof v} cannot be written as JSON`);
  }
}

/** `sha256:<hex>` of a value's canonical JSON — the same form as a regelsæt's hash. */
export function kanoniskHash(v: unknown): string {
  return `sha256:${createHash("sha256").update(kanoniskJson(v)).digest("hex")}`;
}
