// Seeded generator of example providers (vurderingsgrundlag) for the three pilot målgrupper, used
// for rulesets/eksempeldata.json and for scenario comparisons in the browser. Pure: same seed,
// same providers. Each provider draws one quality once; every field is derived from it with a
// little noise per parameter, so parameters correlate the way they do in real providers.
import type { Medarbejder, Vurderingsgrundlag } from "../engine/schema/vurderingsgrundlag.js";
import { PILOT_PARAMETRE } from "./pilot-parametre.js";

export interface GeneratorOptions {
  seed: number;
  /** Only this målgruppe; without it the pilot mix (45 autisme, 42 erhvervet hjerneskade, 13 syn). */
  maalgruppe?: string;
  /** Typical number of staff per provider (default 20); each provider varies around it. */
  medarbejdere?: number;
}

type Leverandoertype = NonNullable<Vurderingsgrundlag["leverandoer"]["type"]>;
type Aldersgruppe = NonNullable<Vurderingsgrundlag["aldersgruppe"]>;
type Samarbejdsform = "ingen" | "ad-hoc" | "systematisk" | "formaliseret";
type Niveau = "ingen" | "let" | "moderat" | "hoej";

interface Profil {
  prefix: string;
  /** Share of the pilot mix. */
  andel: number;
  uddannelser: string[];
  /** Educations that are common on the floor but not counted as relevant. */
  andreUddannelser: string[];
  certificeringer: string[];
  metoder: string[];
  sektorer: string[];
  /** Probability scale for a staff member having aid competences. */
  hjaelpemiddelfaglig: number;
  andelBoern: number;
  /** Quality range and skew: q = lav + (hoej − lav) · u^skew for u uniform in [0, 1). */
  kvalitet: { lav: number; hoej: number; skew: number };
  typer: (boern: boolean, r: Rng) => Leverandoertype;
  navne: Record<Leverandoertype, string[]>;
}

const NATURNAVNE = [
  "Egely",
  "Lærkereden",
  "Kastanjen",
  "Solsikken",
  "Bøgebakken",
  "Skovly",
  "Fjordglimt",
  "Engholm",
  "Møllehuset",
  "Lyngbakken",
  "Åbrinken",
  "Hyldegården",
  "Birkelund",
  "Strandvejen",
  "Rosenhaven",
  "Vibeholm",
  "Ege Allé",
  "Tranehuset",
  "Pilegården",
  "Spiren",
  "Nordlyset",
  "Kildevang",
  "Søbakken",
  "Klitgården",
];
const REGIONER = ["Nord", "Midt", "Syd", "Øst", "Vest", "Sjælland", "Fyn", "Hovedstaden", "Sydjylland", "Nordjylland"];
const KOMMUNER = [
  "Aarhus",
  "Aalborg",
  "Odense",
  "København",
  "Esbjerg",
  "Vejle",
  "Randers",
  "Viborg",
  "Kolding",
  "Silkeborg",
  "Herning",
  "Horsens",
  "Roskilde",
  "Næstved",
  "Slagelse",
  "Holbæk",
  "Hillerød",
  "Svendborg",
  "Hjørring",
  "Frederikshavn",
  "Skive",
  "Holstebro",
  "Haderslev",
  "Sønderborg",
  "Aabenraa",
  "Guldborgsund",
  "Ringsted",
  "Faaborg-Midtfyn",
  "Ikast-Brande",
  "Thisted",
  "Gentofte",
  "Gladsaxe",
  "Lolland",
  "Bornholm",
  "Favrskov",
  "Syddjurs",
];

