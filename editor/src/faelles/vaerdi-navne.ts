// Danish words for the coded values of a vurderingsgrundlag a page names in running text: age
// groups and provider types (the JSON has `boern`, `matrikelloes`; the reader wants "børn",
// "matrikelløs"). Lower case, for use inside a sentence or a parenthesis.
import { egenPost } from "./opslag.js";

const VAERDI_NAVN: Readonly<Record<string, string>> = {
  boern: "børn",
  unge: "unge",
  voksne: "voksne",
  botilbud: "botilbud",
  doegninstitution: "døgninstitution",
  dagtilbud: "dagtilbud",
  matrikelloes: "matrikelløs",
  saerforanstaltning: "særforanstaltning",
  kommunikationscenter: "kommunikations- og rådgivningscenter",
  andet: "andet",
};

/** The Danish word for an age group or provider type; an unknown value is shown as it is. */
export function vaerdiNavn(v: string): string {
  return egenPost(VAERDI_NAVN, v) ?? v;
}
