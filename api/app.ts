// The Express application, without listening: main.ts starts it, the tests drive it with
// supertest. Security headers, request ids and logs, body limits, the /api/v1 routes, the
// editor's built files, and one error handler at the end.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import type { Database } from "./db/database.js";
import type { Kontekst } from "./kontekst.js";
import { type AdgangValg, lavAdgang } from "./middleware/adgang.js";
import { cors } from "./middleware/cors.js";
import { fejlhaandtering, ukendtSti } from "./middleware/fejlhaandtering.js";
import { logning } from "./middleware/logning.js";
import { tjekKrop } from "./middleware/tjek-krop.js";
import { RegelsaetCache } from "./motor.js";
import { afgoerelseRoutes } from "./routes/afgoerelser.js";
import { batchRoutes, indplaceringRoutes } from "./routes/indplacering.js";
import { kladdeRoutes } from "./routes/kladde.js";
import { konsekvensRoutes } from "./routes/konsekvens.js";
import { noegleRoutes } from "./routes/noegler.js";
import { offentligeRoutes } from "./routes/offentlige.js";
import { regelsaetRoutes } from "./routes/regelsaet.js";
import { scenarieRoutes } from "./routes/scenarier.js";
import { tilbudRoutes } from "./routes/tilbud.js";

export const ROD = fileURLToPath(new URL("..", import.meta.url));

export interface AppValg {
  db: Database;
  logger: Logger;
  /** Pilot regelsæt and example data; default `<repo>/rulesets`. */
  rulesetsDir?: string;
  /** The editor's built files; default `<repo>/editor/dist` when it exists, null for none. */
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
}

export function createApp(valg: AppValg): Express {
  const ctx: Kontekst = {
    db: valg.db,
    log: valg.logger,
    cache: valg.cache ?? new RegelsaetCache(),
    rulesetsDir: valg.rulesetsDir ?? join(ROD, "rulesets"),
    maxBatch: valg.maxBatch ?? 10_000,
    maxBatchStream: valg.maxBatchStream ?? 100_000,
    batchBodyLimit: valg.batchBodyLimit ?? 500 * 1024 * 1024,
    tilstand: valg.tilstand ?? { lukker: false },
    kraev: lavAdgang(valg.db, valg.authFejl ?? { graense: 20, vindueMs: 15 * 60_000 }),
  };
  const bodyLimit = valg.bodyLimit ?? "5mb";
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("trust proxy", valg.trustProxy ?? false);
  app.set("query parser", "simple");

  app.use(logning(valg.logger));
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
  api.use(tilbudRoutes(ctx));
  api.use(afgoerelseRoutes(ctx));
  api.use(konsekvensRoutes(ctx));
  api.use(ukendtSti);
  app.use("/api/v1", api);
  app.use("/api", ukendtSti);

  const dist = valg.editorDist === undefined ? join(ROD, "editor", "dist") : valg.editorDist;
  if (dist && existsSync(join(dist, "index.html"))) {
    const index = resolve(dist, "index.html");
    app.use(express.static(dist, { index: "index.html", fallthrough: true }));
    // Single-page app: any other GET that wants HTML gets index.html; the editor routes itself.
    // Not under /assets/: a missing script or style must be a 404, not index.html with 200
    // (browsers ask for scripts with Accept: */*, which "accepts" HTML).
    app.use((req, res, next) => {
      if ((req.method === "GET" || req.method === "HEAD") && !req.path.startsWith("/assets/") && req.accepts("html"))
        res.sendFile(index);
      else next();
    });
  } else {
    app.get("/", (_req, res) => {
      res
        .type("html")
        .send(
          '<!doctype html><html lang="da"><meta charset="utf-8"><title>Specialiseringsmodellen</title>' +
            '<p>API: <a href="/api/v1/docs">/api/v1/docs</a>. Editoren er ikke bygget (editor/dist mangler).</p></html>',
        );
    });
  }
  app.use(ukendtSti);
  app.use(fejlhaandtering);
  return app;
}