const PROFILER: Record<string, Profil> = {
  autisme: {
    prefix: "aut",
    andel: 45,
    uddannelser: [
      "paedagog",
      "paedagogiskAssistent",
      "laererUddannelse",
      "socialraadgiver",
      "psykolog",
      "ergoterapeut",
    ],
    andreUddannelser: ["handelsuddannelse", "kontoruddannelse"],
    certificeringer: ["TEACCH", "KRAP", "LA2", "MarteMeo", "PECS", "diplomAutisme"],
    metoder: ["TEACCH", "KRAP", "LA2", "MarteMeo", "PECS", "socialeHistorier", "CATkit", "sanseintegration", "ESDM"],
    sektorer: ["sundhed", "psykiatri", "undervisning", "beskaeftigelse"],
    hjaelpemiddelfaglig: 0.3,
    andelBoern: 0.35,
    kvalitet: { lav: 0.3, hoej: 1, skew: 0.9 },
    typer: (boern, r) =>
      boern
        ? r.vaelg(["doegninstitution", "doegninstitution", "dagtilbud"])
        : r.vaelg(["botilbud", "botilbud", "botilbud", "dagtilbud", "andet"]),
    navne: {
      botilbud: ["Bostedet", "Botilbuddet", "Autismecenter", "Bofællesskabet"],
      doegninstitution: ["Døgninstitutionen", "Specialbørnehjemmet", "Opholdsstedet"],
      dagtilbud: ["Dagtilbuddet", "Aktivitetscentret", "Værkstedet"],
      matrikelloes: ["Autismerådgivningen"],
      saerforanstaltning: ["Særforanstaltningen"],
      kommunikationscenter: ["Kommunikationscentret"],
      andet: ["Særforanstaltningen", "Projekt"],
    },
  },
  "erhvervet-hjerneskade": {
    prefix: "ehs",
    andel: 42,
    uddannelser: [
      "ergoterapeut",
      "fysioterapeut",
      "sygeplejerske",
      "socialOgSundhedsassistent",
      "paedagog",
      "psykolog",
      "neuropsykolog",
      "logopaed",
    ],
    andreUddannelser: ["socialOgSundhedshjaelper", "kontoruddannelse"],
    certificeringer: ["neuropaedagogik", "diplomNeurorehabilitering", "Bobath", "FOTT", "Affolter", "LA2"],
    metoder: ["neuropaedagogik", "ADL", "kognitivTraening", "Bobath", "FOTT", "Affolter", "LA2", "energiforvaltning"],
    sektorer: ["sundhed", "psykiatri", "undervisning", "beskaeftigelse"],
    hjaelpemiddelfaglig: 0.55,
    andelBoern: 0.12,
    kvalitet: { lav: 0.34, hoej: 0.97, skew: 1 },
    typer: (boern, r) =>
      boern
        ? r.vaelg(["doegninstitution", "dagtilbud"])
        : r.vaelg(["botilbud", "botilbud", "botilbud", "dagtilbud", "andet", "andet"]),
    navne: {
      botilbud: ["Bostedet", "Botilbuddet", "Hjerneskadecentret", "Bofællesskabet"],
      doegninstitution: ["Børnecentret", "Døgninstitutionen"],
      dagtilbud: ["Dagcentret", "Hjerneskadeklubben", "Aktivitetshuset"],
      matrikelloes: ["Hjerneskadeteamet"],
      saerforanstaltning: ["Særforanstaltningen"],
      kommunikationscenter: ["Kommunikationscentret"],
      andet: ["Neurocenter", "Rehabiliteringscenter", "Center for Neurorehabilitering"],
    },
  },
  synsnedsaettelse: {
    prefix: "syn",
    andel: 13,
    uddannelser: [
      "synskonsulent",
      "synspaedagog",
      "mobilityinstruktoer",
      "adlInstruktoer",
      "optometrist",
      "ergoterapeut",
      "laererUddannelse",
    ],
    andreUddannelser: ["kontoruddannelse", "itSupporter"],
    certificeringer: ["diplomSynsrehabilitering", "mobility", "ADL", "punktskrift", "lowVision", "CVI"],
    metoder: [
      "ADL",
      "mobility",
      "punktskrift",
      "lowVision",
      "synsudredning",
      "IKTkompensation",
      "CVI",
      "ledsageteknik",
    ],
    sektorer: ["sundhed", "undervisning", "beskaeftigelse"],
    hjaelpemiddelfaglig: 0.9,
    andelBoern: 0.25,
    // Most matrikelløse vision providers met the parameters at højt in the pilot (evaluation 3.2.3).
    kvalitet: { lav: 0.35, hoej: 1, skew: 0.7 },
    // 11 of 13 vision providers in the pilot were matrikelløse; the others are chosen by
    // genererMaalgruppe so that the share holds exactly.
    typer: (_boern, r) => r.vaelg(["botilbud", "dagtilbud"]),
    navne: {
      botilbud: ["Bostedet", "Synscentret"],
      doegninstitution: ["Døgninstitutionen for Synshandicappede"],
      dagtilbud: ["Synsdagtilbuddet", "Dagcentret for Syn"],
      matrikelloes: ["Kommunikationscenter", "Synsrådgivningen", "Center for Syn og Hjælpemidler", "Synsteamet"],
      saerforanstaltning: ["Særforanstaltningen"],
      kommunikationscenter: ["Kommunikationscentret"],
      andet: ["Synscentret"],
    },
  },
};

