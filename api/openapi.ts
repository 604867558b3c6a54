// The API's OpenAPI 3.1 document, written as data. The JSON Schemas of the two contracts are
// bundled into components (the same definitions ajv validates with, their $defs hoisted), so the
// document stands alone offline; the CSV columns are listed from the same definition the CSV
// reader uses. test/api/openapi.test.ts lints it (Redocly), validates it (swagger-parser) and runs
// generated requests against the server, checking every answer against the document.
import { RegelsaetSchema, VurderingsgrundlagSchema } from "../engine/index.js";
import { csvKolonner } from "./csv.js";
import { fejl, KROP, type Obj, svarForParametre } from "./openapi-faelles.js";
import { ORGANISATION_BESKRIVELSE, tilbudStier } from "./openapi-tilbud.js";
import { ORGANISATIONER } from "./organisation.js";
import { AUDIT_HANDLINGER } from "./store/audit.js";

const ROLLE_TEKST: Record<string, string> = {
  alle: "Alle (ingen nøgle)",
  laeser: "læser eller højere",
  tilsyn: "tilsyn eller højere",
  forfatter: "forfatter eller admin",
  admin: "admin",
};

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

function op(rolle: keyof typeof ROLLE_TEKST, operationId: string, o: Obj & { responses: Obj }): Obj {
  const beskrivelse = typeof o.description === "string" ? `${o.description}\n\n` : "";
  const medKrop = o.requestBody !== undefined ? KROP : {};
  const medParametre = svarForParametre(o);
  return {
    operationId,
    ...o,
    description: `${beskrivelse}**Adgang:** ${ROLLE_TEKST[rolle]}.`,
    "x-rolle": rolle,
    security: rolle === "alle" ? [] : [{ noegle: [] }],
    responses: rolle === "alle" ? o.responses : { ...medParametre, ...medKrop, ...o.responses, ...ADGANG },
  };
}

/**
 * A contract schema as a component: without `$id`/`$schema`, its `$defs` hoisted beside it and
 * every `$ref` pointed into `#/components/schemas` (the regelsæt's test cases refer to the
 * vurderingsgrundlag schema by file name).
 */
function somKomponent(schema: object, defs: Obj): Obj {
  const omskriv = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(omskriv);
    if (x === null || typeof x !== "object") return x;
    const ud: Obj = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === "$ref" && typeof v === "string") {
        ud[k] =
          v === "vurderingsgrundlag.json"
            ? "#/components/schemas/Vurderingsgrundlag"
            : v.replace("#/$defs/", "#/components/schemas/");
      } else ud[k] = omskriv(v);
    }
    return ud;
  };
  const { $id: _id, $schema: _schema, $defs, ...rest } = JSON.parse(JSON.stringify(schema)) as Obj;
  for (const [navn, d] of Object.entries(($defs as Obj | undefined) ?? {})) defs[navn] = omskriv(d);
  return omskriv(rest) as Obj;
}

