// The tilbud register (issue 13): list, read, create/update one tilbud with its afdelinger, import
// the register from CSV, a tilbud's history of decisions, and the reassessments that are due.
// A socialtilsyn's key sees and writes only its own tilbud; another's is not found (404).
import { type Request, Router } from "express";
import { erDato, MAALGRUPPE_ID, plusDage, revurderingsStatus, sammenfatAfdelinger } from "../../engine/index.js";
import { objektKrop } from "../forespoergsel.js";
import { detalje, HttpError } from "../http-error.js";
import type { Kontekst } from "../kontekst.js";
import { noegleFor } from "../middleware/adgang.js";
import { egetTilsyn, erSocialtilsyn, SOCIALTILSYN } from "../organisation.js";
import { gaeldendeAfgoerelser, gemTilbud, hentTilbud, listTilbud } from "../store/tilbud.js";
import { tilbudHistorik } from "../tilbud-historik.js";
import { laesRegisterCsv, TILBUD_ID, type TilbudInput, tjekTilbud } from "../tilbud-input.js";

export const idag = () => new Date().toISOString().slice(0, 10);

export function tilbudIdParam(req: Request): string {
  const id = String(req.params.id);
  if (!TILBUD_ID.test(id)) {
    throw new HttpError(404, "IKKE_FUNDET", "Der er intet tilbud med det id.", [
      { path: "id", message: "Et tilbuds id er 1–64 bogstaver, tal, . - _." },
    ]);
  }
  return id;
}

/** A tilsyn key may register only its own tilbud; the socialtilsyn field names the owner. */
function tjekEgne(liste: readonly TilbudInput[], eget: string | null, sti: (i: number) => string): void {
  if (eget === null) return;
  const fejl = liste.flatMap((t, i) =>
    t.socialtilsyn === eget
      ? []
      : [{ path: sti(i), message: `Nøglen hører til '${eget}' og kan kun registrere dets egne tilbud.` }],
  );
  if (fejl.length > 0)
    throw new HttpError(422, "ANDET_SOCIALTILSYN", "Tilbuddet hører til et andet socialtilsyn.", fejl);
}

function filterParam(v: unknown, navn: string, gyldig: (s: string) => boolean): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !gyldig(v)) {
    throw new HttpError(400, "UGYLDIG_FORESPOERGSEL", "Ugyldig parameter.", [
      { path: navn, message: `Ukendt værdi '${String(v)}'.` },
    ]);
  }
  return v;
}

