// Indplacering for socialtilsyn: one provider, a batch (JSON or CSV), and a stored decision —
// optionally recomputed with the regelsæt version it names.
import { Router } from "express";
import { batchIndplacering, kladdeFelt, valgFra } from "../batch-stroem.js";
import { csvKolonner } from "../csv.js";
import { tjekAdgangTilIndplacering, udenPersonale } from "../ejerskab.js";
import { kunFelter, objektKrop, sandhedParam, versionsnummer } from "../forespoergsel.js";
import { detalje, HttpError } from "../http-error.js";
import { afgoerelsensResultat, genberegn, indplacerEn } from "../indplacering.js";
import type { Kontekst } from "../kontekst.js";
import { kraevRolle, noegleFor } from "../middleware/adgang.js";
import { hentIndplacering } from "../store/indplaceringer.js";

/** The batch route reads its body itself, as a stream; it is mounted before the body parsers. */
export function batchRoutes(ctx: Kontekst): Router {
  const r = Router();
  r.post("/indplacering/batch", ctx.kraev("tilsyn"), (req, res) => batchIndplacering(ctx, req, res));
  return r;
}

export function indplaceringRoutes(ctx: Kontekst): Router {
  const r = Router();

  r.post("/indplacering", ctx.kraev("tilsyn"), async (req, res) => {
    const krop = objektKrop(req);
    kunFelter(krop, ["vurderingsgrundlag", "version", "kladde"]);
    const valg = valgFra(versionsnummer(krop.version, "version", "krop"), kladdeFelt(krop.kladde));
    if (valg.kladde) kraevRolle(res, "forfatter", "Indplacering med kladden");
    if (krop.vurderingsgrundlag === undefined) {
      throw new HttpError(422, "UGYLDIGT_INDHOLD", "Feltet 'vurderingsgrundlag' mangler.", [
        detalje(["vurderingsgrundlag"], "Mangler."),
      ]);
    }
    const { id, json } = await indplacerEn(
      ctx.db,
      ctx.cache,
      krop.vurderingsgrundlag,
      valg,
      noegleFor(res),
      ctx.beregner,
    );
    res.status(201).location(`/api/v1/indplacering/${id}`).type("json").send(json);
  });

  // The CSV contract's columns (derived from the schema), for the page's template and column guide.
  r.get("/indplacering/batch/kolonner", ctx.kraev("tilsyn"), (_req, res) => {
    res.json({ kolonner: csvKolonner() });
  });

  r.get("/indplacering/:id", ctx.kraev("tilsyn"), async (req, res) => {
    const genberegnes = sandhedParam(req.query.genberegn, "genberegn");
    const lagret = await hentIndplacering(ctx.db, String(req.params.id));
    if (!lagret) throw new HttpError(404, "IKKE_FUNDET", "Der er ingen indplacering med det id.");
    // Another socialtilsyn's decision is not found; Socialstyrelsen reads it without staff detail.
    const { egne } = await tjekAdgangTilIndplacering(ctx.db, noegleFor(res), lagret.id, lagret.noegle);
    const resultat = await afgoerelsensResultat(ctx.db, ctx.cache, lagret, req.log, String(req.id));
    const svar: Record<string, unknown> = {
      id: lagret.id,
      oprettet: lagret.oprettet,
      noegle: lagret.noegle,
      regelsaet: { maalgruppe: lagret.maalgruppe, version: lagret.version, hash: lagret.hash, kladde: lagret.kladde },
      vurderingsgrundlag: egne ? lagret.vurderingsgrundlag : udenPersonale(lagret.vurderingsgrundlag),
      indplacering: resultat,
    };
    if (genberegnes) {
      const g = await genberegn(ctx.db, ctx.cache, lagret, resultat);
      svar.genberegning = g.identisk ? { identisk: true } : { identisk: false, indplacering: g.indplacering };
      svar.identisk = g.identisk;
    }
    res.json(svar);
  });

  return r;
}
