// Scenario comparison for authors (DOMAIN.md §6): the regelsæt (latest, a version or the draft)
// under each scenario's changes, over the posted providers or the example data set.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Router } from "express";
import {
  anvendAendringer,
  graensetilfaelde,
  MAALGRUPPE_ID,
  normaliserGrundlag,
  type Problem,
  type Scenarie,
  sammenlignScenarier,
  sweep,
} from "../../engine/index.js";
import { erObjekt, kunFelter, maalgruppeParam, objektKrop, versionsnummer } from "../forespoergsel.js";
import { type Detalje, detalje, detaljerFra, HttpError } from "../http-error.js";
import type { Kontekst } from "../kontekst.js";
import { noegleFor } from "../middleware/adgang.js";
import { ukendtRegelsaet } from "../motor.js";
import {
  erstatScenarie,
  type GemtScenarie,
  hentScenarie,
  listScenarier,
  type NytScenarie,
  opretScenarie,
  sletScenarie,
} from "../store/scenarier.js";

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

const MAX_SWEEP_VAERDIER = 200;

/** `{ taerskel, vaerdier: [...] }` or `{ taerskel, fra, til, trin }` → the values to try. */
function sweepSpec(v: unknown): { taerskel: string; vaerdier: number[] } | undefined {
  if (v === undefined) return undefined;
  const fejl = (sti: (string | number)[], besked: string) =>
    new HttpError(422, "UGYLDIGT_INDHOLD", "Ugyldig sweep.", [detalje(["sweep", ...sti], besked)]);
  if (!erObjekt(v)) throw fejl([], "Skal være et objekt med 'taerskel' og 'vaerdier' eller 'fra', 'til', 'trin'.");
  for (const k of Object.keys(v)) {
    if (!["taerskel", "vaerdier", "fra", "til", "trin"].includes(k)) throw fejl([k], `Feltet '${k}' er ukendt her.`);
  }
  if (typeof v.taerskel !== "string" || v.taerskel.length > 200) throw fejl(["taerskel"], "Skal være et tærskelnavn.");
  const tal = (x: unknown) => typeof x === "number" && Number.isFinite(x);
  let vaerdier: number[];
  if (v.vaerdier !== undefined) {
    if (!Array.isArray(v.vaerdier) || v.vaerdier.length === 0 || !v.vaerdier.every(tal)) {
      throw fejl(["vaerdier"], "Skal være en ikke-tom liste af tal.");
    }
    vaerdier = v.vaerdier as number[];
  } else {
    for (const k of ["fra", "til", "trin"]) if (!tal(v[k])) throw fejl([k], "Skal være et tal.");
    const fra = v.fra as number;
    const til = v.til as number;
    const trin = v.trin as number;
    if (trin <= 0 || til < fra) throw fejl(["trin"], "'trin' skal være over 0 og 'til' mindst 'fra'.");
    const antal = Math.floor((til - fra) / trin + 1e-9) + 1;
    if (antal > MAX_SWEEP_VAERDIER) throw fejl(["trin"], `Højst ${MAX_SWEEP_VAERDIER} værdier.`);
    vaerdier = Array.from({ length: antal }, (_, i) => Math.round((fra + i * trin) * 1e9) / 1e9);
  }
  if (vaerdier.length > MAX_SWEEP_VAERDIER) throw fejl(["vaerdier"], `Højst ${MAX_SWEEP_VAERDIER} værdier.`);
  return { taerskel: v.taerskel, vaerdier };
}

