// The regelsæt format (DOMAIN.md §5) defined once: ajv validates with it, the API serves it,
// Monaco completes with it, and the TypeScript types are derived from it.
import { type Static, Type } from "@sinclair/typebox";
import { FORLOEBSFASER, LEVERANDOERTYPER } from "./vurderingsgrundlag.js";

export const NIVEAUER = ["let", "moderat", "hoej"] as const;
export const PARAMETER_NIVEAUER = ["ingen", "let", "moderat", "hoej"] as const;
/** A parameter's outcome: a level, or `ikke-relevant` (left out of the count; DOMAIN.md §7). */
export const PARAMETER_UDFALD = [...PARAMETER_NIVEAUER, "ikke-relevant"] as const;
/** The controlled vocabularies (kodelister) a regelsæt may carry, one per list-valued input. */
export const KODELISTER = ["uddannelser", "certificeringer", "metoder", "sektorer"] as const;
export const OPERATORER = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
] as const;

export const TAERSKEL_NAVN_PATTERN = "^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+$";
export const PARAMETER_ID_PATTERN = "^[a-z][A-Za-z0-9]*$";
export const STI_PATTERN = "^\\$(\\.[A-Za-z][A-Za-z0-9]*)+$";

const Tekst = (description: string) => Type.String({ minLength: 1, description });

/** The seed documents a criterion may cite (../shared/seeds; listed in rulesets/KILDER.md). */
export const KILDE_DOKUMENTER = ["000", "001", "002", "003", "004"] as const;

/** Where a criterion comes from: a seed document, a section in it and a short quote. */
export const Kilde = Type.Object(
  {
    dokument: Type.Union(
      KILDE_DOKUMENTER.map((d) => Type.Literal(d)),
      { description: "Kildedokumentets nummer, fx `002` (modellen) eller `000` (evalueringen)." },
    ),
    afsnit: Tekst("Afsnit, boks eller tabel i dokumentet, fx `Boks 4, Aktiv praksis`."),
    citat: Type.Optional(Type.String({ maxLength: 600, description: "Et kort citat, som kriteriet hviler på." })),
  },
  { additionalProperties: false, description: "Kilden til et kriterium: dokument, afsnit og et kort citat." },
);

/**
 * Traceability on any criterion: a `kilde`, or `antagelse: true` with a one-line `begrundelse`
 * saying why the team chose it where the seeds are silent (DOMAIN.md §7).
 */
export const SPORBARHED = {
  kilde: Kilde,
  antagelse: Type.Boolean({ description: "Sand, når kriteriet er teamets antagelse og ikke står i kilderne." }),
  begrundelse: Type.String({ minLength: 1, maxLength: 600, description: "Hvorfor antagelsen er valgt." }),
} as const;
const sporbarhedSchema = {
  kilde: { $ref: "#/$defs/Kilde" },
  antagelse: SPORBARHED.antagelse,
  begrundelse: SPORBARHED.begrundelse,
  beskrivelse: { type: "string", description: "Kort forklaring, som vises i begrundelsen." },
} as const;
export interface Sporbarhed {
  kilde?: Static<typeof Kilde>;
  antagelse?: boolean;
  begrundelse?: string;
}

export const TaerskelReference = Type.Object(
  {
    taerskel: Type.String({
      pattern: TAERSKEL_NAVN_PATTERN,
      description: "Navnet på en tærskel i regelsættets `taerskler`. Værdien slås op ved vurderingen.",
    }),
  },
  { additionalProperties: false, description: "En henvisning til en navngiven tærskel." },
);

const Skalar = Type.Union([Type.Number(), Type.String(), Type.Boolean()]);
export const BetingelsesVaerdi = Type.Union([
  Skalar,
  Type.Array(Type.Union([Type.String(), Type.Number()])),
  TaerskelReference,
]);

