// Scenario comparison for authors (DOMAIN.md §6): the regelsæt (latest, a version or the draft)
// under each scenario's changes, over the posted providers or the example data set.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Router } from "express";
import { EngineError, type Scenarie, sammenlignScenarier } from "../../engine/index.js";
import { erObjekt, kunFelter, MAALGRUPPE_PATTERN, objektKrop, versionsnummer } from "../forespoergsel.js";
import { type Detalje, detalje, detaljerFra, HttpError } from "../http-error.js";
import type { Kontekst } from "../kontekst.js";

const MAX_SCENARIER = 20;

/** Checks the shape the engine relies on; the engine checks the content against the regelsæt. */
function scenarier(v: unknown): Scenarie[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_SCENARIER) {
    throw new HttpError(422, "UGYLDIGT_SCENARIE", "Feltet 'scenarier' skal være en liste med 1–20 scenarier.", [
      detalje(["scenarier"], `Skal være en liste med 1–${MAX_SCENARIER} scenarier.`),
    ]);
  }
  const fejl: Detalje[] = [];
  v.forEach((s, i) => {
    const sti = ["scenarier", i];
    if (!erObjekt(s)) return fejl.push(detalje(sti, "Skal være et objekt med mindst 'navn'."));
    for (const k of Object.keys(s)) {
      if (!["navn", "beskrivelse", "aendringer"].includes(k))
        fejl.push(detalje([...sti, k], `Feltet '${k}' er ukendt her.`));
    }
    if (typeof s.navn !== "string" || s.navn.trim() === "" || s.navn.length > 200) {
      fejl.push(detalje([...sti, "navn"], "Skal være en tekst på 1–200 tegn."));
    }
    if (s.beskrivelse !== undefined && typeof s.beskrivelse !== "string") {
      fejl.push(detalje([...sti, "beskrivelse"], "Skal være en tekst."));
    }
    if (s.aendringer === undefined) return;
    if (!erObjekt(s.aendringer)) return fejl.push(detalje([...sti, "aendringer"], "Skal være et objekt."));
    for (const [k, a] of Object.entries(s.aendringer)) {
      const asti = [...sti, "aendringer", k];
      if (!["taerskler", "vaegte", "aktive", "indplacering"].includes(k)) {
        fejl.push(detalje(asti, "Ukendt ændring. Tilladte: taerskler, vaegte, aktive, indplacering."));
      } else if (!erObjekt(a)) fejl.push(detalje(asti, "Skal være et objekt."));
    }
  });
  if (fejl.length > 0) throw new HttpError(422, "UGYLDIGT_SCENARIE", "Et eller flere scenarier er ugyldige.", fejl);
  return v as Scenarie[];
}

export function scenarieRoutes(ctx: Kontekst): Router {
  const r = Router();
  let eksempeldata: Promise<unknown[] | undefined> | undefined;
  const hentEksempeldata = () => {
    eksempeldata ??= readFile(join(ctx.rulesetsDir, "eksempeldata.json"), "utf8")
      .then((t) => JSON.parse(t) as unknown[])
      .catch(() => undefined);
    return eksempeldata;
  };

  r.post("/scenarier/sammenlign", ctx.kraev("forfatter"), async (req, res) => {
    const krop = objektKrop(req);
    kunFelter(krop, ["maalgruppe", "scenarier", "vurderingsgrundlag", "version", "kladde"]);
    const maalgruppe = krop.maalgruppe;
    if (typeof maalgruppe !== "string" || !MAALGRUPPE_PATTERN.test(maalgruppe)) {
      throw new HttpError(422, "UGYLDIGT_INDHOLD", "Angiv målgruppen.", [
        detalje(["maalgruppe"], "Skal være et målgruppe-id, fx 'autisme'."),
      ]);
    }
    const version = versionsnummer(krop.version, "version", "krop");
    if (krop.kladde !== undefined && typeof krop.kladde !== "boolean") {
      throw new HttpError(422, "UGYLDIGT_INDHOLD", "Ugyldigt felt.", [
        detalje(["kladde"], "Skal være true eller false."),
      ]);
    }
    const liste = scenarier(krop.scenarier);
    let leverandoerer: unknown[];
    if (krop.vurderingsgrundlag === undefined) {
      const alle = await hentEksempeldata();
      if (!alle)
        throw new HttpError(422, "INGEN_EKSEMPELDATA", "Der er intet eksempeldatasæt; send 'vurderingsgrundlag'.");
      leverandoerer = alle.filter((v) => erObjekt(v) && v.maalgruppe === maalgruppe);
    } else if (Array.isArray(krop.vurderingsgrundlag)) {
      leverandoerer = krop.vurderingsgrundlag;
      if (leverandoerer.length > ctx.maxBatch) {
        throw new HttpError(413, "FOR_MANGE", `Højst ${ctx.maxBatch} leverandører i én sammenligning.`);
      }
    } else {
      throw new HttpError(422, "UGYLDIGT_INDHOLD", "Feltet 'vurderingsgrundlag' skal være en liste.", [
        detalje(["vurderingsgrundlag"], "Skal være en liste af vurderingsgrundlag."),
      ]);
    }
    const kilde =
      krop.kladde === true
        ? await ctx.cache.kladde(ctx.db, maalgruppe)
        : await ctx.cache.version(ctx.db, maalgruppe, version);
    if (!kilde) {
      const hvad =
        krop.kladde === true
          ? `Der er ingen kladde for '${maalgruppe}'.`
          : version === undefined
            ? `Der er intet publiceret regelsæt for '${maalgruppe}'.`
            : `Målgruppen '${maalgruppe}' har ingen version ${version}.`;
      throw new HttpError(422, "UKENDT_REGELSAET", hvad, [detalje(["maalgruppe"], hvad)]);
    }
    try {
      const sammenligning = await sammenlignScenarier(kilde.forberedt.regelsaet, liste, leverandoerer);
      res.json({
        regelsaet: { maalgruppe, version: kilde.version, hash: kilde.hash, kladde: kilde.version === null },
        ...sammenligning,
      });
    } catch (e) {
      if (e instanceof EngineError) throw new HttpError(422, e.code, e.message, detaljerFra(e.detaljer));
      throw e;
    }
  });

  return r;
}
