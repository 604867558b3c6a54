// Organisations (issue 13): a key belongs to one — a socialtilsyn or Socialstyrelsen — and what
// it may read and write follows from it. A tilsyn sees its own tilbud and decisions; Socialstyrelsen
// and keys without an organisation (made before organisations existed) see every organisation's.
import type { Noegle } from "./store/noegler.js";

export const SOCIALTILSYN = [
  "socialtilsyn-hovedstaden",
  "socialtilsyn-midt",
  "socialtilsyn-nord",
  "socialtilsyn-oest",
  "socialtilsyn-syd",
] as const;
export const SOCIALSTYRELSEN = "socialstyrelsen";
export const ORGANISATIONER = [SOCIALSTYRELSEN, ...SOCIALTILSYN] as const;

export const erOrganisation = (v: unknown): v is string =>
  typeof v === "string" && (ORGANISATIONER as readonly string[]).includes(v);
export const erSocialtilsyn = (v: unknown): v is string =>
  typeof v === "string" && (SOCIALTILSYN as readonly string[]).includes(v);

/** The one socialtilsyn a key is limited to, or null when it sees every organisation's data. */
export function egetTilsyn(n: Noegle): string | null {
  return n.organisation && n.organisation !== SOCIALSTYRELSEN ? n.organisation : null;
}

/** Whether the key may see (and, with the role for it, change) data owned by `ejer`. */
export function maaSe(n: Noegle, ejer: string | null): boolean {
  const eget = egetTilsyn(n);
  return eget === null || eget === ejer;
}

/**
 * Whether the key sees `ejer`'s data as its own, with staff detail. Socialstyrelsen reads another
 * organisation's decisions as aggregates only; a key without organisation is the legacy full access.
 */
export function egneData(n: Noegle, ejer: string | null): boolean {
  if (n.organisation === null) return true;
  return n.organisation === ejer;
}