const LeafSchema = {
  type: "object",
  description:
    "En betingelse i json-rules-engine-syntaks: et faktum (evt. med `path` og `params`), en operator og en værdi eller en tærskel.",
  required: ["fact", "operator", "value"],
  additionalProperties: false,
  properties: {
    fact: { type: "string", minLength: 1, description: "Faktummets navn (se faktabiblioteket)." },
    path: {
      type: "string",
      pattern: STI_PATTERN,
      description: "Sti ind i faktummet, fx `$.kompetencerAlleDage`. Kun simple punktum-stier.",
    },
    params: {
      type: "object",
      description: 'Parametre til et afledt faktum; en værdi kan være en tærskel `{ "taerskel": … }`.',
      patternProperties: { [PARAMETER_ID_PATTERN]: BetingelsesVaerdi },
      additionalProperties: false,
    },
    operator: { type: "string", enum: [...OPERATORER], description: "json-rules-engine-operator." },
    value: { ...BetingelsesVaerdi, description: "Den værdi, faktum sammenlignes med, eller en tærskel." },
    ...sporbarhedSchema,
  },
} as const;

// A condition tree. Written as if/then/else on the boolean key so that a validation error is
// reported for the branch the author meant, not as a list of every alternative.
export const BETINGELSE_ID = "Betingelse";
const ref = { $ref: `#/$defs/${BETINGELSE_ID}` };
export const BetingelseSchema = {
  type: "object",
  if: { required: ["all"] },
  // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, never awaited
  then: {
    properties: { all: { type: "array", minItems: 1, items: ref }, ...sporbarhedSchema },
    required: ["all"],
    additionalProperties: false,
  },
  else: {
    if: { required: ["any"] },
    // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, never awaited
    then: {
      properties: { any: { type: "array", minItems: 1, items: ref }, ...sporbarhedSchema },
      required: ["any"],
      additionalProperties: false,
    },
    else: {
      if: { required: ["not"] },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, never awaited
      then: { properties: { not: ref, ...sporbarhedSchema }, required: ["not"], additionalProperties: false },
      else: LeafSchema,
    },
  },
} as const;

export type TaerskelReference = Static<typeof TaerskelReference>;
export type BetingelsesVaerdi = Static<typeof BetingelsesVaerdi>;
export type Operator = (typeof OPERATORER)[number];
export type Niveau = (typeof NIVEAUER)[number];
export type ParameterNiveau = (typeof PARAMETER_NIVEAUER)[number];
export interface LeafBetingelse extends Sporbarhed {
  fact: string;
  path?: string;
  params?: Record<string, BetingelsesVaerdi>;
  operator: Operator;
  value: BetingelsesVaerdi;
  beskrivelse?: string;
}
interface Gruppe extends Sporbarhed {
  beskrivelse?: string;
}
// Recursive types cannot be derived from an if/then/else schema; this mirrors BetingelseSchema.
export type Betingelse =
  | LeafBetingelse
  | (Gruppe & { all: Betingelse[] })
  | (Gruppe & { any: Betingelse[] })
  | (Gruppe & { not: Betingelse });

const Betingelse = Type.Unsafe<Betingelse>(ref);

export const Variant = Type.Object(
  {
    navn: Type.String({
      pattern: PARAMETER_ID_PATTERN,
      description: "Variantens navn; tærsklen kan ændres som `navn@variant` i scenarier.",
    }),
    naar: Type.Object(
      {
        aldersgruppe: Type.Optional(
          Type.Array(Type.Union([Type.Literal("boern"), Type.Literal("unge"), Type.Literal("voksne")]), {
            minItems: 1,
          }),
        ),
        leverandoertype: Type.Optional(
          Type.Array(Type.Union(LEVERANDOERTYPER.map((t) => Type.Literal(t))), { minItems: 1 }),
        ),
        forloebsfase: Type.Optional(Type.Array(Type.Union(FORLOEBSFASER.map((f) => Type.Literal(f))), { minItems: 1 })),
      },
      { additionalProperties: false, description: "Hvornår varianten gælder (alle angivne felter skal passe)." },
    ),
    vaerdi: Type.Union([Type.Number(), Type.Array(Type.String())]),
    beskrivelse: Type.Optional(Type.String()),
    kilde: Type.Optional(Kilde),
    antagelse: Type.Optional(SPORBARHED.antagelse),
  },
  { additionalProperties: false },
);

