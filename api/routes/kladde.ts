// The draft of a målgruppe's regelsæt: read, save with optimistic concurrency (If-Match on the
// draft's ETag), discard, and publish as the next version once its golden cases pass.
import { Router } from "express";
import { forfatterTjek, hashRegelsaet, type Regelsaet, validateRegelsaet } from "../../engine/index.js";
import { koerTesttilfaelde } from "../../engine/testtilfaelde.js";
import { jsonKrop, kunFelter, maalgruppeParam, objektKrop } from "../forespoergsel.js";
import { detalje, detaljerFra, HttpError } from "../http-error.js";
import { konsekvensanalyse } from "../konsekvens.js";
import type { Kontekst } from "../kontekst.js";
import { noegleFor } from "../middleware/adgang.js";
import { gemKladde, hentKladde, kladdeEtag, parseIfMatch, publicerKladde, sletKladde } from "../store/regelsaet.js";

/** The regelsæt in `krop`, or 422 with every schema and authoring error. */
function gyldigtRegelsaet(krop: unknown, maalgruppe: string): Regelsaet {
  const { fejl, regelsaet } = validateRegelsaet(krop);
  if (fejl.length > 0 || !regelsaet) {
    throw new HttpError(422, "UGYLDIGT_REGELSAET", "Regelsættet er ugyldigt.", detaljerFra(fejl));
  }
  if (regelsaet.maalgruppe !== maalgruppe) {
    throw new HttpError(422, "FORKERT_MAALGRUPPE", "Regelsættet gælder en anden målgruppe end adressen.", [
      detalje(["maalgruppe"], `Skal være '${maalgruppe}' (som i adressen).`),
    ]);
  }
  return regelsaet;
}

export function kladdeRoutes(ctx: Kontekst): Router {
  const r = Router();

  r.get("/regelsaet/:maalgruppe/kladde", ctx.kraev("forfatter"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const k = await hentKladde(ctx.db, maalgruppe);
    if (!k) throw new HttpError(404, "IKKE_FUNDET", `Der er ingen kladde for '${maalgruppe}'.`);
    res
      .set({ ETag: kladdeEtag(k.revision), "Regelsaet-Hash": k.hash, "Cache-Control": "no-cache" })
      .type("application/json")
      .send(k.indhold);
  });

  r.put("/regelsaet/:maalgruppe/kladde", ctx.kraev("forfatter"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const regelsaet = gyldigtRegelsaet(jsonKrop(req), maalgruppe);
    const hash = hashRegelsaet(regelsaet);
    const advarsler = detaljerFra(forfatterTjek(regelsaet));
    const testtilfaelde = await koerTesttilfaelde(regelsaet);
    const { revision, oprettet } = await gemKladde(ctx.db, {
      maalgruppe,
      indhold: JSON.stringify(regelsaet),
      hash,
      noegle: noegleFor(res).navn,
      ifMatch: parseIfMatch(req.get("if-match")),
    });
    res
      .status(oprettet ? 201 : 200)
      .set("ETag", kladdeEtag(revision))
      .json({
        maalgruppe,
        revision,
        hash,
        advarsler,
        testtilfaelde: testtilfaelde.map((t) => ({ navn: t.navn, bestaaet: t.bestaaet, afvigelser: t.afvigelser })),
      });
  });

  r.delete("/regelsaet/:maalgruppe/kladde", ctx.kraev("forfatter"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    await sletKladde(ctx.db, maalgruppe, noegleFor(res).navn, parseIfMatch(req.get("if-match")));
    res.status(204).end();
  });

  r.post("/regelsaet/:maalgruppe/publicer", ctx.kraev("forfatter"), async (req, res) => {
    const maalgruppe = maalgruppeParam(req);
    const krop = objektKrop(req);
    kunFelter(krop, ["note"]);
    const note = typeof krop.note === "string" ? krop.note.trim() : "";
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL cannot be stored in PostgreSQL text
    if (note.length === 0 || note.length > 2000 || /\u0000/.test(note)) {
      throw new HttpError(422, "UGYLDIGT_INDHOLD", "En publicering skal have en note.", [
        detalje(["note"], "Skriv 1–2000 tegn om, hvad der er ændret og hvorfor."),
      ]);
    }
    const ifMatch = parseIfMatch(req.get("if-match"));
    const k = await hentKladde(ctx.db, maalgruppe);
    if (!k) throw new HttpError(404, "IKKE_FUNDET", `Der er ingen kladde for '${maalgruppe}' at publicere.`);
    if (ifMatch.slags === "revisioner" && !ifMatch.revisioner.includes(k.revision)) {
      throw new HttpError(412, "KLADDEN_ER_AENDRET", "Kladden er ændret, siden du hentede den.", [], {
        ETag: kladdeEtag(k.revision),
      });
    }
    const regelsaet = gyldigtRegelsaet(JSON.parse(k.indhold), maalgruppe);
    const resultater = await koerTesttilfaelde(regelsaet);
    const fejlede = resultater.flatMap((t, i) => (t.bestaaet ? [] : [{ t, i }]));
    if (fejlede.length > 0) {
      throw new HttpError(
        422,
        "TESTTILFAELDE_FEJLER",
        `Kladden kan ikke publiceres: ${fejlede.length} af ${resultater.length} testtilfælde fejler (${fejlede
          .map(({ t }) => `'${t.navn}'`)
          .join(", ")}).`,
        fejlede.map(({ t, i }) => detalje(["testtilfaelde", i], `'${t.navn}': ${t.afvigelser.join(" ")}`)),
      );
    }
    // What the draft does to the tilbud's decisions in force, recorded with the version (issue 13).
    const konsekvens = (
      await konsekvensanalyse(ctx.db, ctx.cache, {
        forberedt: ctx.cache.forbered(k.hash, () => k.indhold),
        hash: k.hash,
      })
    ).resume;
    const v = await publicerKladde(ctx.db, {
      maalgruppe,
      revision: k.revision,
      note,
      noegle: noegleFor(res).navn,
      konsekvens,
    });
    res
      .status(201)
      .set({ ETag: `"${v.hash}"`, Location: `/api/v1/regelsaet/${maalgruppe}?version=${v.version}` })
      .json({
        maalgruppe: v.maalgruppe,
        version: v.version,
        hash: v.hash,
        forfatter: v.forfatter,
        oprettet: v.oprettet,
        note: v.note,
        testtilfaelde: resultater.length,
        konsekvens,
      });
  });

  return r;
}
