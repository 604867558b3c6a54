// Why a provider is not placed at all. The model places every approved provider at least at let,
// so "ikke indplaceret" has exactly two causes the caseworker must tell apart: the provider is not
// approved (godkendt: false), or approval was not reported (the engine lists `godkendt` as missing).
import { niveauNavn } from "./niveau.js";

interface Udfald {
  niveau?: string;
  manglendeOplysninger?: readonly string[];
}

/** The short reason, as a table cell says it after "Ikke indplaceret: ". */
export function ikkeIndplaceretAarsag(r: Udfald): string | undefined {
  if (r.niveau !== "ikke-indplaceret") return undefined;
  return r.manglendeOplysninger?.includes("godkendt") ? "godkendelse ikke oplyst" : "tilbuddet er ikke godkendt";
}

/** The level in words, with the reason when the provider is not placed. */
export function niveauMedAarsag(r: Udfald): string {
  const aarsag = ikkeIndplaceretAarsag(r);
  return aarsag ? `${niveauNavn("ikke-indplaceret")}: ${aarsag}` : niveauNavn(r.niveau ?? "");
}

/** A sentence for the result page: the reason and what to do about it. */
export function ikkeIndplaceretForklaring(r: Udfald): string | undefined {
  const aarsag = ikkeIndplaceretAarsag(r);
  if (!aarsag) return undefined;
  return aarsag === "godkendelse ikke oplyst"
    ? "Ikke indplaceret: godkendelse ikke oplyst. Et tilbud indplaceres kun, når det er godkendt af socialtilsynet (har fornøden kvalitet); oplys feltet «Godkendt af socialtilsynet»."
    : "Ikke indplaceret: tilbuddet er ikke godkendt af socialtilsynet. Uden fornøden kvalitet indplaceres et tilbud ikke på noget niveau, uanset parametrene.";
}