export const Taerskel = Type.Object(
  {
    vaerdi: Type.Union([Type.Number(), Type.Array(Type.String())], {
      description: "Tærsklens værdi for voksne i botilbud (grundværdien).",
    }),
    enhed: Type.Union(
      [
        Type.Literal("borgere"),
        Type.Literal("andel"),
        Type.Literal("aar"),
        Type.Literal("antal"),
        Type.Literal("parametre"),
        Type.Literal("point"),
        Type.Literal("liste"),
      ],
      { description: "Enhed; bestemmer skridt i følsomhedsanalyser og visning i formularen." },
    ),
    beskrivelse: Tekst("Hvad tærsklen betyder, og hvor værdien kommer fra."),
    antagelse: Type.Optional(
      Type.Boolean({ description: "Sand, når kilderne ikke giver et tal, og værdien er en pilotantagelse." }),
    ),
    kilde: Type.Optional(Kilde),
    kodeliste: Type.Optional(
      Type.Union(
        KODELISTER.map((k) => Type.Literal(k)),
        { description: "For en liste: den kodeliste, hvis koder listen består af." },
      ),
    ),
    min: Type.Optional(Type.Number({ description: "Mindste meningsfulde værdi (formularens skyder)." })),
    max: Type.Optional(Type.Number({ description: "Største meningsfulde værdi (formularens skyder)." })),
    varianter: Type.Optional(
      Type.Array(Variant, {
        description: "Værdier for andre aldersgrupper og leverandørtyper; den første, der passer, gælder.",
      }),
    ),
  },
  { additionalProperties: false },
);

export const NiveauKriterium = Type.Object(
  {
    beskrivelse: Tekst("Den officielle beskrivelse af niveauet (Boks 4)."),
    vejledning: Type.Optional(Type.String({ description: "Målgruppespecifik uddybning til tilsynet." })),
    betingelser: Betingelse,
    kilde: Type.Optional(Kilde),
    antagelse: Type.Optional(SPORBARHED.antagelse),
    begrundelse: Type.Optional(SPORBARHED.begrundelse),
  },
  { additionalProperties: false },
);

