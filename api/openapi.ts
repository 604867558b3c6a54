// The API's OpenAPI 3.1 document, written as data. The JSON Schemas of the two contracts are
// referenced by their URL, not copied; the CSV columns are listed from the same definition the
// CSV reader uses.
import { csvKolonner } from "./csv.js";
import { ORGANISATION_BESKRIVELSE, tilbudStier } from "./openapi-tilbud.js";
import { ORGANISATIONER } from "./organisation.js";

type Obj = Record<string, unknown>;

const ROLLE_TEKST: Record<string, string> = {
  alle: "Alle (ingen nøgle)",
  laeser: "læser eller højere",
  tilsyn: "tilsyn eller højere",
  forfatter: "forfatter eller admin",
  admin: "admin",
};

const fejl = (beskrivelse: string) => ({
  description: beskrivelse,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Fejl" } } },
});

const json = (schema: Obj, beskrivelse = "OK") => ({
  description: beskrivelse,
  content: { "application/json": { schema } },
});

const ref = (navn: string) => ({ $ref: `#/components/schemas/${navn}` });

const MAALGRUPPE = {
  name: "maalgruppe",
  in: "path",
  required: true,
  description: "Målgruppens id, fx `autisme`.",
  schema: { type: "string", pattern: "^[a-z][a-z0-9-]*$" },
};

const ADGANG = {
  "401": fejl("Ingen eller ukendt/tilbagekaldt nøgle."),
  "403": fejl("Nøglens rolle er for lav."),
  "429": fejl("For mange mislykkede forsøg med en ugyldig nøgle fra samme adresse."),
};

function op(rolle: keyof typeof ROLLE_TEKST, o: Obj & { responses: Obj }): Obj {
  const beskrivelse = typeof o.description === "string" ? `${o.description}\n\n` : "";
  return {
    ...o,
    description: `${beskrivelse}**Adgang:** ${ROLLE_TEKST[rolle]}.`,
    "x-rolle": rolle,
    security: rolle === "alle" ? [] : [{ noegle: [] }],
    responses: rolle === "alle" ? o.responses : { ...o.responses, ...ADGANG },
  };
}

export function csvBeskrivelse(): string {
  const linjer = csvKolonner().map(
    (k) =>
      `| \`${k.navn}\` | ${k.type}${k.vaerdier ? `: ${k.vaerdier.join(", ")}` : ""} | ${k.beskrivelse.replaceAll("|", "\\|")} |`,
  );
  return [
    "CSV (`Content-Type: text/csv`, UTF-8): første linje er kolonnenavne, derefter én linje pr. leverandør (eller afdeling).",
    "Skilletegn `,`, `;` eller tabulator (afgøres af første linje). Kun `leverandoer.id` og `maalgruppe` er påkrævede;",
    "kolonnerne kan stå i vilkårlig rækkefølge, og ubrugte kolonner kan udelades. En tom celle betyder *ikke oplyst*.",
    "Sandhedsværdier: `true/false`, `ja/nej`, `1/0`. Lister: elementer adskilt af `|`, fx `TEACCH|KRAP`.",
    "`medarbejdere` er en JSON-liste i én celle (husk CSV-citering), fx",
    '`"[{""ansaettelse"":""fast"",""erfaringAar"":6,""uddannelser"":[""paedagog""]}]"`.',
    "`version` og `kladde` angives som forespørgselsparametre (`?version=3`).",
    "",
    "| kolonne | type | betydning |",
    "|---|---|---|",
    ...linjer,
  ].join("\n");
}