/** mulberry32: a small, fast seeded PRNG with a 32-bit state. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  heltal(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  vaelg<T>(liste: readonly T[]): T {
    return liste[Math.floor(this.next() * liste.length)] as T;
  }
  /** Roughly normal (Irwin–Hall of three), mean 0, sd about `sd`. */
  stoej(sd: number): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2 * sd;
  }
  udvalg<T>(liste: readonly T[], antal: number): T[] {
    const kopi = [...liste];
    const ud: T[] = [];
    while (ud.length < antal && kopi.length > 0) ud.push(kopi.splice(Math.floor(this.next() * kopi.length), 1)[0] as T);
    return ud;
  }
  bland<T>(liste: readonly T[]): T[] {
    return this.udvalg(liste, liste.length);
  }
}

const klem = (x: number, lav = 0, hoej = 1) => Math.min(hoej, Math.max(lav, x));

/** Count per målgruppe in the pilot proportions, largest remainders first; sums to `antal`. */
function fordeling(antal: number): [string, number][] {
  const ids = Object.keys(PROFILER);
  const total = ids.reduce((s, id) => s + (PROFILER[id]?.andel ?? 0), 0);
  const raa = ids.map((id) => (antal * (PROFILER[id]?.andel ?? 0)) / total);
  const tal = raa.map(Math.floor);
  const rest = antal - tal.reduce((a, b) => a + b, 0);
  const orden = raa.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; k < rest; k++) {
    const i = orden[k]?.[1] ?? 0;
    tal[i] = (tal[i] ?? 0) + 1;
  }
  return ids.map((id, i) => [id, tal[i] ?? 0]);
}

function generiskProfil(maalgruppe: string): Profil {
  const base = PROFILER.autisme as Profil;
  return { ...base, prefix: maalgruppe.replaceAll("-", "").slice(0, 3) || "lev", andel: 0 };
}

function samarbejdsform(s: number): Samarbejdsform {
  return s < 0.1 ? "ingen" : s < 0.35 ? "ad-hoc" : s < 0.68 ? "systematisk" : "formaliseret";
}

function borgerTal(type: Leverandoertype, boern: boolean, s: number, r: Rng): Vurderingsgrundlag["borgere"] {
  const [lav, hoej] =
    type === "matrikelloes"
      ? [60, 600]
      : type === "andet"
        ? [8, 70]
        : type === "doegninstitution"
          ? [3, 16]
          : type === "dagtilbud"
            ? [6, 40]
            : [5, 30];
  // Offers for children have a small base (evaluation 4.2.2), except the matrikelløse.
  const skala = boern && type !== "matrikelloes" ? 0.5 : 1;
  const total = Math.max(1, Math.round(skala * (lav + (hoej - lav) * klem(s * 0.8 + r.next() * 0.35))));
  const andelHoej = klem(0.05 + 0.6 * s + r.stoej(0.08), 0, 0.8);
  const andelModerat = klem(0.25 + 0.3 * s + r.stoej(0.08), 0, 1 - andelHoej);
  const antalHoej = Math.round(total * andelHoej);
  const antalModerat = Math.round(total * andelModerat);
  return { let: Math.max(0, total - antalHoej - antalModerat), moderat: antalModerat, hoej: antalHoej };
}

function medarbejdere(p: Profil, q: number, s: Record<string, number>, antal: number, r: Rng): Medarbejder[] {
  const ud: Medarbejder[] = [];
  for (let i = 0; i < antal; i++) {
    const vikar = r.chance(0.28 - 0.18 * q);
    const relevant = r.chance(klem(0.2 + 0.75 * (s.uddannelse ?? q) - (vikar ? 0.25 : 0)));
    const uddannelser = relevant ? [r.vaelg(p.uddannelser)] : r.chance(0.4) ? [r.vaelg(p.andreUddannelser)] : [];
    const certificeringer =
      relevant && r.chance(klem(((s.uddannelse ?? q) - 0.35) * 0.9)) ? r.udvalg(p.certificeringer, r.heltal(1, 2)) : [];
    const middelErfaring = 1 + 9.5 * (s.praksiserfaring ?? q);
    const erfaringAar = Math.min(40, Math.round(-Math.log(1 - r.next() * 0.98) * middelErfaring * (vikar ? 0.4 : 1)));
    ud.push({
      ansaettelse: vikar ? "vikar" : "fast",
      erfaringAar,
      uddannelser,
      certificeringer,
      hjaelpemiddelfaglig: r.chance(klem(p.hjaelpemiddelfaglig * ((s.hjaelpemidler ?? q) - 0.1))),
    });
  }
  return ud;
}

