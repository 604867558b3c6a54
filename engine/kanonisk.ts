// RFC 8785 canonical JSON: the text every hash in the product is taken over (a regelsæt's
// identity, a stored decision's result and input). Written for speed, because it runs over every
// scenario's whole regelsæt (~100 kB) and every stored decision: keys sorted once per object
// shape, strings and numbers through the native JSON.stringify (RFC 8785 prescribes ECMAScript's
// serialisation for both). The same text as the `canonicalize` package, which the tests use as
// the oracle (test/engine/kanonisk.test.ts); 3-4× faster on a pilot regelsæt. Pure: no I/O.

/** An object shape: its keys as Object.keys gives them, sorted, and each sorted key written as `"key":`. */
interface Form {
  noegler: readonly string[];
  sorteret: readonly string[];
  skrevet: readonly string[];
}

/**
 * Shapes seen, by first key. Finding an object's shape compares its keys with the cached ones, so
 * a repeated shape costs no allocation, no sorting and no key escaping.
 */
const FORMER = new Map<string, Form[]>();
let antalFormer = 0;
const MAKS_FORMER = 10_000;
/** Data-defined keys (e.g. supplerende) could make one first key's list long: beyond this, sort directly. */
const MAKS_PR_FOERSTE = 32;

function form(noegler: string[]): Form {
  const n = noegler.length;
  const foerste = n === 0 ? "" : (noegler[0] as string);
  let liste = FORMER.get(foerste);
  if (liste) {
    for (let j = 0; j < liste.length; j++) {
      const f = liste[j] as Form;
      const kendte = f.noegler;
      if (kendte.length !== n) continue;
      let i = 1;
      while (i < n && kendte[i] === noegler[i]) i++;
      if (i >= n) return f;
    }
  }
  const sorteret = noegler.slice().sort();
  const ny: Form = { noegler, sorteret, skrevet: sorteret.map((k) => `${JSON.stringify(velformet(k))}:`) };
  // Bounded on every insert: shapes come from data (supplerende's keys), which callers choose.
  if (antalFormer >= MAKS_FORMER) {
    FORMER.clear();
    antalFormer = 0;
    liste = undefined;
  }
  if (!liste) {
    liste = [];
    FORMER.set(foerste, liste);
  }
  if (liste.length < MAKS_PR_FOERSTE) {
    liste.push(ny);
    antalFormer++;
  }
  return ny;
}

/**
 * False for a string with a lone surrogate: it has no UTF-8 form and, by RFC 8785 §3.2.2.2, no
 * canonical form (`canonicalize` throws too). isWellFormed is ES2024 (Node 20, every current
 * browser); the engine's lib is ES2023.
 */
export const erVelformet = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

function velformet(s: string): string {
  if (!erVelformet(s)) throw new Error("Engine: a string with a lone surrogate cannot be written as canonical JSON");
  return s;
}

/** How many object shapes the cache holds now (tests and diagnostics). */
export const antalKanoniskeFormer = () => antalFormer;

const udelades = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/**
 * RFC 8785 canonical JSON; throws on non-finite numbers and lone surrogates, as `canonicalize` does.
 * With `memo`, each object's and array's text is kept and reused: for several values that share
 * parts (a regelsæt's scenarios share all they do not change) within one synchronous call, where
 * nothing can change the shared parts between one value and the next.
 */
export function kanoniskJson(v: unknown, memo?: WeakMap<object, string>): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(velformet(v));
    case "number":
      if (!Number.isFinite(v)) throw new Error(`Engine: ${v} cannot be written as canonical JSON`);
      return JSON.stringify(v);
    case "boolean":
      return v ? "true" : "false";
    case "object": {
      if (v === null) return "null";
      const medJson = v as { toJSON?: () => unknown };
      if (typeof medJson.toJSON === "function") return kanoniskJson(medJson.toJSON(), memo);
      if (memo) {
        const kendt = memo.get(v);
        if (kendt !== undefined) return kendt;
        const tekst = sammensat(v, memo);
        memo.set(v, tekst);
        return tekst;
      }
      return sammensat(v, memo);
    }
    default:
      throw new Error(`Engine: a ${typeof v} cannot be written as JSON`);
  }
}

/** An array's or object's canonical JSON, its parts through kanoniskJson. */
function sammensat(v: object, memo: WeakMap<object, string> | undefined): string {
  if (Array.isArray(v)) {
    let s = "[";
    for (let i = 0; i < v.length; i++) {
      if (i > 0) s += ",";
      const x = v[i];
      s += udelades(x) ? "null" : kanoniskJson(x, memo);
    }
    return `${s}]`;
  }
  const o = v as Record<string, unknown>;
  const { sorteret, skrevet } = form(Object.keys(o));
  let s = "{";
  let foerste = true;
  for (let i = 0; i < sorteret.length; i++) {
    const x = o[sorteret[i] as string];
    if (udelades(x)) continue;
    if (!foerste) s += ",";
    foerste = false;
    s += (skrevet[i] as string) + kanoniskJson(x, memo);
  }
  return `${s}}`;
}
