// The input contract (DOMAIN.md §3): one provider, or one afdeling, for one målgruppe.
// Every field but leverandoer.id and maalgruppe may be absent: absent means "not reported".
import { type Static, Type } from "@sinclair/typebox";

const Flag = (description: string) => Type.Optional(Type.Boolean({ description }));
const Antal = (description: string) => Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description }));
const Kort = (description: string) => Type.String({ maxLength: 200, description });
const Samarbejdsform = Type.Union(
  [Type.Literal("ingen"), Type.Literal("ad-hoc"), Type.Literal("systematisk"), Type.Literal("formaliseret")],
  { description: "ingen < ad-hoc < systematisk < formaliseret" },
);
/**
 * Provider types. The first five are the original contract; `saerforanstaltning` and
 * `kommunikationscenter` (kommunikations-/rådgivningscenter) come from the seeds (000 §3.2.3,
 * §4.2.2) so that they can carry their own threshold variants (DOMAIN.md §7).
 */
export const LEVERANDOERTYPER = [
  "botilbud",
  "doegninstitution",
  "dagtilbud",
  "matrikelloes",
  "saerforanstaltning",
  "kommunikationscenter",
  "andet",
] as const;
/** Phases of a course of support (000 §3.2.1 and §3.2.3: udredning, genoptræning, vedligeholdelse). */
export const FORLOEBSFASER = ["udredning", "genoptraening", "vedligeholdelse"] as const;
export const ALDERSGRUPPER = ["boern", "unge", "voksne"] as const;
export const ANSAETTELSER = ["fast", "vikar"] as const;
/** The assessor's own level for a parameter; `ikke-relevant` takes the parameter out of the count. */
export const TILSYNSVURDERINGER = ["ingen", "let", "moderat", "hoej", "ikke-relevant"] as const;
/** Keys of the open maps (`supplerende`, `tilsynsvurdering`): camelCase, like a parameter id. */
export const FELTNAVN_PATTERN = "^[a-z][A-Za-z0-9]*$";

export const Medarbejder = Type.Object(
  {
    ansaettelse: Type.Optional(Type.Union(ANSAETTELSER.map((a) => Type.Literal(a)))),
    erfaringAar: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 70,
        description: "Års dokumenteret praksiserfaring med indsatser til målgruppen (002 kap. 3, Praksiserfaring).",
      }),
    ),
    uddannelser: Type.Optional(
      Type.Array(Kort("Uddannelse: kode, betegnelse eller synonym fra regelsættets kodeliste, fx `paedagog`."), {
        maxItems: 50,
        description: "Tom liste = ingen uddannelse; feltet udeladt = ikke oplyst.",
      }),
    ),
    certificeringer: Type.Optional(
      Type.Array(Kort("Certificering fra regelsættets kodeliste, fx `TEACCH`."), {
        maxItems: 50,
        description: "Tom liste = ingen certificering; feltet udeladt = ikke oplyst.",
      }),
    ),
    hjaelpemiddelfaglig: Flag("Har hjælpemiddelfaglige kompetencer."),
  },
  { additionalProperties: false, description: "Én medarbejder, anonymt." },
);