export const Parameter = Type.Object(
  {
    id: Type.String({ pattern: PARAMETER_ID_PATTERN, description: "Stabilt id, fx `aktivPraksis`." }),
    navn: Tekst("Parameterens navn på dansk."),
    beskrivelse: Type.Optional(Type.String()),
    vaegt: Type.Optional(Type.Number({ minimum: 0, default: 1, description: "Vægt i den vægtede politik." })),
    aktiv: Type.Optional(Type.Boolean({ default: true, description: "Slået fra tæller parameteren ikke med." })),
    kilde: Type.Optional(Kilde),
    ikkeRelevant: Type.Optional(
      Type.Object(
        {
          naar: Betingelse,
          beskrivelse: Tekst("Hvornår parameteren ikke er relevant for leverandøren, i tilsynets ord."),
          kilde: Type.Optional(Kilde),
          antagelse: Type.Optional(SPORBARHED.antagelse),
          begrundelse: Type.Optional(SPORBARHED.begrundelse),
        },
        {
          additionalProperties: false,
          description:
            "Når betingelsen holder, er parameteren ikke relevant: den tælles ikke med i indplaceringen, og afgørelsen siger det.",
        },
      ),
    ),
    niveauer: Type.Object(
      { let: NiveauKriterium, moderat: NiveauKriterium, hoej: NiveauKriterium },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const Indplaceringspolitik = Type.Object(
  {
    metode: Type.Union([Type.Literal("optaelling"), Type.Literal("vaegtet")], {
      description:
        "`optaelling`: Tabel 4 (antal parametre pr. niveau); `vaegtet`: score ud fra vægte og niveauværdier.",
    }),
    laesning: Type.Optional(
      Type.Union([Type.Literal("monoton"), Type.Literal("bogstavelig")], {
        description:
          "Læsning af Tabel 4 på højt: `monoton` (mindst syv på højt og ingen under moderat; standard) eller `bogstavelig` (mindst syv på højt og højst én på moderat; en på let stopper ikke).",
      }),
    ),
    vaegtetGraenser: Type.Optional(
      Type.Union([Type.Literal("taerskler"), Type.Literal("afledte")], {
        description:
          "Den vægtede politiks grænser: `taerskler` (standard) læser `indplacering.vaegtet.{moderat,hoej}.minScore`; `afledte` beregner dem af vægtene som Tabel 4's svageste profil (højt: alle på højt på nær den tungeste på moderat; moderat: alle på moderat på nær den tungeste på let), så en lavere vægt på én parameter aldrig gør et niveau sværere for de andre.",
      }),
    ),
    forklaring: Type.Optional(Type.String({ description: "Hvorfor politikken og læsningen er valgt." })),
    toNiveauer: Type.Optional(
      Type.Boolean({ description: "Ansøgningsmodel: kun højt specialiseret mod resten (resten er let)." }),
    ),
    referenceAntal: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'Antal aktive parametre, som tællegrænserne er skrevet til. Er der færre eller flere aktive, flyttes grænserne tilsvarende ("alle aktive på nær én").',
      }),
    ),
    niveauvaerdier: Type.Optional(
      Type.Object(
        { ingen: Type.Number(), let: Type.Number(), moderat: Type.Number(), hoej: Type.Number() },
        { additionalProperties: false, description: "Point pr. parameterniveau i den vægtede politik." },
      ),
    ),
    krav: Type.Optional(
      Type.Object(
        {
          moderat: Type.Optional(Type.Array(Type.String({ pattern: PARAMETER_ID_PATTERN }))),
          hoej: Type.Optional(Type.Array(Type.String({ pattern: PARAMETER_ID_PATTERN }))),
        },
        { additionalProperties: false, description: "Parametre, der skal være opfyldt på niveauet for at nå det." },
      ),
    ),
  },
  { additionalProperties: false },
);

// Tilbud over time (issue 13): optional, with defaults in engine/afgoerelse.ts, so every regelsæt
// written before keeps its meaning and its hash.
const Maaneder = (description: string) => Type.Integer({ minimum: 1, maximum: 120, description });
export const Revurdering = Type.Object(
  {
    maaneder: Type.Object(
      {
        let: Maaneder("Måneder fra gyldighedsdatoen til næste vurdering af en let specialiseret leverandør."),
        moderat: Maaneder("Måneder til næste vurdering, moderat specialiseret."),
        hoej: Maaneder("Måneder til næste vurdering, højt specialiseret."),
      },
      { additionalProperties: false },
    ),
  },
  {
    additionalProperties: false,
    description:
      "Hvor længe en afgørelse gælder, før tilbuddet skal revurderes. Antagelse (platformens): 000 §3 'Procedure for genvurdering?' og §4 'Procedurer for revurderinger' beder om genvurdering over tid, men giver ingen periode; standard let 36, moderat 24, højt 12 måneder (jo mere specialiseret, jo oftere, da medarbejderudskiftning hurtigt ændrer opfyldelsen).",
  },
);
export const AfdelingsRegel = Type.Object(
  {
    sammenfatning: Type.Union([Type.Literal("hver-for-sig"), Type.Literal("hoejeste"), Type.Literal("laveste")], {
      description:
        "`hver-for-sig` (standard): hver afdeling indplaceres for sig, tilbuddet lister dem; `hoejeste`/`laveste`: tilbuddets niveau er afdelingernes højeste/laveste. Standarden følger 000 §3 'Hvilket organisatorisk niveau?' (behov for flere niveauer i ét tilbud på tværs af afdelinger); de to andre er antagelser til scenarier.",
    }),
  },
  { additionalProperties: false, description: "Hvordan et tilbuds afdelinger samles til tilbuddets indplacering." },
);