const PARAMETRE = PILOT_PARAMETRE;

/** Drops some information the way incomplete reports did in the pilot. */
function fjernOplysninger(v: Vurderingsgrundlag, r: Rng): void {
  const ansatte = v.medarbejdere ?? [];
  switch (r.heltal(0, 6)) {
    case 0:
      delete v.hjaelpemidler;
      break;
    case 1:
      for (const m of r.udvalg(ansatte, r.heltal(1, 3))) delete m.erfaringAar;
      break;
    case 2:
      if (v.borgere) delete v.borgere.let;
      break;
    case 3:
      delete v.vidensudvikling;
      break;
    case 4:
      for (const m of ansatte) delete m.certificeringer;
      break;
    case 5:
      if (v.samarbejde) delete v.samarbejde.sektorer;
      break;
    default:
      for (const m of r.udvalg(ansatte, r.heltal(1, 4))) delete m.ansaettelse;
  }
}

/** A name not used before in this data set; after a few tries a number tells them apart. */
function unikt(brugte: Set<string>, lav: () => string): string {
  let navn = lav();
  for (let forsoeg = 0; brugte.has(navn) && forsoeg < 8; forsoeg++) navn = lav();
  for (let n = 2; brugte.has(navn); n++) navn = `${navn.replace(/ \d+$/, "")} ${n}`;
  brugte.add(navn);
  return navn;
}

function leverandoer(
  p: Profil,
  maalgruppe: string,
  nr: number,
  q: number,
  type: Leverandoertype,
  alder: Aldersgruppe,
  r: Rng,
  staffAntal: number,
  brugteNavne: Set<string>,
): Vurderingsgrundlag {
  const s: Record<string, number> = {};
  for (const id of PARAMETRE) s[id] = klem(q + r.stoej(0.11));
  const fysisk = klem(q + r.stoej(0.15));
  const navn = unikt(
    brugteNavne,
    () => `${r.vaelg(p.navne[type])} ${r.vaelg(type === "matrikelloes" ? REGIONER : NATURNAVNE)}`,
  );
  const storrelse = type === "doegninstitution" ? 0.6 : type === "matrikelloes" ? 1.2 : 1;
  const antalAnsatte = Math.max(4, Math.round(staffAntal * storrelse * (0.7 + 0.6 * r.next())));
  const sv = s.vidensudvikling ?? q;
  const sm = s.metoder ?? q;
  const sf = s.fagmiljoe ?? q;
  const sh = s.hjaelpemidler ?? q;
  const ss = s.samarbejde ?? q;
  const v: Vurderingsgrundlag = {
    leverandoer: {
      id: `${p.prefix}-${String(nr).padStart(3, "0")}`,
      navn,
      type,
      kommune: r.vaelg(KOMMUNER),
    },
    maalgruppe,
    aldersgruppe: alder,
    aar: 2021,
    godkendt: true,
    borgere: borgerTal(type, alder !== "voksne", s.aktivPraksis ?? q, r),
    medarbejdere: medarbejdere(p, q, s, antalAnsatte, r),
    fagmiljoe: {
      kompetencerAlleDage: sf > 0.15 || r.chance(0.3),
      struktureretSparring: sf + r.stoej(0.05) > 0.4,
      specialteam: sf + r.stoej(0.05) > 0.66,
    },
    samarbejde: {
      tvaerfagligt: samarbejdsform(ss + r.stoej(0.06)),
      tvaersektorielt: samarbejdsform(ss + r.stoej(0.06)),
      sektorer: r.udvalg(p.sektorer, klem(Math.round(ss * 3.2 + r.stoej(0.4)), 0, p.sektorer.length)),
    },
    vidensudvikling: {
      holderSigOpdateret: sv > 0.1 || r.chance(0.5),
      deltagerINetvaerk: sv + r.stoej(0.05) > 0.38,
      bidragerTilVidensudvikling: sv + r.stoej(0.05) > 0.64,
      formidlerViden: sv + r.stoej(0.05) > 0.6,
    },
    metoder: {
      socialpaedagogiskPraksis: sm > 0.08 || r.chance(0.5),
      maalgruppespecifikke: r.udvalg(p.metoder, klem(Math.round(sm * 4.4 + r.stoej(0.5)), 0, p.metoder.length)),
      saerligTilpasning: sm + r.stoej(0.05) > 0.62,
    },
    hjaelpemidler: {
      anvendes: sh > 0.1 || r.chance(0.5),
      vejlederAndre: sh + r.stoej(0.05) > 0.62,
    },
    fysiskeRammer:
      type === "matrikelloes"
        ? { tilpassetMaalgruppen: fysisk > 0.3 }
        : { tilpassetMaalgruppen: fysisk > 0.25, skaermning: fysisk > 0.5 },
    supplerende:
      maalgruppe === "synsnedsaettelse"
        ? { demonstrationsfaciliteter: fysisk > 0.5, udredningsfaciliteter: fysisk > 0.7 }
        : { individueltTilpassedeRammer: fysisk > 0.7 },
  };
  if (type !== "matrikelloes" && r.chance(0.08)) v.leverandoer.afdeling = `Afdeling ${r.vaelg(NATURNAVNE)}`;
  if (r.chance(0.18)) fjernOplysninger(v, r);
  if (r.chance(0.07)) {
    // The assessor's own judgement, e.g. a formally attached specialteam lifts fagmiljø.
    const id = r.vaelg(PARAMETRE);
    const niveau: Niveau = (s[id] ?? q) > 0.62 ? "hoej" : (s[id] ?? q) > 0.35 ? "moderat" : "let";
    v.tilsynsvurdering = { [id]: niveau };
  }
  return v;
}