export function tilbudRoutes(ctx: Kontekst): Router {
  const r = Router();

  r.get("/tilbud", ctx.kraev("tilsyn"), async (req, res) => {
    const eget = egetTilsyn(noegleFor(res));
    const socialtilsyn = filterParam(req.query.socialtilsyn, "socialtilsyn", erSocialtilsyn);
    const maalgruppe = filterParam(req.query.maalgruppe, "maalgruppe", (s) => MAALGRUPPE_ID.test(s));
    if (eget !== null && socialtilsyn !== undefined && socialtilsyn !== eget) {
      res.json({ tilbud: [] });
      return;
    }
    res.json({ tilbud: await listTilbud(ctx.db, { socialtilsyn: eget ?? socialtilsyn, maalgruppe }) });
  });

  r.post("/tilbud/import", ctx.kraev("tilsyn"), async (req, res) => {
    if (!req.is(["text/csv", "application/csv"]) || typeof req.body !== "string") {
      throw new HttpError(415, "FORKERT_MEDIETYPE", "Registret sendes som CSV (Content-Type: text/csv).");
    }
    const liste = laesRegisterCsv(req.body);
    const eget = egetTilsyn(noegleFor(res));
    // The first line of each tilbud in the file, for errors in the caller's terms.
    tjekEgne(liste, eget, (i) => `tilbud '${liste[i]?.id}', kolonne 'tilbud.socialtilsyn'`);
    const ud = await gemTilbud(ctx.db, liste, noegleFor(res).navn, eget);
    res.status(200).json({
      antal: liste.length,
      afdelinger: liste.reduce((n, t) => n + t.afdelinger.length, 0),
      oprettet: ud.oprettet.length,
      opdateret: ud.opdateret.length,
    });
  });

  r.put("/tilbud/:id", ctx.kraev("tilsyn"), async (req, res) => {
    const id = tilbudIdParam(req);
    const fejl: Parameters<typeof tjekTilbud>[2] = [];
    const t = tjekTilbud(objektKrop(req), [], fejl, id);
    if (!t) throw new HttpError(422, "UGYLDIGT_TILBUD", "Tilbuddet er ugyldigt.", fejl);
    const eget = egetTilsyn(noegleFor(res));
    tjekEgne([t], eget, () => "socialtilsyn");
    const ud = await gemTilbud(ctx.db, [t], noegleFor(res).navn, eget);
    const gemt = await hentTilbud(ctx.db, id, eget);
    res.status(ud.oprettet.length > 0 ? 201 : 200).json(gemt);
  });

  r.get("/tilbud/:id", ctx.kraev("tilsyn"), async (req, res) => {
    const id = tilbudIdParam(req);
    const t = await hentTilbud(ctx.db, id, egetTilsyn(noegleFor(res)));
    if (!t)
      throw new HttpError(404, "IKKE_FUNDET", `Der er intet tilbud med id '${id}'.`, [detalje(["id"], "Ukendt.")]);
    // The current level per målgruppe: each afdeling's decision in force, rolled up by the regelsæt's rule.
    const gaeldende = (await gaeldendeAfgoerelser(ctx.db, {})).filter((a) => a.tilbudId === id);
    const indplacering = [];
    for (const maalgruppe of t.maalgrupper) {
      const egne = gaeldende.filter((a) => a.maalgruppe === maalgruppe);
      const kilde = await ctx.cache.version(ctx.db, maalgruppe);
      const afdelinger = egne
        .filter((a) => a.afdelingId !== null)
        .map((a) => ({ afdeling: a.afdelingId as string, niveau: a.niveau as "let" }));
      const hele = egne.find((a) => a.afdelingId === null);
      const samlet = sammenfatAfdelinger(kilde?.forberedt.regelsaet ?? {}, afdelinger);
      indplacering.push({
        maalgruppe,
        niveau: hele?.niveau ?? samlet.niveau,
        sammenfatning: samlet.regel,
        afdelinger: egne.map((a) => ({
          afdeling: a.afdelingId,
          niveau: a.niveau,
          afgoerelse: a.indplaceringId,
          gyldigFra: a.gyldigFra,
          naesteVurdering: a.naesteVurdering,
        })),
      });
    }
    res.json({ ...t, indplacering });
  });

  r.get("/tilbud/:id/historik", ctx.kraev("tilsyn"), async (req, res) => {
    const id = tilbudIdParam(req);
    const n = noegleFor(res);
    const t = await hentTilbud(ctx.db, id, egetTilsyn(n));
    if (!t)
      throw new HttpError(404, "IKKE_FUNDET", `Der er intet tilbud med id '${id}'.`, [detalje(["id"], "Ukendt.")]);
    res.json(await tilbudHistorik(ctx, t, n, datoParam(req.query.dato), String(req.id)));
  });

  // Due and overdue reassessments, per socialtilsyn: every decision in force whose next
  // assessment date has passed or falls within `dage` days of `dato` (default today).
  r.get("/revurderinger", ctx.kraev("tilsyn"), async (req, res) => {
    const eget = egetTilsyn(noegleFor(res));
    const dato = datoParam(req.query.dato);
    const dageTekst = req.query.dage ?? "90";
    if (typeof dageTekst !== "string" || !/^\d{1,4}$/.test(dageTekst)) {
      throw new HttpError(400, "UGYLDIG_FORESPOERGSEL", "Ugyldig parameter.", [
        { path: "dage", message: "Skal være et helt tal 0–9999." },
      ]);
    }
    const dage = Number(dageTekst);
    const maalgruppe = filterParam(req.query.maalgruppe, "maalgruppe", (s) => MAALGRUPPE_ID.test(s));
    const alle = await gaeldendeAfgoerelser(ctx.db, { maalgruppe, socialtilsyn: eget });
    const pr = new Map<string, unknown[]>();
    for (const tilsyn of eget === null ? SOCIALTILSYN : [eget]) pr.set(tilsyn, []);
    for (const a of alle.sort((x, y) => x.naesteVurdering.localeCompare(y.naesteVurdering))) {
      const status = revurderingsStatus(a.naesteVurdering, dato, dage);
      if (status === "senere") continue;
      pr.get(a.socialtilsyn)?.push({
        status,
        tilbud: { id: a.tilbudId, navn: a.tilbudNavn },
        afdeling: a.afdelingId,
        maalgruppe: a.maalgruppe,
        niveau: a.niveau,
        afgoerelse: a.indplaceringId,
        gyldigFra: a.gyldigFra,
        naesteVurdering: a.naesteVurdering,
        overgang: a.overgang.length > 0,
      });
    }
    res.json({
      dato,
      til: plusDage(dato, dage),
      socialtilsyn: [...pr].map(([navn, liste]) => ({
        socialtilsyn: navn,
        forfaldne: liste.filter((x) => (x as { status: string }).status === "forfalden").length,
        snart: liste.filter((x) => (x as { status: string }).status === "snart").length,
        revurderinger: liste,
      })),
    });
  });

  return r;
}

/** `?dato=YYYY-MM-DD`, the day to count from (default today). */
export function datoParam(v: unknown): string {
  if (v === undefined) return idag();
  if (!erDato(v)) {
    throw new HttpError(400, "UGYLDIG_FORESPOERGSEL", "Ugyldig dato.", [
      { path: "dato", message: "Skal være en dato som 2026-03-31." },
    ]);
  }
  return v;
}