export function openapi(): Obj {
  return {
    openapi: "3.1.0",
    info: {
      title: "Specialiseringsmodellen – API",
      version: "1.0.0",
      description: [
        "Versionerede regelsæt pr. målgruppe, indplacering af leverandører med begrundelser, scenarier og nøgler.",
        "Alle stier ligger under `/api/v1`. Send nøglen som `Authorization: Bearer <nøgle>`.",
        "Roller: `laeser` < `tilsyn` < `forfatter` < `admin`; hver rolle har de foregående rettigheder.",
        'Fejl er JSON: `{ "fejl": "…", "kode": "…", "detaljer": [ { "path", "message", "pointer"? } ] }`.',
        "Statuskoder: 400 forkert udformet (fx ugyldig JSON eller CSV), 401 ingen/ukendt nøgle, 403 forkert rolle, 404 findes ikke,",
        "409 konflikt, 412 forældet `If-Match`, 413 for stor, 415 forkert medietype, 422 ugyldigt indhold, 428 `If-Match` mangler,",
        "429 for mange mislykkede nøgleforsøg.",
        ORGANISATION_BESKRIVELSE,
      ].join("\n"),
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { noegle: { type: "http", scheme: "bearer", description: "API-nøgle (`smk_…`)." } },
      schemas: {
        Fejl: {
          type: "object",
          required: ["fejl", "detaljer"],
          properties: {
            fejl: { type: "string", description: "Hvad der gik galt, på dansk." },
            kode: { type: "string", description: "Maskinlæsbar kode, fx `UGYLDIGT_REGELSAET`." },
            detaljer: {
              type: "array",
              items: {
                type: "object",
                required: ["path", "message"],
                properties: {
                  path: { type: "string", description: "Sted i forespørgslen, fx `vurderingsgrundlag.borgere.let`." },
                  pointer: { type: "string", description: "Samme sted som JSON Pointer (RFC 6901)." },
                  message: { type: "string" },
                },
              },
            },
          },
        },
        Regelsaet: { $ref: "/api/v1/schema/regelsaet.json" },
        Vurderingsgrundlag: { $ref: "/api/v1/schema/vurderingsgrundlag.json" },
        Indplacering: {
          type: "object",
          description:
            "Resultatet (DOMAIN.md §4): `niveau`, `maalgruppe`, `leverandoer`, `regelsaet` {maalgruppe, version, hash, kladde}, `politik`, `parametre` med `begrundelse` og `manglendeOplysninger`, `manglendeOplysninger`, `naesteNiveau`.",
          properties: {
            id: { type: "string", format: "uuid", description: "Id, som afgørelsen er gemt under." },
            niveau: { enum: ["ikke-indplaceret", "let", "moderat", "hoej"] },
            maalgruppe: { type: "string" },
            regelsaet: { type: "object" },
            parametre: { type: "array", items: { type: "object" } },
            manglendeOplysninger: { type: "array", items: { type: "string" } },
            naesteNiveau: { type: ["object", "null"] },
          },
        },
        VersionInfo: {
          type: "object",
          properties: {
            maalgruppe: { type: "string" },
            version: { type: "integer" },
            hash: { type: "string" },
            forfatter: { type: "string", description: "Navnet på nøglen, der publicerede." },
            oprettet: { type: "string", format: "date-time" },
            note: { type: "string" },
          },
        },
        Problem: {
          type: "object",
          properties: { path: { type: "string" }, pointer: { type: "string" }, message: { type: "string" } },
        },
      },
    },
    paths: {
      "/health": {
        get: op("alle", {
          summary: "Liveness og database",
          description: "Svarer 200 når databasen svarer, 503 når den ikke gør, eller serveren er ved at lukke.",
          responses: { "200": json({ type: "object" }), "503": json({ type: "object" }, "Databasen svarer ikke") },
        }),
      },
      "/maalgrupper": {
        get: op("laeser", {
          summary: "Målgrupperne",
          description: "Hver målgruppe med seneste publicerede version (eller null) og om der findes en kladde.",
          responses: { "200": json({ type: "object", properties: { maalgrupper: { type: "array" } } }) },
        }),
      },
      "/regelsaet/{maalgruppe}": {
        get: op("laeser", {
          summary: "Et publiceret regelsæt",
          description:
            "Seneste version, eller `?version=N`. Kroppen er regelsættet præcis som publiceret; `ETag` er dets hash, og headerne `Regelsaet-Version` og `Regelsaet-Hash` siger hvilken version. `If-None-Match` giver 304.",
          parameters: [
            MAALGRUPPE,
            { name: "version", in: "query", schema: { type: "integer", minimum: 1 }, description: "Ældre version." },
          ],
          responses: {
            "200": json(ref("Regelsaet")),
            "304": { description: "Uændret" },
            "400": fejl("Ugyldig version"),
            "404": fejl("Findes ikke"),
          },
        }),
      },
      "/regelsaet/{maalgruppe}/versioner": {
        get: op("laeser", {
          summary: "Versionshistorik",
          parameters: [MAALGRUPPE],
          responses: {
            "200": json({
              type: "object",
              properties: { maalgruppe: { type: "string" }, versioner: { type: "array", items: ref("VersionInfo") } },
            }),
            "404": fejl("Ingen publicerede versioner"),
          },
        }),
      },
      "/regelsaet/{maalgruppe}/diff": {
        get: op("laeser", {
          summary: "Forskelle mellem to versioner",
          description:
            "Tærskler (tilføjet, fjernet, ændret værdi eller variant), parametre (tilføjet, fjernet, aktiveret/deaktiveret, vægte, tekster), betingelser pr. parameter og niveau, indplaceringspolitik og testtilfælde.",
          parameters: [
            MAALGRUPPE,
            { name: "fra", in: "query", required: true, schema: { type: "integer", minimum: 1 } },
            { name: "til", in: "query", required: true, schema: { type: "integer", minimum: 1 } },
          ],
          responses: {
            "200": json({ type: "object" }),
            "400": fejl("fra/til mangler eller er ugyldige"),
            "404": fejl("Versionen findes ikke"),
          },
        }),
      },
      "/regelsaet/{maalgruppe}/kladde": {
        get: op("forfatter", {
          summary: "Kladden",
          description: "Kladden præcis som gemt, med `ETag` til `If-Match`.",
          parameters: [MAALGRUPPE],
          responses: { "200": json(ref("Regelsaet")), "404": fejl("Ingen kladde") },
        }),
        put: op("forfatter", {
          summary: "Gem kladden",
          description:
            "Kroppen er regelsættet. Findes der allerede en kladde, skal `If-Match` være dens `ETag` (412 hvis forældet, 428 hvis udeladt; `*` overskriver). Skema- og forfatterfejl giver 422 med alle fejl; advarsler (`advarsler`) og testtilfældenes udfald returneres, men blokerer ikke. 201 når kladden oprettes, 200 når den opdateres.",
          parameters: [MAALGRUPPE, { name: "If-Match", in: "header", schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/json": { schema: ref("Regelsaet") } } },
          responses: {
            "200": json({
              type: "object",
              properties: {
                revision: { type: "integer" },
                hash: { type: "string" },
                advarsler: { type: "array", items: ref("Problem") },
                testtilfaelde: { type: "array" },
              },
            }),
            "201": { description: "Oprettet" },
            "400": fejl("Ugyldig JSON"),
            "412": fejl("Kladden er ændret siden din ETag"),
            "413": fejl("For stor"),
            "422": fejl("Ugyldigt regelsæt"),
            "428": fejl("If-Match mangler"),
          },
        }),
        delete: op("forfatter", {
          summary: "Kassér kladden",
          parameters: [MAALGRUPPE, { name: "If-Match", in: "header", schema: { type: "string" } }],
          responses: {
            "204": { description: "Slettet" },
            "404": fejl("Ingen kladde"),
            "412": fejl("Forældet If-Match"),
          },
        }),
      },
      "/regelsaet/{maalgruppe}/publicer": {
        post: op("forfatter", {
          summary: "Publicér kladden som næste version",
          description:
            "Kladdens testtilfælde skal bestå; ellers 422, og `detaljer` nævner hvert fejlende tilfælde. `If-Match` (valgfri) sikrer, at det er den kladde, du har set.",
          parameters: [MAALGRUPPE, { name: "If-Match", in: "header", schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { type: "object", required: ["note"], properties: { note: { type: "string" } } },
              },
            },
          },
          responses: {
            "201": json(ref("VersionInfo"), "Publiceret"),
            "404": fejl("Ingen kladde"),
            "409": fejl("Kladden blev publiceret eller slettet imens"),
            "412": fejl("Kladden er ændret"),
            "422": fejl("Note mangler, ugyldigt regelsæt eller fejlende testtilfælde"),
          },
        }),
      },
      "/indplacering": {
        post: op("tilsyn", {
          summary: "Indplacér én leverandør",
          description:
            "Med seneste publicerede version af målgruppens regelsæt, en ældre (`version`) eller kladden (`kladde: true`, kun forfatter). Afgørelsen gemmes og får et `id`.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["vurderingsgrundlag"],
                  properties: {
                    vurderingsgrundlag: ref("Vurderingsgrundlag"),
                    version: { type: "integer" },
                    kladde: { type: "boolean" },
                  },
                },
              },
            },
          },
          responses: {
            "201": json(ref("Indplacering"), "Indplaceret og gemt"),
            "400": fejl("Ugyldig JSON"),
            "413": fejl("For stor"),
            "415": fejl("Ikke JSON"),
            "422": fejl("Ugyldigt vurderingsgrundlag, eller målgruppen/versionen/kladden findes ikke"),
          },
        }),
      },
      "/indplacering/batch": {
        post: op("tilsyn", {
          summary: "Indplacér mange leverandører",
          description: `JSON \`{ "vurderingsgrundlag": [ … ], "version"?: N, "kladde"?: true }\` eller CSV. Svaret er \`{ "antal": {ialt, indplaceret, fejl}, "resultater": [ … ] }\` i samme rækkefølge som input. Kørslen streames: over 1.000 elementer kommer svaret som \`{ "resultater": [ … ], "antal": { … } }\`, og en fejl, der først opdages undervejs (brudt JSON/CSV, for mange elementer), afslutter svaret med \`"afbrudt": { fejl, kode, detaljer }\` før \`antal\` (status 200; de viste afgørelser er gemt). Ved JSON over 1.000 elementer skal \`version\` og \`kladde\` stå før \`vurderingsgrundlag\`. Et ugyldigt element afviser ikke hele kørslen: dets plads i \`resultater\` er \`{ "index", "fejl", "kode", "detaljer" }\` med stier som \`vurderingsgrundlag[3].borgere.let\` (i CSV er element 0 linje 2). Gyldige elementer gemmes hver for sig med et \`id\`. Målgrupperne må blandes; \`version\` gælder hvert elements målgruppe.\n\n${csvBeskrivelse()}`,
          parameters: [
            { name: "version", in: "query", schema: { type: "integer" }, description: "Kun for CSV." },
            { name: "kladde", in: "query", schema: { type: "boolean" }, description: "Kun for CSV; kun forfatter." },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["vurderingsgrundlag"],
                  properties: { vurderingsgrundlag: { type: "array", items: ref("Vurderingsgrundlag") } },
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          responses: {
            "200": json({ type: "object", properties: { antal: { type: "object" }, resultater: { type: "array" } } }),
            "400": fejl("Ugyldig JSON eller CSV"),
            "413": fejl("For stor eller for mange leverandører"),
            "422": fejl("Kroppen har ikke den rette form, eller CSV-kolonnerne passer ikke"),
          },
        }),
      },
      "/indplacering/{id}": {
        get: op("tilsyn", {
          summary: "En gemt afgørelse",
          description:
            "Input, resultat, regelsættets version og hash, nøglens navn og tidspunkt. `?genberegn=true` beregner den igen med samme version og svarer `identisk: true/false` (sammenligning af kanonisk JSON).",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "genberegn", in: "query", schema: { type: "boolean" } },
          ],
          responses: { "200": json({ type: "object" }), "404": fejl("Findes ikke") },
        }),
      },
      "/scenarier/sammenlign": {
        post: op("forfatter", {
          summary: "Sammenlign scenarier",
          description:
            "Kroppen: `{ maalgruppe, scenarier: [ { navn, beskrivelse?, aendringer?: { taerskler?, vaegte?, aktive?, indplacering? } } ], vurderingsgrundlag?: [ … ], version?, kladde? }`. Uden `vurderingsgrundlag` bruges eksempeldatasættets leverandører i målgruppen. Svaret: fordeling pr. scenarie, overgangsmatricer og de leverandører, der flytter, med de parametre der er årsagen.",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object", required: ["maalgruppe", "scenarier"] } } },
          },
          responses: {
            "200": json({ type: "object" }),
            "413": fejl("For mange leverandører"),
            "422": fejl("Ugyldigt scenarie eller vurderingsgrundlag"),
          },
        }),
      },
      "/scenarier/foelsomhed": {
        post: op("forfatter", {
          summary: "Følsomhed og grænsetilfælde",
          description:
            "Kroppen: `{ maalgruppe, version?, kladde?, scenarie?: { navn, aendringer }, vurderingsgrundlag?: [ … ], sweep?: { taerskel, vaerdier } | { taerskel, fra, til, trin }, graensetilfaelde?: true | [tærskelnavne] }`. `sweep`: antal leverandører pr. niveau for hver værdi af én tærskel (`navn` eller `navn@variant`, højst 200 værdier). `graensetilfaelde`: for hver leverandør de tærskler, hvis ændring ét trin (én borger, ét procentpoint, ét år) flytter dens niveau, med retning og nyt niveau. Uden `vurderingsgrundlag` bruges eksempeldatasættets leverandører i målgruppen.",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object", required: ["maalgruppe"] } } },
          },
          responses: {
            "200": json({ type: "object" }),
            "413": fejl("For mange leverandører"),
            "422": fejl("Ugyldig tærskel, sweep, scenarie eller vurderingsgrundlag"),
          },
        }),
      },
      "/mig": {
        get: op("laeser", {
          summary: "Nøglen, der spørger",
          description: "Navn og rolle for den nøgle, forespørgslen er sendt med.",
          responses: {
            "200": json({ type: "object", properties: { navn: { type: "string" }, rolle: { type: "string" } } }),
          },
        }),
      },
      "/noegler": {
        get: op("admin", {
          summary: "Nøglerne",
          description: "Navn, rolle, oprettet, af hvem, tilbagekaldt. Aldrig hemmeligheden.",
          responses: { "200": json({ type: "object", properties: { noegler: { type: "array" } } }) },
        }),
        post: op("admin", {
          summary: "Opret en nøgle",
          description:
            "Hemmeligheden (`noegle`) returneres én gang og gemmes kun som hash. `organisation` (valgfri) binder nøglen til et socialtilsyn eller Socialstyrelsen; uden organisation ser nøglen alle organisationers data.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["navn", "rolle"],
                  properties: {
                    navn: { type: "string" },
                    rolle: { enum: ["laeser", "tilsyn", "forfatter", "admin"] },
                    organisation: { enum: [...ORGANISATIONER] },
                  },
                },
              },
            },
          },
          responses: {
            "201": json({ type: "object" }, "Oprettet"),
            "409": fejl("Navnet er brugt"),
            "422": fejl("Ugyldigt navn eller rolle"),
          },
        }),
      },
      "/noegler/{navn}": {
        delete: op("admin", {
          summary: "Tilbagekald en nøgle",
          description: "Virker fra næste forespørgsel.",
          parameters: [{ name: "navn", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "204": { description: "Tilbagekaldt" },
            "404": fejl("Findes ikke"),
            "409": fejl("Allerede tilbagekaldt"),
          },
        }),
      },
      "/schema/regelsaet.json": {
        get: op("alle", { summary: "JSON Schema for regelsæt", responses: { "200": json({ type: "object" }) } }),
      },
      "/schema/vurderingsgrundlag.json": {
        get: op("alle", {
          summary: "JSON Schema for vurderingsgrundlag",
          responses: { "200": json({ type: "object" }) },
        }),
      },
      "/docs": {
        get: op("alle", {
          summary: "Denne dokumentation som HTML-side",
          responses: { "200": { description: "HTML" } },
        }),
      },
      "/docs/openapi.json": {
        get: op("alle", { summary: "Dette OpenAPI-dokument", responses: { "200": json({ type: "object" }) } }),
      },
      ...tilbudStier(),
    },
  };
}