const lukket = (properties: Obj, required: string[] = []): Obj => ({
  type: "object",
  additionalProperties: false,
  ...(required.length > 0 ? { required } : {}),
  properties,
});

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
  const defs: Obj = {};
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
          required: ["fejl", "kode", "detaljer"],
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
        Regelsaet: somKomponent(RegelsaetSchema, defs),
        Vurderingsgrundlag: somKomponent(VurderingsgrundlagSchema, defs),
        ...defs,
        AuditPost: lukket(
          {
            id: { type: "integer" },
            tidspunkt: { type: "string", format: "date-time" },
            noegle: { type: "string", description: "Navnet på nøglen, der foretog ændringen." },
            handling: { enum: [...AUDIT_HANDLINGER] },
            maalgruppe: { type: ["string", "null"] },
            version: { type: ["integer", "null"] },
            detaljer: { type: "object" },
          },
          ["id", "tidspunkt", "noegle", "handling", "maalgruppe", "version", "detaljer"],
        ),
        Indplacering: {
          type: "object",
          description:
            "Resultatet (DOMAIN.md §4): `niveau`, `maalgruppe`, `leverandoer`, `regelsaet` {maalgruppe, version, hash, kladde}, `politik`, `parametre` med `begrundelse` og `manglendeOplysninger`, `manglendeOplysninger`, `naesteNiveau`.",
          properties: {
            id: { type: "string", format: "uuid", description: "Id, som afgørelsen er gemt under." },
            niveau: { enum: ["ikke-indplaceret", "let", "moderat", "hoej"] },
            leverandoer: { type: "object" },
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
        Scenarie: lukket(
          {
            navn: { type: "string", minLength: 1, maxLength: 200 },
            beskrivelse: { type: "string" },
            aendringer: lukket({
              taerskler: { type: "object" },
              vaegte: { type: "object" },
              aktive: { type: "object" },
              indplacering: { type: "object" },
            }),
          },
          ["navn"],
        ),
        Problem: {
          type: "object",
          properties: { path: { type: "string" }, pointer: { type: "string" }, message: { type: "string" } },
        },
      },
    },
    paths: {
      "/health": {
        get: op("alle", "hentHealth", {
          summary: "Liveness og database",
          description: "Svarer 200 når databasen svarer, 503 når den ikke gør, eller serveren er ved at lukke.",
          responses: { "200": json({ type: "object" }), "503": json({ type: "object" }, "Databasen svarer ikke") },
        }),
      },
      "/maalgrupper": {
        get: op("laeser", "listMaalgrupper", {
          summary: "Målgrupperne",
          description: "Hver målgruppe med seneste publicerede version (eller null) og om der findes en kladde.",
          responses: { "200": json({ type: "object", properties: { maalgrupper: { type: "array" } } }) },
        }),
      },
      "/regelsaet/{maalgruppe}": {
        get: op("laeser", "hentRegelsaet", {
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
        get: op("laeser", "listVersioner", {
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
        get: op("laeser", "diffVersioner", {
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
        get: op("forfatter", "hentKladde", {
          summary: "Kladden",
          description: "Kladden præcis som gemt, med `ETag` til `If-Match`.",
          parameters: [MAALGRUPPE],
          responses: { "200": json(ref("Regelsaet")), "404": fejl("Ingen kladde") },
        }),
        put: op("forfatter", "gemKladde", {
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
            "201": json({ type: "object" }, "Oprettet"),
            "400": fejl("Ugyldig JSON"),
            "412": fejl("Kladden er ændret siden din ETag"),
            "413": fejl("For stor"),
            "422": fejl("Ugyldigt regelsæt"),
            "428": fejl("If-Match mangler"),
          },
        }),
        delete: op("forfatter", "sletKladde", {
          summary: "Kassér kladden",
          parameters: [MAALGRUPPE, { name: "If-Match", in: "header", schema: { type: "string" } }],
          responses: {
            "204": { description: "Slettet" },
            "404": fejl("Ingen kladde"),
            "412": fejl("Forældet If-Match"),
            "428": fejl("If-Match mangler"),
          },
        }),
      },
      "/regelsaet/{maalgruppe}/publicer": {
        post: op("forfatter", "publicerKladde", {
          summary: "Publicér kladden som næste version",
          description:
            "Kladdens testtilfælde skal bestå; ellers 422, og `detaljer` nævner hvert fejlende tilfælde. `If-Match` (valgfri) sikrer, at det er den kladde, du har set.",
          parameters: [MAALGRUPPE, { name: "If-Match", in: "header", schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: lukket({ note: { type: "string", minLength: 1, maxLength: 2000 } }, ["note"]),
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
        post: op("tilsyn", "indplacer", {
          summary: "Indplacér én leverandør",
          description:
            "Med seneste publicerede version af målgruppens regelsæt, en ældre (`version`) eller kladden (`kladde: true`, kun forfatter). Afgørelsen gemmes og får et `id`.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: lukket(
                  {
                    vurderingsgrundlag: ref("Vurderingsgrundlag"),
                    version: { type: "integer", minimum: 1, maximum: 999_999_999 },
                    kladde: { type: "boolean" },
                  },
                  ["vurderingsgrundlag"],
                ),
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
        post: op("tilsyn", "indplacerBatch", {
          summary: "Indplacér mange leverandører",
          description: `JSON \`{ "vurderingsgrundlag": [ … ], "version"?: N, "kladde"?: true }\` eller CSV. Svaret er \`{ "antal": {ialt, indplaceret, fejl}, "resultater": [ … ] }\` i samme rækkefølge som input. Kørslen streames: over 1.000 elementer kommer svaret som \`{ "resultater": [ … ], "antal": { … } }\`, og en fejl, der først opdages undervejs (brudt JSON/CSV, for mange elementer), afslutter svaret med \`"afbrudt": { fejl, kode, detaljer }\` før \`antal\` (status 200; de viste afgørelser er gemt). Ved JSON over 1.000 elementer skal \`version\` og \`kladde\` stå før \`vurderingsgrundlag\`. Et ugyldigt element afviser ikke hele kørslen: dets plads i \`resultater\` er \`{ "index", "fejl", "kode", "detaljer" }\` med stier som \`vurderingsgrundlag[3].borgere.let\` (i CSV er element 0 linje 2). Gyldige elementer gemmes hver for sig med et \`id\`. Målgrupperne må blandes; \`version\` gælder hvert elements målgruppe.\n\n${csvBeskrivelse()}`,
          parameters: [
            { name: "version", in: "query", schema: { type: "integer" }, description: "Kun for CSV." },
            { name: "kladde", in: "query", schema: { type: "boolean" }, description: "Kun for CSV; kun forfatter." },
            {
              name: "proev",
              in: "query",
              schema: { type: "boolean" },
              description:
                "Prøvekørsel: alt læses og vurderes som ellers, men intet gemmes; hvert element svarer kun `{ niveau, leverandoer, manglendeOplysninger, regelsaet }` (uden `id`) eller sin fejl.",
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: lukket(
                  {
                    vurderingsgrundlag: { type: "array", items: ref("Vurderingsgrundlag") },
                    version: { type: "integer", minimum: 1, maximum: 999_999_999 },
                    kladde: { type: "boolean" },
                  },
                  ["vurderingsgrundlag"],
                ),
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
      "/indplacering/batch/kolonner": {
        get: op("tilsyn", "hentBatchKolonner", {
          summary: "CSV-kolonnerne",
          description:
            "Kolonnerne i CSV-kontrakten, afledt af vurderingsgrundlagets schema: `{ kolonner: [ { navn, type, beskrivelse, vaerdier? } ] }`.",
          responses: { "200": json({ type: "object" }) },
        }),
      },
      "/indplacering/{id}": {
        get: op("tilsyn", "hentIndplacering", {
          summary: "En gemt afgørelse",
          description:
            "Input, resultat, regelsættets version og hash, nøglens navn og tidspunkt. En kompakt gemt afgørelse genskabes med den gemte version og efterprøves mod den gemte SHA-256 og de gemte niveauer. `?genberegn=true` beregner den igen med samme version og svarer `identisk: true/false` (sammenligning af kanonisk JSON).",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "genberegn", in: "query", schema: { type: "boolean" } },
          ],
          responses: {
            "200": json({ type: "object" }),
            "404": fejl("Findes ikke"),
            "500": fejl("AFGOERELSE_KAN_IKKE_GENSKABES: den gemte afgørelse giver ikke samme resultat igen"),
          },
        }),
      },
      "/scenarier/sammenlign": {
        post: op("forfatter", "sammenlignScenarier", {
          summary: "Sammenlign scenarier",
          description:
            "Kroppen: `{ maalgruppe, scenarier: [ { navn, beskrivelse?, aendringer?: { taerskler?, vaegte?, aktive?, indplacering? } } ], vurderingsgrundlag?: [ … ], version?, kladde? }`. Uden `vurderingsgrundlag` bruges eksempeldatasættets leverandører i målgruppen. Svaret: fordeling pr. scenarie, overgangsmatricer og de leverandører, der flytter, med de parametre der er årsagen.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: lukket(
                  {
                    maalgruppe: { type: "string", pattern: "^[a-z][a-z0-9-]{0,99}$" },
                    scenarier: { type: "array", minItems: 1, maxItems: 20, items: ref("Scenarie") },
                    vurderingsgrundlag: { type: "array", items: {} },
                    version: { type: "integer", minimum: 1, maximum: 999_999_999 },
                    kladde: { type: "boolean" },
                  },
                  ["maalgruppe", "scenarier"],
                ),
              },
            },
          },
          responses: {
            "200": json({ type: "object" }),
            "413": fejl("For mange leverandører"),
            "422": fejl("Ugyldigt scenarie eller vurderingsgrundlag"),
          },
        }),
      },
      "/scenarier/foelsomhed": {
        post: op("forfatter", "foelsomhed", {
          summary: "Følsomhed og grænsetilfælde",
          description:
            "Kroppen: `{ maalgruppe, version?, kladde?, scenarie?: { navn, aendringer }, vurderingsgrundlag?: [ … ], sweep?: { taerskel, vaerdier } | { taerskel, fra, til, trin }, graensetilfaelde?: true | [tærskelnavne] }`. `sweep`: antal leverandører pr. niveau for hver værdi af én tærskel (`navn` eller `navn@variant`, højst 200 værdier). `graensetilfaelde`: for hver leverandør de tærskler, hvis ændring ét trin (én borger, ét procentpoint, ét år) flytter dens niveau, med retning og nyt niveau. Uden `vurderingsgrundlag` bruges eksempeldatasættets leverandører i målgruppen.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: lukket(
                  {
                    maalgruppe: { type: "string", pattern: "^[a-z][a-z0-9-]{0,99}$" },
                    scenarie: ref("Scenarie"),
                    vurderingsgrundlag: { type: "array", items: {} },
                    version: { type: "integer", minimum: 1, maximum: 999_999_999 },
                    kladde: { type: "boolean" },
                    sweep: { type: "object" },
                    graensetilfaelde: { oneOf: [{ type: "boolean" }, { type: "array", items: { type: "string" } }] },
                  },
                  ["maalgruppe"],
                ),
              },
            },
          },
          responses: {
            "200": json({ type: "object" }),
            "413": fejl("For mange leverandører"),
            "422": fejl("Ugyldig tærskel, sweep, scenarie eller vurderingsgrundlag"),
          },
        }),
      },
      "/regelsaet/{maalgruppe}/scenarier": {
        get: op("laeser", "listGemteScenarier", {
          summary: "Gemte scenarier for en målgruppe",
          description:
            "Svaret: `{ maalgruppe, scenarier: [ { id, navn, beskrivelse?, aendringer, forfatter, oprettet, opdateret } ] }`. `?format=csv` (eller `Accept: text/csv`) giver en CSV-fil (`;`, UTF-8 med BOM) med én linje pr. ændring: `scenarie;beskrivelse;forfatter;gemt;aendring;navn;vaerdi`; celler, der begynder med `= + - @`, får en foranstillet `'`.",
          parameters: [
            { name: "maalgruppe", in: "path", required: true, schema: { type: "string" } },
            { name: "format", in: "query", schema: { enum: ["json", "csv"] } },
          ],
          responses: { "200": json({ type: "object" }), "400": fejl("Ukendt format") },
        }),
        post: op("forfatter", "gemScenarie", {
          summary: "Gem et scenarie",
          description:
            "Kroppen: `{ navn, beskrivelse?, aendringer?: { taerskler?, vaegte?, aktive?, indplacering? } }` (som et scenarie i `/scenarier/sammenlign`). Forfatteren er nøglens navn. Navnet er entydigt i målgruppen.",
          parameters: [{ name: "maalgruppe", in: "path", required: true, schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object", required: ["navn"] } } },
          },
          responses: {
            "201": json({ type: "object" }, "Gemt"),
            "409": fejl("Navnet findes allerede i målgruppen"),
            "422": fejl("Ugyldigt scenarie"),
          },
        }),
      },
      "/regelsaet/{maalgruppe}/scenarier/{id}": {
        get: op("laeser", "hentGemtScenarie", {
          summary: "Et gemt scenarie",
          description: "`?format=csv` giver scenariet som CSV som listen.",
          parameters: [
            { name: "maalgruppe", in: "path", required: true, schema: { type: "string" } },
            { name: "id", in: "path", required: true, schema: { type: "integer" } },
            { name: "format", in: "query", schema: { enum: ["json", "csv"] } },
          ],
          responses: { "200": json({ type: "object" }), "404": fejl("Findes ikke") },
        }),
        put: op("forfatter", "erstatGemtScenarie", {
          summary: "Erstat et gemt scenarie",
          description: "Kroppen som ved oprettelse; forfatter og `opdateret` sættes på ny.",
          parameters: [
            { name: "maalgruppe", in: "path", required: true, schema: { type: "string" } },
            { name: "id", in: "path", required: true, schema: { type: "integer" } },
          ],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object", required: ["navn"] } } },
          },
          responses: {
            "200": json({ type: "object" }),
            "404": fejl("Findes ikke"),
            "409": fejl("Navnet findes allerede i målgruppen"),
            "422": fejl("Ugyldigt scenarie"),
          },
        }),
        delete: op("forfatter", "sletGemtScenarie", {
          summary: "Slet et gemt scenarie",
          parameters: [
            { name: "maalgruppe", in: "path", required: true, schema: { type: "string" } },
            { name: "id", in: "path", required: true, schema: { type: "integer" } },
          ],
          responses: { "204": { description: "Slettet" }, "404": fejl("Findes ikke") },
        }),
      },
      "/mig": {
        get: op("laeser", "hentMig", {
          summary: "Nøglen, der spørger",
          description: "Navn og rolle for den nøgle, forespørgslen er sendt med.",
          responses: {
            "200": json({ type: "object", properties: { navn: { type: "string" }, rolle: { type: "string" } } }),
          },
        }),
      },
      "/noegler": {
        get: op("admin", "listNoegler", {
          summary: "Nøglerne",
          description: "Navn, rolle, oprettet, af hvem, tilbagekaldt. Aldrig hemmeligheden.",
          responses: { "200": json({ type: "object", properties: { noegler: { type: "array" } } }) },
        }),
        post: op("admin", "opretNoegle", {
          summary: "Opret en nøgle",
          description:
            "Hemmeligheden (`noegle`) returneres én gang og gemmes kun som hash. `organisation` (valgfri) binder nøglen til et socialtilsyn eller Socialstyrelsen; uden organisation ser nøglen alle organisationers data.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: lukket(
                  {
                    navn: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" },
                    rolle: { enum: ["laeser", "tilsyn", "forfatter", "admin"] },
                    organisation: { enum: [...ORGANISATIONER] },
                  },
                  ["navn", "rolle"],
                ),
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
        delete: op("admin", "tilbagekaldNoegle", {
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
      "/audit": {
        get: op("admin", "listAudit", {
          summary: "Auditloggen",
          description:
            "Hver ændring (kladde gemt/slettet, publiceret, indlæst, nøgle oprettet/tilbagekaldt/fornyet) med tidspunkt og nøglens navn, nyeste først. Filtrene kombineres. Bladr med `foer`: sæt den til `naeste` fra forrige side; `naeste` er null på sidste side.",
          parameters: [
            {
              name: "fra",
              in: "query",
              schema: { type: "string", format: "date-time" },
              description: "Fra og med dette tidspunkt (ISO 8601).",
            },
            {
              name: "til",
              in: "query",
              schema: { type: "string", format: "date-time" },
              description: "Før dette tidspunkt.",
            },
            {
              name: "noegle",
              in: "query",
              schema: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" },
              description: "Nøglens navn.",
            },
            { name: "maalgruppe", in: "query", schema: { type: "string", pattern: "^[a-z][a-z0-9-]{0,99}$" } },
            { name: "handling", in: "query", schema: { enum: [...AUDIT_HANDLINGER] } },
            {
              name: "foer",
              in: "query",
              schema: { type: "integer", minimum: 1 },
              description: "Markør: kun poster med mindre id.",
            },
            { name: "graense", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
          ],
          responses: {
            "200": json(
              lukket({ poster: { type: "array", items: ref("AuditPost") }, naeste: { type: ["integer", "null"] } }, [
                "poster",
                "naeste",
              ]),
            ),
          },
        }),
      },
      "/schema/regelsaet.json": {
        get: op("alle", "hentRegelsaetSkema", {
          summary: "JSON Schema for regelsæt",
          responses: {
            "200": { description: "OK", content: { "application/schema+json": { schema: { type: "object" } } } },
          },
        }),
      },
      "/schema/vurderingsgrundlag.json": {
        get: op("alle", "hentVurderingsgrundlagSkema", {
          summary: "JSON Schema for vurderingsgrundlag",
          responses: {
            "200": { description: "OK", content: { "application/schema+json": { schema: { type: "object" } } } },
          },
        }),
      },
      "/docs": {
        get: op("alle", "hentDocs", {
          summary: "Denne dokumentation som HTML-side",
          responses: { "200": { description: "HTML", content: { "text/html": { schema: { type: "string" } } } } },
        }),
      },
      "/docs/openapi.json": {
        get: op("alle", "hentOpenapi", {
          summary: "Dette OpenAPI-dokument",
          responses: { "200": json({ type: "object" }) },
        }),
      },
      ...tilbudStier(),
    },
  };
}
