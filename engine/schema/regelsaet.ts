// The regelsæt format (DOMAIN.md §5) defined once: ajv validates with it, the API serves it,
// Monaco completes with it, and the TypeScript types are derived from it.
import { type Static, Type } from "@sinclair/typebox";

export const NIVEAUER = ["let", "moderat", "hoej"] as const;
export const PARAMETER_NIVEAUER = ["ingen", "let", "moderat", "hoej"] as const;
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
      additionalProperties: BetingelsesVaerdi,
    },
    operator: { type: "string", enum: [...OPERATORER], description: "json-rules-engine-operator." },
    value: { ...BetingelsesVaerdi, description: "Den værdi, faktum sammenlignes med, eller en tærskel." },
    beskrivelse: { type: "string", description: "Kort forklaring, som vises i begrundelsen." },
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
    properties: { all: { type: "array", minItems: 1, items: ref } },
    required: ["all"],
    additionalProperties: false,
  },
  else: {
    if: { required: ["any"] },
    // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, never awaited
    then: {
      properties: { any: { type: "array", minItems: 1, items: ref } },
      required: ["any"],
      additionalProperties: false,
    },
    else: {
      if: { required: ["not"] },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, never awaited
      then: { properties: { not: ref }, required: ["not"], additionalProperties: false },
      else: LeafSchema,
    },
  },
} as const;

export type TaerskelReference = Static<typeof TaerskelReference>;
export type BetingelsesVaerdi = Static<typeof BetingelsesVaerdi>;
export type Operator = (typeof OPERATORER)[number];
export type Niveau = (typeof NIVEAUER)[number];
export type ParameterNiveau = (typeof PARAMETER_NIVEAUER)[number];
export interface LeafBetingelse {
  fact: string;
  path?: string;
  params?: Record<string, BetingelsesVaerdi>;
  operator: Operator;
  value: BetingelsesVaerdi;
  beskrivelse?: string;
}
// Recursive types cannot be derived from an if/then/else schema; this mirrors BetingelseSchema.
export type Betingelse = LeafBetingelse | { all: Betingelse[] } | { any: Betingelse[] } | { not: Betingelse };

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
          Type.Array(
            Type.Union([
              Type.Literal("botilbud"),
              Type.Literal("doegninstitution"),
              Type.Literal("dagtilbud"),
              Type.Literal("matrikelloes"),
              Type.Literal("andet"),
            ]),
            { minItems: 1 },
          ),
        ),
      },
      { additionalProperties: false, description: "Hvornår varianten gælder (alle angivne felter skal passe)." },
    ),
    vaerdi: Type.Union([Type.Number(), Type.Array(Type.String())]),
    beskrivelse: Type.Optional(Type.String()),
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
          Type.Record(Type.String(), Type.Union(PARAMETER_NIVEAUER.map((n) => Type.Literal(n)))),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
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
    taerskler: Type.Record(Type.String({ pattern: TAERSKEL_NAVN_PATTERN }), Taerskel, {
      description: "Alle justerbare tal og lister under stabile navne med punktum.",
    }),
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
    $defs: { [BETINGELSE_ID]: BetingelseSchema },
  },
);

export type Taerskel = Static<typeof Taerskel>;
export type Variant = Static<typeof Variant>;
export type Parameter = Static<typeof Parameter>;
export type Indplaceringspolitik = Static<typeof Indplaceringspolitik>;
export type Testtilfaelde = Static<typeof Testtilfaelde>;
export type Regelsaet = Static<typeof RegelsaetSchema>;
