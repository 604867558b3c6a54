// The OpenAPI paths of the tilbud register, decisions over time, konsekvensanalyse and consistency
// (issue 13), each with its operationId, role and organisation rule; merged into openapi.ts.
import { fejl, KROP, type Obj, svarForParametre } from "./openapi-faelles.js";
import { ORGANISATIONER, SOCIALTILSYN } from "./organisation.js";
import { REGISTER_KOLONNER } from "./tilbud-input.js";

const ROLLE = { tilsyn: "tilsyn eller højere", forfatter: "forfatter eller admin" } as const;

const json = (schema: Obj = { type: "object" }, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});

export const ORGANISATION_REGEL = {
  egne: "En nøgle fra et socialtilsyn læser og skriver kun sit eget socialtilsyns tilbud og afgørelser; et andet socialtilsyns er ukendte (404). Socialstyrelsen og nøgler uden organisation ser alle.",
  analyse:
    "Socialstyrelsen og nøgler uden organisation ser alle socialtilsyn; en nøgle fra et socialtilsyn ser kun sit eget. Ingen personaleoplysninger, kun niveauer.",
} as const;

function op(
  operationId: string,
  rolle: keyof typeof ROLLE,
  organisation: keyof typeof ORGANISATION_REGEL,
  o: Obj & { responses: Obj },
): Obj {
  const beskrivelse = typeof o.description === "string" ? `${o.description}\n\n` : "";
  return {
    operationId,
    ...o,
    description: `${beskrivelse}**Adgang:** ${ROLLE[rolle]}. **Organisation:** ${ORGANISATION_REGEL[organisation]}`,
    "x-rolle": rolle,
    "x-organisation": organisation,
    security: [{ noegle: [] }],
    responses: {
      ...svarForParametre(o),
      ...(o.requestBody !== undefined ? KROP : {}),
      ...o.responses,
      "401": fejl("Ingen eller ukendt/tilbagekaldt nøgle."),
      "403": fejl("Nøglens rolle er for lav."),
      "429": fejl("For mange mislykkede forsøg med en ugyldig nøgle fra samme adresse."),
    },
  };
}

const ID = { name: "id", in: "path", required: true, schema: { type: "string" } };
const MAALGRUPPE = { name: "maalgruppe", in: "path", required: true, schema: { type: "string" } };
const DATO = {
  name: "dato",
  in: "query",
  schema: { type: "string", format: "date" },
  description: "Dagen der regnes fra (standard i dag).",
};

const Tilbud = {
  type: "object",
  required: ["navn", "type", "socialtilsyn"],
  properties: {
    id: { type: "string", description: "Som i stien (kan udelades)." },
    navn: { type: "string" },
    type: { enum: ["botilbud", "doegninstitution", "dagtilbud", "matrikelloes", "andet"] },
    kommune: { type: "string" },
    socialtilsyn: { enum: [...SOCIALTILSYN], description: "Ejeren: det socialtilsyn, der fører tilsyn med tilbuddet." },
    maalgrupper: { type: "array", items: { type: "string" } },
    afdelinger: {
      type: "array",
      description: "Afdelinger, der ikke nævnes, bevares (afgørelser kan henvise til dem).",
      items: {
        type: "object",
        required: ["id", "navn", "maalgruppe"],
        properties: {
          id: { type: "string" },
          navn: { type: "string" },
          maalgruppe: { type: "string" },
          pladser: { type: "integer", minimum: 0 },
        },
      },
    },
  },
};

