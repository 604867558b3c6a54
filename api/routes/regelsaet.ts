// Reading published regelsæt: the målgrupper, a version (latest or ?version=N) with its hash as
// ETag, the version list and the difference between two versions.
import { Router } from "express";
import { diffRegelsaet, type Regelsaet } from "../../engine/index.js";
import { maalgruppeParam, versionsnummer } from "../forespoergsel.js";
import { HttpError } from "../http-error.js";
import type { Kontekst } from "../kontekst.js";
import { noegleFor } from "../middleware/adgang.js";
import { harRolle } from "../store/noegler.js";
import { hentVersion, listMaalgrupper, listVersioner } from "../store/regelsaet.js";

export function regelsaetRoutes(ctx: Kontekst): Router {
  const r = Router();

  r.get("/maalgrupper", ctx.kraev("laeser"), async (_req, res) => {
    // Drafts are the authors' own: below forfatter a målgruppe with only a draft is not listed.
    res.json({ maalgrupper: await listMaalgrupper(ctx.db, harRolle(noegleFor(res), "forfatter")) });
  });

  r.get("/regelsaet/:maalgruppe", ctx.kraev("laeser"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const version = versionsnummer(req.query.version, "version");
    const v = await hentVersion(ctx.db, maalgruppe, version);
    if (!v) throw ikkePubliceret(maalgruppe, version);
    res
      .set({
        ETag: `"${v.hash}"`,
        "Regelsaet-Version": String(v.version),
        "Regelsaet-Hash": v.hash,
        "Cache-Control": "no-cache",
      })
      .type("application/json")
      .send(v.indhold);
  });

  r.get("/regelsaet/:maalgruppe/versioner", ctx.kraev("laeser"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const versioner = await listVersioner(ctx.db, maalgruppe);
    if (versioner.length === 0) throw ikkePubliceret(maalgruppe);
    res.json({ maalgruppe, versioner });
  });

  r.get("/regelsaet/:maalgruppe/diff", ctx.kraev("laeser"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const fra = versionsnummer(req.query.fra, "fra");
    const til = versionsnummer(req.query.til, "til");
    if (fra === undefined || til === undefined) {
      throw new HttpError(400, "UGYLDIG_FORESPOERGSEL", "Angiv begge versioner: ?fra=N&til=M.", [
        ...(fra === undefined ? [{ path: "fra", message: "Mangler." }] : []),
        ...(til === undefined ? [{ path: "til", message: "Mangler." }] : []),
      ]);
    }
    const [a, b] = await Promise.all([hentVersion(ctx.db, maalgruppe, fra), hentVersion(ctx.db, maalgruppe, til)]);
    if (!a) throw ikkePubliceret(maalgruppe, fra);
    if (!b) throw ikkePubliceret(maalgruppe, til);
    res.json({
      maalgruppe,
      fra: { version: a.version, hash: a.hash },
      til: { version: b.version, hash: b.hash },
      ...diffRegelsaet(JSON.parse(a.indhold) as Regelsaet, JSON.parse(b.indhold) as Regelsaet),
    });
  });

  return r;
}

function ikkePubliceret(maalgruppe: string, version?: number): HttpError {
  return new HttpError(
    404,
    "IKKE_FUNDET",
    version === undefined
      ? `Der er intet publiceret regelsæt for målgruppen '${maalgruppe}'.`
      : `Målgruppen '${maalgruppe}' har ingen version ${version}.`,
  );
}
