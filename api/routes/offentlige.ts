// Routes anyone may call: health (with database reachability), the JSON Schemas and the API
// documentation (OpenAPI document and a readable page generated from it).
import { Router } from "express";
import { RegelsaetSchema, VurderingsgrundlagSchema } from "../../engine/index.js";
import { docsSide } from "../docs-side.js";
import type { Kontekst } from "../kontekst.js";
import { openapi } from "../openapi.js";

const DB_TIDSGRAENSE_MS = 2000;

export function offentligeRoutes(ctx: Kontekst): Router {
  const r = Router();
  // The same text as `npm run schema` writes to rulesets/schema/; the regelsæt schema's $ref to
  // "vurderingsgrundlag.json" resolves beside this URL.
  const tekst = (s: object) =>
    `${JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", ...s }, null, 2)}\n`;
  const skemaer = {
    "regelsaet.json": tekst(RegelsaetSchema),
    "vurderingsgrundlag.json": tekst(VurderingsgrundlagSchema),
  };
  const dokument = openapi();
  const side = docsSide(dokument);

  r.get("/health", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    if (ctx.tilstand.lukker) {
      res.status(503).json({ status: "lukker", database: { slags: ctx.db.slags, ok: null } });
      return;
    }
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const svar = await Promise.race([
        ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM skema_migreringer"),
        new Promise<never>((_, afvis) => {
          timer = setTimeout(() => afvis(new Error("timeout")), DB_TIDSGRAENSE_MS);
        }),
      ]);
      res.json({
        status: "ok",
        database: {
          slags: ctx.db.slags,
          ok: true,
          svartidMs: Math.round((performance.now() - start) * 10) / 10,
          migreringer: svar.rows[0]?.n ?? 0,
        },
        oppetidSekunder: Math.round(process.uptime()),
      });
    } catch (err) {
      ctx.log.warn({ err }, "Databasen svarer ikke");
      res.status(503).json({ status: "fejl", database: { slags: ctx.db.slags, ok: false } });
    } finally {
      clearTimeout(timer);
    }
  });

  for (const [navn, tekst] of Object.entries(skemaer)) {
    r.get(`/schema/${navn}`, (_req, res) => {
      res.type("application/schema+json").set("Cache-Control", "no-cache").send(tekst);
    });
  }

  r.get("/docs/openapi.json", (_req, res) => {
    res.json(dokument);
  });
  r.get(["/docs", "/docs/"], (_req, res) => {
    res.type("html").send(side);
  });

  return r;
}