function genererMaalgruppe(
  maalgruppe: string,
  antal: number,
  r: Rng,
  staffAntal: number,
  brugteNavne: Set<string>,
): Vurderingsgrundlag[] {
  const p = PROFILER[maalgruppe] ?? generiskProfil(maalgruppe);
  // Stratified quality: one draw per equal slice of [0, 1), shuffled, so even a small group
  // spans weak to strong providers.
  const { lav, hoej, skew } = p.kvalitet;
  const kvaliteter = r.bland(
    Array.from({ length: antal }, (_, i) => lav + (hoej - lav) * ((i + r.next()) / antal) ** skew),
  );
  const antalMatrikelloese = maalgruppe === "synsnedsaettelse" ? Math.round((antal * 11) / 13) : 0;
  const matrikelloese = new Set(r.udvalg([...Array(antal).keys()], antalMatrikelloese));
  const antalIkkeGodkendt = antal >= 8 ? Math.max(1, Math.round(antal * 0.05)) : 0;
  const ikkeGodkendt = new Set(r.udvalg([...Array(antal).keys()], antalIkkeGodkendt));
  return kvaliteter.map((q, i) => {
    const boern = r.chance(p.andelBoern);
    const alder: Aldersgruppe = boern ? r.vaelg(["boern", "unge"] as const) : "voksne";
    const type = matrikelloese.has(i) ? "matrikelloes" : p.typer(boern, r);
    const v = leverandoer(p, maalgruppe, i + 1, q, type, alder, r, staffAntal, brugteNavne);
    if (ikkeGodkendt.has(i)) {
      if (r.chance(0.25)) delete v.godkendt;
      else v.godkendt = false;
    }
    return v;
  });
}

/** `antal` example providers; deterministic for a given seed and options. */
export function genererLeverandoerer(antal: number, options: GeneratorOptions): Vurderingsgrundlag[] {
  const r = new Rng(options.seed);
  const staffAntal = options.medarbejdere ?? 20;
  const grupper: [string, number][] = options.maalgruppe ? [[options.maalgruppe, antal]] : fordeling(antal);
  const brugteNavne = new Set<string>();
  return grupper.flatMap(([maalgruppe, n]) => genererMaalgruppe(maalgruppe, n, r, staffAntal, brugteNavne));
}
