// The Express application, without listening: main.ts starts it, the tests drive it with
// supertest. Security headers, request ids and logs, compression, body limits, the /api/v1
// routes, the editor's built files with their cache rules, and one error handler at the end.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import express, { type Express, type Request } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { type Beregner, beregnerFor } from "./beregning/klient.js";
import type { Database } from "./db/database.js";
import type { Kontekst } from "./kontekst.js";
import { type AdgangValg, lavAdgang } from "./middleware/adgang.js";
import { cors } from "./middleware/cors.js";
import { fejlhaandtering, ukendtSti } from "./middleware/fejlhaandtering.js";
import { logning } from "./middleware/logning.js";
import { tjekKrop } from "./middleware/tjek-krop.js";
import { RegelsaetCache } from "./motor.js";
import { afgoerelseRoutes } from "./routes/afgoerelser.js";
import { auditRoutes } from "./routes/audit.js";
import { batchRoutes, indplaceringRoutes } from "./routes/indplacering.js";
import { kladdeRoutes } from "./routes/kladde.js";
import { konsekvensRoutes } from "./routes/konsekvens.js";
import { noegleRoutes } from "./routes/noegler.js";
import { offentligeRoutes } from "./routes/offentlige.js";
import { regelsaetRoutes } from "./routes/regelsaet.js";
import { scenarieRoutes } from "./routes/scenarier.js";
import { tilbudRoutes } from "./routes/tilbud.js";

/**
 * The repository: the nearest folder above this module with a package.json. The same from the
 * sources (`api/app.ts`, run by tsx in development and tests) and from the build
 * (`dist/server/api/app.js`, run by `npm start`).
 */
export const ROD = findRod(dirname(fileURLToPath(import.meta.url)));

function findRod(fra: string): string {
  for (let mappe = fra; ; mappe = dirname(mappe)) {
    if (existsSync(join(mappe, "package.json"))) return mappe;
    if (dirname(mappe) === mappe) throw new Error(`App: no package.json above ${fra}`);
  }
}

/** Vite's hashed output: a new build gets new names, so a browser may keep these for good. */
const HASHED = "/assets/";

/**
 * Text answers are compressed (brotli when the client takes it, else gzip). Not the streamed
 * batch indplacering: it is written at the pace the client reads, and its memory and pacing are
 * measured without a compressor buffering in between (a client may still compress its upload).
 */
function komprimer(req: Request, res: Parameters<typeof compression.filter>[1]): boolean {
  if (req.method === "POST" && req.path === "/api/v1/indplacering/batch") return false;
  return compression.filter(req, res);
}

export interface AppValg {
  db: Database;
  logger: Logger;
  /** Pilot regelsæt and example data; default `<repo>/rulesets`. */
  rulesetsDir?: string;
  /** The editor's built files; default `<repo>/dist/editor` when it exists, null for none. */
  editorDist?: string | null;
  /** Largest request body, e.g. "5mb". */
  bodyLimit?: string;
  /** Most providers in one batch or comparison. */
  maxBatch?: number;
  /** Most providers in one batch indplacering (streamed); default 100,000. */
  maxBatchStream?: number;
  /** Largest batch indplacering body in bytes; default 500 MB. */
  batchBodyLimit?: number;
  /** Rate limit on failed authentication per client address. */
  authFejl?: AdgangValg;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: string[];
  /** Express "trust proxy" setting, for the client address behind a reverse proxy. */
  trustProxy?: boolean | number | string;
  tilstand?: { lukker: boolean };
  cache?: RegelsaetCache;
  /** Where a single decision is evaluated; by default as `beregnerFor` chooses (api/beregning/klient.ts). */
  beregner?: Beregner;
}

/** The route whose INSERT re-checks the key, so its key may come from memory (api/store/noegler.ts). */
export function bekraeftesVedGem(req: Request): boolean {
  return req.method === "POST" && req.path === "/indplacering";
}

/** The routes anyone may call without a key (health, the JSON Schemas, the documentation). */
export function erOffentlig(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  return req.path === "/health" || req.path.startsWith("/schema/") || /^\/docs(\/|\/openapi\.json)?$/.test(req.path);
}