/** `true` (every numeric threshold) or a list of threshold names. */
function graenseTaerskler(v: unknown): true | string[] | undefined {
  if (v === undefined || v === false) return undefined;
  if (v === true) return true;
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string")) return v as string[];
  throw new HttpError(422, "UGYLDIGT_INDHOLD", "Ugyldigt felt.", [
    detalje(["graensetilfaelde"], "Skal være true eller en liste af tærskelnavne."),
  ]);
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

  /** The regelsæt (latest, a version or the draft) and the providers a request names. */
  async function grundlag(krop: Record<string, unknown>) {
    const maalgruppe = krop.maalgruppe;
    if (typeof maalgruppe !== "string" || !MAALGRUPPE_ID.test(maalgruppe)) {
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
    const valg = { kladde: krop.kladde === true, version };
    const kilde = await ctx.cache.hent(ctx.db, maalgruppe, valg);
    if (!kilde) throw ukendtRegelsaet(maalgruppe, valg);
    const reference = { maalgruppe, version: kilde.version, hash: kilde.hash, kladde: kilde.version === null };
    const regelsaet = kilde.forberedt.regelsaet;
    // Words from the kodelister become codes, as in an indplacering; an unknown word in the
    // caller's providers is a 422 naming the field (the example data set is used as it is then).
    const problemer: Problem[] = [];
    leverandoerer = leverandoerer.map((l, i) => {
      const n = normaliserGrundlag(regelsaet, l, ["vurderingsgrundlag", i]);
      problemer.push(...n.problemer);
      return n.problemer.length > 0 ? l : n.grundlag;
    });
    if (problemer.length > 0 && krop.vurderingsgrundlag !== undefined) {
      throw new HttpError(
        422,
        "UKENDT_KODE",
        "Vurderingsgrundlaget bruger ord, som ikke står i regelsættets kodelister.",
        detaljerFra(problemer),
      );
    }
    return { regelsaet, reference, leverandoerer };
  }

  r.post("/scenarier/sammenlign", ctx.kraev("forfatter"), async (req, res) => {
    const krop = objektKrop(req);
    kunFelter(krop, ["maalgruppe", "scenarier", "vurderingsgrundlag", "version", "kladde"]);
    const liste = scenarier(krop.scenarier);
    const g = await grundlag(krop);
    const sammenligning = await sammenlignScenarier(g.regelsaet, liste, g.leverandoerer);
    res.json({ regelsaet: g.reference, ...sammenligning });
  });

  // Sensitivity (issue 5): one threshold swept over a range, and the borderline providers whose
  // level one step of a threshold would change — both under an optional scenario's changes.
  r.post("/scenarier/foelsomhed", ctx.kraev("forfatter"), async (req, res) => {
    const krop = objektKrop(req);
    kunFelter(krop, ["maalgruppe", "scenarie", "vurderingsgrundlag", "version", "kladde", "sweep", "graensetilfaelde"]);
    const [scenarie] = krop.scenarie === undefined ? [undefined] : scenarier([krop.scenarie]);
    const spec = sweepSpec(krop.sweep);
    const graenseSpec = graenseTaerskler(krop.graensetilfaelde);
    if (!spec && !graenseSpec) {
      throw new HttpError(422, "UGYLDIGT_INDHOLD", "Angiv 'sweep' og/eller 'graensetilfaelde'.", [
        detalje(["sweep"], 'Fx { "taerskel": "uddannelse.moderat.minAndel", "fra": 0, "til": 1, "trin": 0.05 }.'),
      ]);
    }
    const g = await grundlag(krop);
    // Engine errors become 422 in the error middleware (tilHttpError), like everywhere else.
    const regelsaet = anvendAendringer(g.regelsaet, scenarie?.aendringer, ["scenarie", "aendringer"]);
    res.json({
      regelsaet: g.reference,
      ...(scenarie ? { scenarie: scenarie.navn } : {}),
      ...(spec ? { sweep: sweep(regelsaet, spec.taerskel, spec.vaerdier, g.leverandoerer) } : {}),
      ...(graenseSpec
        ? {
            graenser: graensetilfaelde(
              regelsaet,
              g.leverandoerer,
              graenseSpec === true ? {} : { taerskler: graenseSpec },
            ),
          }
        : {}),
    });
  });

  // Saved scenarios per målgruppe (issue 12): readers list and export them, authors save them.
  r.get("/regelsaet/:maalgruppe/scenarier", ctx.kraev("laeser"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const liste = await listScenarier(ctx.db, maalgruppe);
    if (vilHaveCsv(req.query.format, req.get("accept"))) return sendCsv(res, maalgruppe, liste);
    res.json({ maalgruppe, scenarier: liste });
  });

  r.post("/regelsaet/:maalgruppe/scenarier", ctx.kraev("forfatter"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const s = gemtScenarieKrop(objektKrop(req));
    const gemt = await opretScenarie(ctx.db, maalgruppe, s, noegleFor(res).navn);
    res.status(201).location(`/api/v1/regelsaet/${maalgruppe}/scenarier/${gemt.id}`).json(gemt);
  });

  r.get("/regelsaet/:maalgruppe/scenarier/:id", ctx.kraev("laeser"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const s = await hentScenarie(ctx.db, maalgruppe, scenarieId(req.params.id));
    if (vilHaveCsv(req.query.format, req.get("accept"))) return sendCsv(res, maalgruppe, [s]);
    res.json(s);
  });

  r.put("/regelsaet/:maalgruppe/scenarier/:id", ctx.kraev("forfatter"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const id = scenarieId(req.params.id);
    const s = gemtScenarieKrop(objektKrop(req));
    res.json(await erstatScenarie(ctx.db, maalgruppe, id, s, noegleFor(res).navn));
  });

  r.delete("/regelsaet/:maalgruppe/scenarier/:id", ctx.kraev("forfatter"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    await sletScenarie(ctx.db, maalgruppe, scenarieId(req.params.id), noegleFor(res).navn);
    res.status(204).end();
  });

  return r;
}

function scenarieId(v: unknown): number {
  if (typeof v !== "string" || !/^[1-9][0-9]{0,8}$/.test(v))
    throw new HttpError(404, "IKKE_FUNDET", "Ukendt scenarie.", [
      { path: "id", message: "Et gemt scenaries id er et helt tal, fx 3." },
    ]);
  return Number(v);
}

/** Paths of `scenarier[0].…` given as the saved scenario's own body (`navn`, `aendringer.…`). */
const somKrop = (d: Detalje[]): Detalje[] =>
  d.map((f) => {
    const ud: Detalje = { ...f, path: f.path.replace(/^scenarier\[0\]\.?/, "") || "(roden)" };
    if (f.pointer !== undefined) ud.pointer = f.pointer.replace(/^\/scenarier\/0/, "");
    return ud;
  });

/** The body of a saved scenario, checked value by value (the engine checks names at comparison). */
function gemtScenarieKrop(krop: Record<string, unknown>): NytScenarie {
  kunFelter(krop, ["navn", "beskrivelse", "aendringer"]);
  let s: NytScenarie;
  try {
    const [x] = scenarier([{ ...krop, aendringer: krop.aendringer ?? {} }]) as [NytScenarie];
    s = { ...x, navn: x.navn.trim() };
  } catch (e) {
    if (e instanceof HttpError) throw new HttpError(e.status, e.code, "Scenariet er ugyldigt.", somKrop(e.detaljer));
    throw e;
  }
  const fejl: Detalje[] = [];
  const a = s.aendringer as Record<string, Record<string, unknown>>;
  const tjek = (felt: string, ok: (v: unknown) => boolean, besked: string) => {
    for (const [k, v] of Object.entries(a[felt] ?? {}))
      if (!ok(v) || k.length > 200) fejl.push(detalje(["aendringer", felt, k], besked));
  };
  tjek(
    "taerskler",
    (v) =>
      (typeof v === "number" && Number.isFinite(v)) ||
      (Array.isArray(v) && v.length <= 500 && v.every((x) => typeof x === "string" && x.length <= 200)),
    "Skal være et tal eller en liste af tekster.",
  );
  tjek("vaegte", (v) => typeof v === "number" && Number.isFinite(v) && v >= 0, "Skal være et tal på mindst 0.");
  tjek("aktive", (v) => typeof v === "boolean", "Skal være true eller false.");
  if (fejl.length > 0) throw new HttpError(422, "UGYLDIGT_SCENARIE", "Scenariet er ugyldigt.", fejl);
  return s;
}

function vilHaveCsv(format: unknown, accept: string | undefined): boolean {
  if (format === "csv") return true;
  if (format === "json") return false;
  if (format !== undefined)
    throw new HttpError(400, "UGYLDIG_FORESPOERGSEL", "Ukendt format.", [
      { path: "format", message: "Skal være json eller csv." },
    ]);
  return accept?.includes("text/csv") === true && !accept.includes("application/json");
}

/**
 * A cell a spreadsheet cannot take for a formula: text starting with = + - @ (or a tab or CR)
 * gets a leading apostrophe; then quoted as RFC 4180 wants.
 */
function celle(v: unknown): string {
  if (v === undefined || v === null) return "";
  let t = typeof v === "string" ? v : JSON.stringify(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[";\r\n,]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
}

const CSV_KOLONNER = ["scenarie", "beskrivelse", "forfatter", "gemt", "aendring", "navn", "vaerdi"];

/**
 * One line per change (a scenario without changes gets one line with empty change columns), `;`
 * between cells and a BOM so that Danish Excel opens it with æøå intact.
 */
function sendCsv(res: import("express").Response, maalgruppe: string, liste: GemtScenarie[]) {
  const linjer = [CSV_KOLONNER.join(";")];
  for (const s of liste) {
    const hoved = [s.navn, s.beskrivelse, s.forfatter, s.opdateret];
    const rader: unknown[][] = [];
    for (const [slags, vaerdier] of Object.entries(s.aendringer)) {
      for (const [navn, v] of Object.entries((vaerdier ?? {}) as Record<string, unknown>))
        rader.push([slags, navn, Array.isArray(v) ? v.join("|") : v]);
    }
    if (rader.length === 0) rader.push(["", "", ""]);
    for (const r of rader)
      linjer.push([...hoved, ...r].map((c) => (typeof c === "number" ? String(c) : celle(c))).join(";"));
  }
  res
    .type("text/csv; charset=utf-8")
    .attachment(`scenarier-${maalgruppe}.csv`)
    .send(`\uFEFF${linjer.join("\r\n")}\r\n`);
}
