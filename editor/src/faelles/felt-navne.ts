// Danish names for the fields of a vurderingsgrundlag, by the path the engine reports them with
// (`borgere.let`, `medarbejdere[].erfaringAar`). One table for both uses: the form labels a field
// inside its section (`label`), a result names it on its own (`navn`, when it needs more words).
import { egenPost } from "./opslag.js";

interface FeltTekst {
  /** The form's label, read under the section's heading. */
  label: string;
  /** The name on its own, as in "Manglende oplysninger"; the label when left out. */
  navn?: string;
}

export const FELTER = {
  leverandoer: { label: "Leverandør", navn: "Leverandørens oplysninger" },
  "leverandoer.id": { label: "Id (fx Tilbudsportalens)", navn: "Leverandørens id" },
  "leverandoer.navn": { label: "Navn", navn: "Leverandørens navn" },
  "leverandoer.type": { label: "Type", navn: "Leverandørtype" },
  "leverandoer.afdeling": { label: "Afdeling" },
  "leverandoer.kommune": { label: "Kommune" },
  maalgruppe: { label: "Målgruppe" },
  aldersgruppe: { label: "Aldersgruppe" },
  forloebsfase: { label: "Forløbsfase", navn: "Fase i borgernes forløb" },
  aar: { label: "År", navn: "Kalenderår" },
  godkendt: { label: "Godkendt af socialtilsynet" },
  borgere: { label: "Borgere i året, efter behovsniveau", navn: "Borgere pr. behovsniveau" },
  "borgere.let": { label: "Lette behov", navn: "Borgere med lette behov" },
  "borgere.moderat": { label: "Moderate behov", navn: "Borgere med moderate behov" },
  "borgere.hoej": { label: "Særligt komplekse behov", navn: "Borgere med særligt komplekse behov" },
  medarbejdere: { label: "Medarbejdere" },
  "medarbejdere[].ansaettelse": { label: "Ansættelse", navn: "Medarbejdernes ansættelsesform" },
  "medarbejdere[].erfaringAar": { label: "Erfaring (år)", navn: "Medarbejdernes års praksiserfaring" },
  "medarbejdere[].uddannelser": { label: "Uddannelser", navn: "Medarbejdernes uddannelser" },
  "medarbejdere[].certificeringer": { label: "Certificeringer", navn: "Medarbejdernes certificeringer" },
  "medarbejdere[].hjaelpemiddelfaglig": {
    label: "Hjælpemiddelfaglig",
    navn: "Medarbejdernes hjælpemiddelfaglige kompetencer",
  },
  fagmiljoe: { label: "Fagmiljø" },
  "fagmiljoe.kompetencerAlleDage": {
    label: "Kompetencer til stede alle dage",
    navn: "Nødvendige kompetencer til stede alle dage",
  },
  "fagmiljoe.struktureretSparring": { label: "Struktureret sparring", navn: "Struktureret faglig sparring" },
  "fagmiljoe.specialteam": { label: "Specialteam", navn: "Har et specialteam" },
  samarbejde: { label: "Samarbejde" },
  "samarbejde.tvaerfagligt": { label: "Tværfagligt", navn: "Tværfagligt samarbejde" },
  "samarbejde.tvaersektorielt": { label: "Tværsektorielt", navn: "Tværsektorielt samarbejde" },
  "samarbejde.sektorer": { label: "Sektorer", navn: "Sektorer, der samarbejdes med" },
  vidensudvikling: { label: "Vidensudvikling" },
  "vidensudvikling.holderSigOpdateret": { label: "Holder sig opdateret", navn: "Holder sig opdateret om bedste viden" },
  "vidensudvikling.deltagerINetvaerk": { label: "Deltager i netværk", navn: "Deltager i faglige netværk" },
  "vidensudvikling.bidragerTilVidensudvikling": { label: "Bidrager til vidensudvikling" },
  "vidensudvikling.formidlerViden": { label: "Formidler viden", navn: "Formidler viden til andre" },
  metoder: { label: "Metoder og faglige tilgange" },
  "metoder.socialpaedagogiskPraksis": { label: "Socialpædagogisk praksis" },
  "metoder.maalgruppespecifikke": { label: "Målgruppespecifikke metoder" },
  "metoder.saerligTilpasning": { label: "Særligt tilpasset målgruppen", navn: "Metoder særligt tilpasset målgruppen" },
  hjaelpemidler: { label: "Hjælpemidler og teknologi" },
  "hjaelpemidler.anvendes": { label: "Anvender hjælpemidler", navn: "Anvender hjælpemidler og teknologi" },
  "hjaelpemidler.behovHosBorgerne": {
    label: "Borgerne har behov for hjælpemidler",
    navn: "Borgernes behov for hjælpemidler og teknologi",
  },
  "hjaelpemidler.vejlederAndre": { label: "Vejleder andre i hjælpemidler" },
  fysiskeRammer: { label: "Fysiske rammer" },
  "fysiskeRammer.tilpassetMaalgruppen": {
    label: "Rammer tilpasset målgruppen",
    navn: "Fysiske rammer tilpasset målgruppen",
  },
  "fysiskeRammer.skaermning": { label: "Mulighed for skærmning" },
  supplerende: { label: "Supplerende oplysninger" },
  tilsynsvurdering: { label: "Tilsynets egen vurdering" },
} as const satisfies Record<string, FeltTekst>;

