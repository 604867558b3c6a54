// Indplacering for socialtilsyn: one provider, a batch (JSON or CSV), and a stored decision —
// optionally recomputed with the regelsæt version it names.
import { Router } from "express";
import { laesCsv } from "../csv.js";
import { kunFelter, objektKrop, sandhedParam, versionsnummer } from "../forespoergsel.js";
import { detalje, HttpError } from "../http-error.js";
import { genberegn, indplacerEn, indplacerMange, type Valg } from "../indplacering.js";
import type { Kontekst } from "../kontekst.js";
import { kraevRolle, noegleFor } from "../middleware/adgang.js";
import { hentIndplacering } from "../store/indplaceringer.js";

function kladdeFelt(v: unknown): boolean {
  if (v === undefined || v === false) return false;
  if (v === true) return true;
  throw new HttpError(422, "UGYLDIGT_INDHOLD", "Ugyldigt felt.", [detalje(["kladde"], "Skal være true eller false.")]);
}

function valgFra(version: number | undefined, kladde: boolean): Valg {
  if (kladde && version !== undefined) {
    throw new HttpError(422, "UGYLDIGT_INDHOLD", "Angiv enten version eller kladde, ikke begge.", [
      detalje(["kladde"], "Kan ikke kombineres med version."),
    ]);
  }
  return version === undefined ? { kladde } : { version, kladde };
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
    const resultat = await indplacerEn(ctx.db, ctx.cache, krop.vurderingsgrundlag, valg, noegleFor(res).navn);
    res.status(201).location(`/api/v1/indplacering/${resultat.id}`).json(resultat);
  });

  r.post("/indplacering/batch", ctx.kraev("tilsyn"), async (req, res) => {
    let liste: unknown[];
    let valg: Valg;
    if (typeof req.body === "string" && req.is(["text/csv", "application/csv"])) {
      valg = valgFra(versionsnummer(req.query.version, "version"), sandhedParam(req.query.kladde, "kladde"));
      liste = laesCsv(req.body, ctx.maxBatch);
    } else {
      const krop = objektKrop(req);
      kunFelter(krop, ["vurderingsgrundlag", "version", "kladde"]);
      valg = valgFra(versionsnummer(krop.version, "version", "krop"), kladdeFelt(krop.kladde));
      if (!Array.isArray(krop.vurderingsgrundlag)) {
        throw new HttpError(422, "UGYLDIGT_INDHOLD", "Feltet 'vurderingsgrundlag' skal være en liste.", [
          detalje(["vurderingsgrundlag"], "Skal være en liste af vurderingsgrundlag."),
        ]);
      }
      liste = krop.vurderingsgrundlag;
      if (liste.length > ctx.maxBatch) {
        throw new HttpError(
          413,
          "FOR_MANGE",
          `Højst ${ctx.maxBatch} leverandører i én kørsel; listen har ${liste.length}.`,
        );
      }
    }
    if (valg.kladde) kraevRolle(res, "forfatter", "Indplacering med kladden");
    const resultater = await indplacerMange(ctx.db, ctx.cache, liste, valg, noegleFor(res).navn);
    const fejl = resultater.filter((u) => "fejl" in u).length;
    res.json({ antal: { ialt: resultater.length, indplaceret: resultater.length - fejl, fejl }, resultater });
  });

  r.get("/indplacering/:id", ctx.kraev("tilsyn"), async (req, res) => {
    const genberegnes = sandhedParam(req.query.genberegn, "genberegn");
    const lagret = await hentIndplacering(ctx.db, String(req.params.id));
    if (!lagret) throw new HttpError(404, "IKKE_FUNDET", "Der er ingen indplacering med det id.");
    const svar: Record<string, unknown> = {
      id: lagret.id,
      oprettet: lagret.oprettet,
      noegle: lagret.noegle,
      regelsaet: { maalgruppe: lagret.maalgruppe, version: lagret.version, hash: lagret.hash, kladde: lagret.kladde },
      vurderingsgrundlag: lagret.vurderingsgrundlag,
      indplacering: lagret.resultat,
    };
    if (genberegnes) {
      const g = await genberegn(ctx.db, ctx.cache, lagret);
      svar.genberegning = g.identisk ? { identisk: true } : { identisk: false, indplacering: g.indplacering };
      svar.identisk = g.identisk;
    }
    res.json(svar);
  });

  return r;
}