export function createApp(valg: AppValg): Express {
  const adgang = lavAdgang(valg.db, valg.authFejl ?? { graense: 20, vindueMs: 15 * 60_000 });
  const ctx: Kontekst = {
    db: valg.db,
    log: valg.logger,
    cache: valg.cache ?? new RegelsaetCache(),
    beregner: valg.beregner ?? beregnerFor(valg.db.slags === "pglite" ? 1 : 0),
    rulesetsDir: valg.rulesetsDir ?? join(ROD, "rulesets"),
    maxBatch: valg.maxBatch ?? 10_000,
    maxBatchStream: valg.maxBatchStream ?? 100_000,
    batchBodyLimit: valg.batchBodyLimit ?? 500 * 1024 * 1024,
    tilstand: valg.tilstand ?? { lukker: false },
    kraev: adgang.kraev,
  };
  const bodyLimit = valg.bodyLimit ?? "5mb";
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("trust proxy", valg.trustProxy ?? false);
  app.set("query parser", "simple");

  app.use(logning(valg.logger));
  app.use(compression({ filter: komprimer }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "font-src": ["'self'", "data:"],
          // Monaco runs its language services in workers.
          "worker-src": ["'self'", "blob:"],
          "connect-src": ["'self'"],
          "frame-ancestors": ["'none'"],
          "upgrade-insecure-requests": null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(cors(valg.corsOrigins ?? []));

  const api = express.Router();
  api.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  // The key before the body: an unknown caller is answered 401 without a byte of its body read.
  api.use(adgang.autentificer(erOffentlig, bekraeftesVedGem));
  // The batch route reads its own body as a stream (its own limits), so it comes before the parsers.
  api.use(batchRoutes(ctx));
  api.use(express.json({ limit: bodyLimit, type: ["application/json", "application/*+json"] }));
  api.use(express.text({ limit: bodyLimit, type: ["text/csv", "application/csv"] }));
  api.use(tjekKrop(64));
  api.use(offentligeRoutes(ctx));
  api.use(regelsaetRoutes(ctx));
  api.use(kladdeRoutes(ctx));
  api.use(indplaceringRoutes(ctx));
  api.use(scenarieRoutes(ctx));
  api.use(noegleRoutes(ctx));
  api.use(auditRoutes(ctx));
  api.use(tilbudRoutes(ctx));
  api.use(afgoerelseRoutes(ctx));
  api.use(konsekvensRoutes(ctx));
  api.use(ukendtSti);
  app.use("/api/v1", api);
  app.use("/api", ukendtSti);

  const dist = valg.editorDist === undefined ? join(ROD, "dist", "editor") : valg.editorDist;
  if (dist && existsSync(join(dist, "index.html"))) {
    const index = resolve(dist, "index.html");
    app.use(
      express.static(dist, {
        index: "index.html",
        fallthrough: true,
        // Hashed assets for a year; everything else (index.html names the current hashes) is
        // revalidated on every use, by its ETag / Last-Modified.
        setHeaders(res, sti) {
          const fil = sti.slice(resolve(dist).length).replaceAll("\\", "/");
          res.setHeader("Cache-Control", fil.startsWith(HASHED) ? "public, max-age=31536000, immutable" : "no-cache");
        },
      }),
    );
    // Single-page app: any other GET that wants HTML gets index.html; the editor routes itself.
    // Not under /assets/: a missing script or style must be a 404, not index.html with 200
    // (browsers ask for scripts with Accept: */*, which "accepts" HTML).
    app.use((req, res, next) => {
      if ((req.method === "GET" || req.method === "HEAD") && !req.path.startsWith("/assets/") && req.accepts("html"))
        res.sendFile(index, { headers: { "Cache-Control": "no-cache" } });
      else next();
    });
  } else {
    app.get("/", (_req, res) => {
      res
        .type("html")
        .send(
          '<!doctype html><html lang="da"><meta charset="utf-8"><title>Specialiseringsmodellen</title>' +
            '<p>API: <a href="/api/v1/docs">/api/v1/docs</a>. Editoren er ikke bygget (dist/editor mangler: npm run build).</p></html>',
        );
    });
  }
  app.use(ukendtSti);
  app.use(fejlhaandtering);
  return app;
}