export const VurderingsgrundlagSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    leverandoer: Type.Object(
      {
        id: Type.String({ minLength: 1, maxLength: 100, description: "Leverandørens id (fx Tilbudsportalens)." }),
        navn: Type.Optional(Kort("Leverandørens navn.")),
        type: Type.Optional(Type.Union(LEVERANDOERTYPER.map((t) => Type.Literal(t)))),
        afdeling: Type.Optional(Kort("Afdeling, når vurderingen gælder en afdeling.")),
        kommune: Type.Optional(Kort("Kommune.")),
      },
      { additionalProperties: false },
    ),
    maalgruppe: Type.String({ pattern: "^[a-z][a-z0-9-]*$", maxLength: 100, description: "Id på et regelsæt." }),
    aldersgruppe: Type.Optional(Type.Union(ALDERSGRUPPER.map((a) => Type.Literal(a)))),
    forloebsfase: Type.Optional(
      Type.Union(
        FORLOEBSFASER.map((f) => Type.Literal(f)),
        { description: "Den fase i borgernes forløb, indsatsen retter sig mod (000 §3.2.3)." },
      ),
    ),
    aar: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100, description: "Kalenderåret, tallene dækker." })),
    godkendt: Flag("Har fornøden kvalitet (godkendt af socialtilsynet)."),
    borgere: Type.Optional(
      Type.Object(
        {
          let: Antal("Borgere med lette behov i året."),
          moderat: Antal("Borgere med moderate behov i året."),
          hoej: Antal("Borgere med særligt komplekse behov i året."),
        },
        { additionalProperties: false },
      ),
    ),
    medarbejdere: Type.Optional(Type.Array(Medarbejder, { maxItems: 5000 })),
    fagmiljoe: Type.Optional(
      Type.Object(
        {
          kompetencerAlleDage: Flag("De nødvendige kompetencer er til stede alle dage."),
          struktureretSparring: Flag("Struktureret faglig sparring."),
          specialteam: Flag("Har et specialteam."),
        },
        { additionalProperties: false },
      ),
    ),
    samarbejde: Type.Optional(
      Type.Object(
        {
          tvaerfagligt: Type.Optional(Samarbejdsform),
          tvaersektorielt: Type.Optional(Samarbejdsform),
          sektorer: Type.Optional(Type.Array(Kort("Sektor, fx `sundhed`."), { maxItems: 20 })),
        },
        { additionalProperties: false },
      ),
    ),
    vidensudvikling: Type.Optional(
      Type.Object(
        {
          holderSigOpdateret: Flag("Holder sig opdateret om bedste viden."),
          deltagerINetvaerk: Flag("Deltager i faglige netværk."),
          bidragerTilVidensudvikling: Flag("Bidrager til vidensudvikling."),
          formidlerViden: Flag("Formidler viden til andre."),
        },
        { additionalProperties: false },
      ),
    ),
    metoder: Type.Optional(
      Type.Object(
        {
          socialpaedagogiskPraksis: Flag("Velfunderet socialpædagogisk praksis."),
          maalgruppespecifikke: Type.Optional(Type.Array(Kort("Metode, fx `TEACCH`."), { maxItems: 50 })),
          saerligTilpasning: Flag("Metoderne er særligt tilpasset målgruppen."),
        },
        { additionalProperties: false },
      ),
    ),
    hjaelpemidler: Type.Optional(
      Type.Object(
        {
          anvendes: Flag("Anvender hjælpemidler og teknologi."),
          behovHosBorgerne: Flag(
            "Borgerne har konkrete behov for hjælpemidler og teknologi (002 kap. 3: 'hvor det er relevant').",
          ),
          vejlederAndre: Flag("Vejleder andre i hjælpemidler."),
        },
        { additionalProperties: false },
      ),
    ),
    fysiskeRammer: Type.Optional(
      Type.Object(
        {
          tilpassetMaalgruppen: Flag("De fysiske rammer er tilpasset målgruppen."),
          skaermning: Flag("Mulighed for skærmning."),
        },
        {
          additionalProperties: false,
          description: "Til interessenternes forslag om et parameter for fysiske rammer.",
        },
      ),
    ),
    supplerende: Type.Optional(
      Type.Record(
        Type.String({ pattern: FELTNAVN_PATTERN, maxLength: 60 }),
        Type.Union([
          Type.Boolean(),
          Type.Number(),
          Kort(""),
          Type.Array(Type.Union([Type.Boolean(), Type.Number(), Kort("")]), { maxItems: 50 }),
        ]),
        {
          // Closed: a key outside the pattern is refused, not stored unchecked.
          additionalProperties: false,
          maxProperties: 100,
          description: "Oplysninger til nye parametre, som ikke har et fast felt (fx `borgerinddragelse`).",
        },
      ),
    ),
    tilsynsvurdering: Type.Optional(
      Type.Record(
        Type.String({ pattern: FELTNAVN_PATTERN, maxLength: 60 }),
        Type.Union(TILSYNSVURDERINGER.map((n) => Type.Literal(n))),
        {
          additionalProperties: false,
          maxProperties: 100,
          description:
            "Tilsynets eget niveau for en parameter; det afgør parameterens niveau. `ikke-relevant` tager parameteren ud af optællingen.",
        },
      ),
    ),
  },
  {
    $id: "vurderingsgrundlag.json",
    title: "Vurderingsgrundlag for én leverandør (eller afdeling) i én målgruppe",
    additionalProperties: false,
  },
);

export type Medarbejder = Static<typeof Medarbejder>;
export type Vurderingsgrundlag = Static<typeof VurderingsgrundlagSchema>;
