// Keys: who am I (any key), and for admins list (never the secret), create (the secret is
// returned once), revoke. A revoked key stops working at the next request: keys are looked up on every request.
import { Router } from "express";
import { kunFelter, objektKrop } from "../forespoergsel.js";
import { HttpError } from "../http-error.js";
import type { Kontekst } from "../kontekst.js";
import { noegleFor } from "../middleware/adgang.js";
import {
  LOKAL_CLI,
  listNoegler,
  NOEGLE_NAVN_PATTERN,
  opretNoegle,
  tilbagekaldNoegle,
  tjekNoegleInput,
} from "../store/noegler.js";

export function noegleRoutes(ctx: Kontekst): Router {
  const r = Router();

  // Who the key belongs to: the editor shows the name and offers what the role allows.
  r.get("/mig", ctx.kraev("laeser"), (_req, res) => {
    const { navn, rolle, organisation } = noegleFor(res);
    res.json({ navn, rolle, organisation });
  });

  r.get("/noegler", ctx.kraev("admin"), async (_req, res) => {
    res.json({ noegler: await listNoegler(ctx.db) });
  });

  r.post("/noegler", ctx.kraev("admin"), async (req, res) => {
    const krop = objektKrop(req);
    kunFelter(krop, ["navn", "rolle", "organisation"]);
    const { navn, rolle, organisation } = tjekNoegleInput(krop.navn, krop.rolle, krop.organisation);
    const noegle = await opretNoegle(ctx.db, navn, rolle, noegleFor(res).navn, organisation);
    res.status(201).set("Cache-Control", "no-store").json({ navn, rolle, organisation, noegle });
  });

  r.delete("/noegler/:navn", ctx.kraev("admin"), async (req, res) => {
    const navn = String(req.params.navn);
    if (!NOEGLE_NAVN_PATTERN.test(navn)) throw new HttpError(404, "IKKE_FUNDET", "Der er ingen nøgle med det navn.");
    if (navn === LOKAL_CLI) {
      throw new HttpError(409, "STYRES_AF_SERVEREN", `'${LOKAL_CLI}' styres af serveren og fornyes ved hver start.`);
    }
    await tilbagekaldNoegle(ctx.db, navn, noegleFor(res).navn);
    res.status(204).end();
  });

  return r;
}