export function tilbudStier(): Obj {
  return {
    "/tilbud": {
      get: op("listTilbud", "tilsyn", "egne", {
        summary: "Tilbudsregistret",
        parameters: [
          { name: "socialtilsyn", in: "query", schema: { enum: [...SOCIALTILSYN] } },
          { name: "maalgruppe", in: "query", schema: { type: "string" } },
        ],
        responses: { "200": json({ type: "object", properties: { tilbud: { type: "array", items: Tilbud } } }) },
      }),
    },
    "/tilbud/import": {
      post: op("importerTilbud", "tilsyn", "egne", {
        summary: "Indlæs registret fra CSV",
        description: `Én linje pr. afdeling (et tilbud uden afdelinger har tomme afdelingskolonner); et tilbud på flere linjer skal sige det samme på hver eller lade cellen stå tom. Kolonner: ${REGISTER_KOLONNER.map((k) => `\`${k}\``).join(", ")}; \`tilbud.maalgrupper\` adskilles med \`|\`. Alt eller intet: én fejl afviser filen (422, \`linje N, kolonne 'x'\`). Eksisterende tilbud opdateres.`,
        requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
        responses: {
          "200": json({
            type: "object",
            properties: {
              antal: { type: "integer" },
              afdelinger: { type: "integer" },
              oprettet: { type: "integer" },
              opdateret: { type: "integer" },
            },
          }),
          "400": fejl("CSV kan ikke læses"),
          "404": fejl("Et tilbud i filen hører til et andet socialtilsyn"),
          "415": fejl("Ikke CSV"),
          "422": fejl("Ugyldig linje, ukendt kolonne eller et andet socialtilsyns tilbud"),
        },
      }),
    },
    "/tilbud/{id}": {
      get: op("hentTilbud", "tilsyn", "egne", {
        summary: "Et tilbud med afdelinger og gældende indplacering",
        description:
          "`indplacering` pr. målgruppe: hver afdelings gældende afgørelse og tilbuddets niveau efter regelsættets `afdelinger.sammenfatning` (standard `hver-for-sig`: niveau null, afdelingerne listes).",
        parameters: [ID],
        responses: { "200": json(), "404": fejl("Ukendt eller et andet socialtilsyns") },
      }),
      put: op("gemTilbud", "tilsyn", "egne", {
        summary: "Opret eller opdatér et tilbud",
        parameters: [ID],
        requestBody: { required: true, content: { "application/json": { schema: Tilbud } } },
        responses: {
          "200": json(Tilbud, "Opdateret"),
          "201": json(Tilbud, "Oprettet"),
          "404": fejl("Tilbuddet hører til et andet socialtilsyn"),
          "422": fejl("Ugyldigt felt (fx `socialtilsyn` for et andet socialtilsyn)"),
        },
      }),
    },
    "/tilbud/{id}/afgoerelser": {
      post: op("opretAfgoerelse", "tilsyn", "egne", {
        summary: "Træf en afgørelse for et tilbud (eller en afdeling)",
        description:
          "Kroppen: `{ vurderingsgrundlag | indplaceringId, afdeling?, gyldigFra? (i dag), status? ('truffet' eller 'kladde'), begrundelse?, overgang?: [ { parameter, niveau, fra?, til, begrundelse } ], version?, kladde? }`. Med `vurderingsgrundlag` indplaceres og gemmes en ny afgørelse (som `POST /indplacering`); med `indplaceringId` knyttes en gemt afgørelse fra samme organisation til tilbuddet (én gang). `leverandoer.id` skal være tilbuddets id, målgruppen afdelingens eller en af tilbuddets. `naesteVurdering` = `gyldigFra` + regelsættets `revurdering.maaneder` for niveauet, eller slutningen af den tidligste overgangsperiode. Alt tjekkes før noget gemmes; fejl nævner feltet (`tilbud`, `afdeling`, `overgang[0].til`, …).",
        parameters: [ID],
        requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
        responses: {
          "201": json({
            type: "object",
            properties: { afgoerelse: { type: "object" }, indplacering: { $ref: "#/components/schemas/Indplacering" } },
          }),
          "404": fejl("Ukendt tilbud (eller et andet socialtilsyns)"),
          "409": fejl("Indplaceringen hører allerede til et tilbud"),
          "422": fejl("Ugyldigt felt; intet er gemt"),
        },
      }),
    },
    "/tilbud/{id}/historik": {
      get: op("tilbudHistorik", "tilsyn", "egne", {
        summary: "Et tilbuds historik",
        description:
          "Hver afgørelse, ældste først: version, niveau og hver parameters niveau (og regelniveau), status-hændelser (hvem, hvornår, hvorfor) og hvad der ændrede sig siden forrige afgørelse for samme afdeling og målgruppe: `aendring.aarsag` er `foerste`, `input` (med `felter`), `regelsaet` (med versionerne), `begge` eller `ingen`. `revurderinger`: gældende afgørelser med `forfalden`/`snart` (90 dage)/`senere`.",
        parameters: [ID, DATO],
        responses: { "200": json(), "400": fejl("Ugyldig dato"), "404": fejl("Ukendt eller et andet socialtilsyns") },
      }),
    },
    "/revurderinger": {
      get: op("listRevurderinger", "tilsyn", "egne", {
        summary: "Forfaldne og snart forfaldne revurderinger pr. socialtilsyn",
        parameters: [
          DATO,
          {
            name: "dage",
            in: "query",
            schema: { type: "integer", minimum: 0 },
            description: "Snart = inden for (90).",
          },
          { name: "maalgruppe", in: "query", schema: { type: "string" } },
        ],
        responses: { "200": json(), "400": fejl("Ugyldig parameter") },
      }),
    },
    "/afgoerelser/{id}": {
      get: op("hentAfgoerelse", "tilsyn", "egne", {
        summary: "En afgørelses forløb",
        description:
          "Status, tilbud og afdeling, gyldigFra, naesteVurdering, overgangsperioder og hændelser. En gemt afgørelse uden tilbud er `truffet` med `tilbud: null`. Socialstyrelsen ser et andet socialtilsyns afgørelse uden personaleoplysninger (`antalMedarbejdere`).",
        parameters: [ID],
        responses: { "200": json(), "404": fejl("Ukendt eller et andet socialtilsyns") },
      }),
    },
    "/afgoerelser/{id}/status": {
      post: op("skiftStatus", "tilsyn", "egne", {
        summary: "Nyt status for en afgørelse (en hændelse)",
        description:
          "Kroppen: `{ status, begrundelse, nyAfgoerelse? }`. Rækkefølgen: kladde → truffet → paaklaget → afgjort (klagen stadfæster) eller aendret (med `nyAfgoerelse`: id på den nye afgørelse for samme tilbud, afdeling og målgruppe). Et skift uden for rækkefølgen er 409 med `status` som sted; intet gemmes.",
        parameters: [ID],
        requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
        responses: {
          "200": json(),
          "404": fejl("Ukendt eller et andet socialtilsyns"),
          "409": fejl("Ikke i rækkefølge, eller afgørelsen hører ikke til et tilbud"),
          "422": fejl("Ugyldigt felt"),
        },
      }),
    },
    "/regelsaet/{maalgruppe}/kladde/konsekvens": {
      get: op("konsekvensanalyse", "forfatter", "analyse", {
        summary: "Konsekvensanalyse: kladden over de gældende afgørelser",
        description:
          "Kladden køres over den gældende afgørelse for hvert tilbud og hver afdeling i målgruppen (det gemte vurderingsgrundlag) ved siden af den publicerede version — samme svar som scenariesammenligningen (`scenarier` med `fordeling`, `overgange`, `flyttede` med parametrene hvorfor; højst 500 listet, `flyttedeIalt`), plus `resume` (pr. parameter op/ned). Resuméet gemmes med versionen ved publicering.",
        parameters: [MAALGRUPPE],
        responses: { "200": json(), "404": fejl("Ingen kladde") },
      }),
    },
    "/regelsaet/{maalgruppe}/konsekvens": {
      get: op("hentKonsekvens", "forfatter", "analyse", {
        summary: "Konsekvensresuméet gemt med en version",
        parameters: [MAALGRUPPE, { name: "version", in: "query", required: true, schema: { type: "integer" } }],
        responses: { "200": json(), "400": fejl("Version mangler"), "404": fejl("Intet resumé for versionen") },
      }),
    },
    "/konsistens": {
      get: op("konsistens", "forfatter", "analyse", {
        summary: "Tilsynsvurderingernes afvigelser fra regelniveauet pr. socialtilsyn og parameter",
        description:
          "For hver gældende afgørelse, der er truffet med en publiceret version: regelniveauet pr. parameter for samme input og version (uden tilsynsvurderingen) ved siden af tilsynets eget. Pr. socialtilsyn og parameter: `vurderet`, `enig`, `op` (tilsynet højere) og `ned`.",
        parameters: [{ name: "maalgruppe", in: "query", required: true, schema: { type: "string" } }],
        responses: { "200": json(), "400": fejl("Målgruppe mangler") },
      }),
    },
  };
}

export const ORGANISATION_BESKRIVELSE = `Organisationer (nøglens \`organisation\`): ${ORGANISATIONER.map((o) => `\`${o}\``).join(", ")}.`;