export type FeltSti = keyof typeof FELTER;

const tekster: Readonly<Record<string, FeltTekst>> = FELTER;

export function feltLabel(sti: FeltSti): string {
  return FELTER[sti].label;
}

/**
 * The Danish name of a reported path. A path without its own entry (a `supplerende.<navn>` field
 * of a new parameter, or a path a newer engine reports) is named by its nearest known section
 * and the rest of the path in words, so it stays readable: "Supplerende oplysninger: udredningsfaciliteter".
 */
export function feltNavn(sti: string): string {
  const kendt = egenPost(tekster, sti);
  if (kendt) return kendt.navn ?? kendt.label;
  const dele = sti.split(".");
  for (let i = dele.length - 1; i > 0; i--) {
    const foran = dele.slice(0, i).join(".");
    const sektion = egenPost(tekster, foran) ?? egenPost(tekster, foran.replace(/\[\]$/, ""));
    if (sektion) return [sektion.navn ?? sektion.label, ...dele.slice(i).map(iOrd)].join(": ");
  }
  const [foerste = "", ...rest] = dele.map(iOrd);
  return [foerste.charAt(0).toUpperCase() + foerste.slice(1), ...rest].join(": ");
}

/**
 * The Danish name of a path into one vurderingsgrundlag as a validation problem reports it, with
 * list positions (`medarbejdere[1].erfaringAar`): the field's name, and which item in words,
 * "Medarbejdernes års praksiserfaring (nr. 2)". The empty path is the whole vurderingsgrundlag.
 */
/**
 * A path the API reports, made relative to the vurderingsgrundlag it is in: the body field of a
 * single indplacering (`vurderingsgrundlag.borgere.let`) or an item of a batch
 * (`vurderingsgrundlag[3].borgere.let`) → `borgere.let`.
 */
export const iGrundlaget = (sti: string) => sti.replace(/^vurderingsgrundlag(\[\d+\])?(\.|$)/, "");

export function stiNavn(sti: string): string {
  if (sti === "" || sti === "(roden)") return "Vurderingsgrundlaget";
  const numre = [...sti.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  const navn = feltNavn(sti.replace(/\[\d+\]/g, "[]"));
  return numre.length > 0 ? `${navn} (nr. ${numre.join(", ")})` : navn;
}

/** `individueltTilpassedeRammer` → "individuelt tilpassede rammer"; `[]` is dropped. */
function iOrd(del: string): string {
  return del
    .replace(/\[\]$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/**
 * A condition's reason with the paths it names as missing given their Danish names. The engine
 * writes them as "(mangler a, b)" from the condition's own `mangler`, so exactly that text is
 * replaced; a reason worded otherwise is left as it is.
 */
export function medFeltNavne(tekst: string, mangler: readonly string[] | undefined): string {
  if (!mangler || mangler.length === 0) return tekst;
  // The engine writes "(mangler a, b)" or, when the known members bound the value, "(mangler a, b; mindst 3)".
  const raa = `(mangler ${mangler.join(", ")}`;
  const i = tekst.indexOf(raa);
  const slut = tekst[i + raa.length];
  if (i < 0 || (slut !== ")" && slut !== ";")) return tekst;
  return `${tekst.slice(0, i)}(mangler ${mangler.map(feltNavn).join(", ")}${tekst.slice(i + raa.length)}`;
}
