// Konsekvensanalyse of a draft on real decisions, the summary recorded with each published version,
// and consistency of tilsynsvurderinger across socialtilsyn (issue 13). For Socialstyrelsen's
// authors and analysts; a key of one socialtilsyn sees only its own tilbud.
import { Router } from "express";
import { MAALGRUPPE_ID } from "../../engine/index.js";
import { maalgruppeParam, versionsnummer } from "../forespoergsel.js";
import { HttpError } from "../http-error.js";
import { konsekvensanalyse, konsistens } from "../konsekvens.js";
import type { Kontekst } from "../kontekst.js";
import { noegleFor } from "../middleware/adgang.js";
import { egetTilsyn } from "../organisation.js";
import { hentKonsekvens } from "../store/tilbud.js";

export function konsekvensRoutes(ctx: Kontekst): Router {
  const r = Router();

  r.get("/regelsaet/:maalgruppe/kladde/konsekvens", ctx.kraev("forfatter"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const kladde = await ctx.cache.kladde(ctx.db, maalgruppe);
    if (!kladde) throw new HttpError(404, "IKKE_FUNDET", `Der er ingen kladde for '${maalgruppe}'.`);
    const k = await konsekvensanalyse(ctx.db, ctx.cache, kladde, egetTilsyn(noegleFor(res)));
    res.json({
      regelsaet: { maalgruppe, fra: k.resume.fra, til: { kladde: true, hash: kladde.hash } },
      resume: k.resume,
      ...k.sammenligning,
      flyttedeIalt: k.flyttedeIalt,
      ms: k.ms,
    });
  });

  r.get("/regelsaet/:maalgruppe/konsekvens", ctx.kraev("forfatter"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const version = versionsnummer(req.query.version, "version");
    if (version === undefined) {
      throw new HttpError(400, "UGYLDIG_FORESPOERGSEL", "Angiv versionen.", [
        { path: "version", message: "Fx ?version=2." },
      ]);
    }
    const resume = await hentKonsekvens(ctx.db, maalgruppe, version);
    if (!resume) {
      throw new HttpError(404, "IKKE_FUNDET", `Version ${version} af '${maalgruppe}' har ingen konsekvensanalyse.`);
    }
    res.json({ maalgruppe, version, resume });
  });

  r.get("/konsistens", ctx.kraev("forfatter"), async (req, res) => {
    const m = req.query.maalgruppe;
    if (typeof m !== "string" || !MAALGRUPPE_ID.test(m)) {
      throw new HttpError(400, "UGYLDIG_FORESPOERGSEL", "Angiv målgruppen.", [
        { path: "maalgruppe", message: "Fx ?maalgruppe=autisme." },
      ]);
    }
    res.json({ maalgruppe: m, ...(await konsistens(ctx.db, ctx.cache, m, egetTilsyn(noegleFor(res)))) });
  });

  return r;
}