export const Testtilfaelde = Type.Object(
  {
    navn: Tekst("Kort navn på testtilfældet."),
    vurderingsgrundlag: Type.Unsafe<Record<string, unknown>>({ $ref: "vurderingsgrundlag.json" }),
    forventet: Type.Object(
      {
        niveau: Type.Union([
          Type.Literal("ikke-indplaceret"),
          Type.Literal("let"),
          Type.Literal("moderat"),
          Type.Literal("hoej"),
        ]),
        parametre: Type.Optional(
          Type.Record(
            Type.String({ pattern: PARAMETER_ID_PATTERN }),
            Type.Union(PARAMETER_UDFALD.map((n) => Type.Literal(n))),
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    kilde: Type.Optional(Kilde),
    begrundelse: Type.Optional(Type.String({ description: "Hvad testtilfældet viser, og hvorfor." })),
    note: Type.Optional(
      Type.String({ maxLength: 2000, description: "Hvorfor forventningen sidst blev ændret, og af hvem." }),
    ),
  },
  { additionalProperties: false },
);

/** One entry of a kodeliste: a stable code, its Danish label and the words users also write. */
export const Kode = Type.Object(
  {
    kode: Type.String({ minLength: 1, maxLength: 60, description: "Stabil kode, som gemmes og sammenlignes." }),
    navn: Tekst("Dansk betegnelse, som vises for brugeren."),
    synonymer: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        description: "Andre ord for det samme; inddata med et synonym gemmes som koden.",
      }),
    ),
    beskrivelse: Type.Optional(Type.String()),
    kilde: Type.Optional(Kilde),
    antagelse: Type.Optional(SPORBARHED.antagelse),
  },
  { additionalProperties: false },
);
const Kodeliste = (description: string) => Type.Optional(Type.Array(Kode, { minItems: 1, description }));
export const Kodelister = Type.Object(
  {
    uddannelser: Kodeliste("Grund-, efter- og videreuddannelser (`medarbejdere[].uddannelser`)."),
    certificeringer: Kodeliste("Særlige uddannelser og certificeringer (`medarbejdere[].certificeringer`)."),
    metoder: Kodeliste("Målgruppespecifikke metoder og faglige tilgange (`metoder.maalgruppespecifikke`)."),
    sektorer: Kodeliste("Sektorer, der samarbejdes med (`samarbejde.sektorer`)."),
  },
  {
    additionalProperties: false,
    description:
      "Kontrollerede ordlister: inddata normaliseres til koderne; et ukendt ord er en fejl med et forslag, aldrig et stille lavere niveau.",
  },
);

const PrNiveau = (hvad: string) =>
  Type.Object(
    { let: Type.String(), moderat: Type.String(), hoej: Type.String() },
    { additionalProperties: false, description: `${hvad} på let, moderat og højt niveau.` },
  );
/** Modellens første halvdel (002 kapitel 2, Boks 1–3) og de nationale kriterier (004). */
export const Maalgruppebeskrivelse = Type.Object(
  {
    kompleksitet: Type.Optional(PrNiveau("Målgruppekompleksitet (002 Boks 1)")),
    stoerrelse: Type.Optional(PrNiveau("Målgruppens størrelse (002 Boks 1)")),
    sammensaetning: Type.Optional(PrNiveau("Sammensætning af ydelser og foranstaltninger (002 Boks 2)")),
    fagligtIndhold: Type.Optional(PrNiveau("Fagligt indhold (002 Boks 2)")),
    eksempler: Type.Optional(PrNiveau("Eksempler på målgruppen (002 Boks 3)")),
    nationaltAntal: Type.Optional(
      Type.Object(
        {
          tekst: Tekst("Hvad kilderne siger om målgruppens størrelse på landsplan."),
          under1000: Type.Optional(
            Type.Boolean({ description: "Under 1.000 borgere på landsplan (004: 'meget lille')." }),
          ),
          kilde: Type.Optional(Kilde),
        },
        { additionalProperties: false },
      ),
    ),
    delmaalgrupper: Type.Optional(
      Type.Array(
        Type.Object(
          { navn: Tekst("Delmålgruppens navn."), beskrivelse: Type.String(), kilde: Type.Optional(Kilde) },
          { additionalProperties: false },
        ),
      ),
    ),
    kriterier: Type.Optional(
      Type.Array(
        Type.Object(
          { navn: Tekst("Kriteriets eller forudsætningens navn."), tekst: Type.String(), kilde: Kilde },
          { additionalProperties: false },
        ),
        { description: "Kriterier og forudsætninger for høj specialisering (004)." },
      ),
    ),
    kilde: Type.Optional(Kilde),
  },
  {
    additionalProperties: false,
    description: "Målgruppebeskrivelsen: idealtypiske behov på tre niveauer. Aktiv praksis tæller borgere efter den.",
  },
);

/**
 * A målgruppe's id as the API takes it in a path and the editor lets an author create it: lower-case
 * letters, digits and hyphens, starting with a letter, at most 100 characters.
 */
export const MAALGRUPPE_ID = /^[a-z][a-z0-9-]{0,99}$/;

export const RegelsaetSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    maalgruppe: Type.String({ pattern: "^[a-z][a-z0-9-]*$", description: "Målgruppens id, fx `autisme`." }),
    titel: Tekst("Målgruppens navn."),
    beskrivelse: Tekst("Hvad regelsættet dækker, og hvilke antagelser det bygger på."),
    // A closed map: a name outside the pattern is refused, not stored with an unchecked value.
    taerskler: Type.Record(Type.String({ pattern: TAERSKEL_NAVN_PATTERN }), Taerskel, {
      additionalProperties: false,
      description: "Alle justerbare tal og lister under stabile navne med punktum.",
    }),
    kilder: Type.Optional(
      Type.Object(
        Object.fromEntries(
          KILDE_DOKUMENTER.map((d) => [
            d,
            Type.Optional(
              Type.Object({ titel: Tekst("Dokumentets titel."), fil: Type.String() }, { additionalProperties: false }),
            ),
          ]),
        ),
        { additionalProperties: false, description: "De dokumenter, regelsættets kilder henviser til." },
      ),
    ),
    maalgruppebeskrivelse: Type.Optional(Maalgruppebeskrivelse),
    kodelister: Type.Optional(Kodelister),
    parametre: Type.Array(Parameter, { minItems: 1 }),
    indplacering: Indplaceringspolitik,
    revurdering: Type.Optional(Revurdering),
    afdelinger: Type.Optional(AfdelingsRegel),
    testtilfaelde: Type.Optional(
      Type.Array(Testtilfaelde, { description: "Regelsættets egne testtilfælde; skal bestå før publicering." }),
    ),
  },
  {
    $id: "regelsaet.json",
    title: "Regelsæt for en målgruppes specialiseringsvejledning",
    additionalProperties: false,
    $defs: { [BETINGELSE_ID]: BetingelseSchema, Kilde },
  },
);

export type Taerskel = Static<typeof Taerskel>;
export type Variant = Static<typeof Variant>;
export type Parameter = Static<typeof Parameter>;
export type Indplaceringspolitik = Static<typeof Indplaceringspolitik>;
export type Testtilfaelde = Static<typeof Testtilfaelde>;
export type Kilde = Static<typeof Kilde>;
export type Kode = Static<typeof Kode>;
export type Kodelister = Static<typeof Kodelister>;
export type KodelisteNavn = (typeof KODELISTER)[number];
export type Maalgruppebeskrivelse = Static<typeof Maalgruppebeskrivelse>;
export type ParameterNiveauEllerIkkeRelevant = (typeof PARAMETER_UDFALD)[number];
export type Regelsaet = Static<typeof RegelsaetSchema>;
