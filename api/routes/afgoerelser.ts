// Decisions over time (issue 13): a decision for a tilbud (and afdeling) with gyldigFra, the
// next reassessment from the regelsæt, and grace periods; its status changes as append-only
// events (kladde → truffet → påklaget → afgjort | ændret). A decision is never edited: an appeal
// that changes it links the new decision. Everything is checked before anything is stored.
import { Router } from "express";
import {
  AFGOERELSE_STATUSSER,
  type AfgoerelseStatus,
  erDato,
  erStatus,
  type Indplaceringsniveau,
  kanSkifte,
  naesteVurdering,
  type Overgangsperiode,
  STATUS_OVERGANGE,
} from "../../engine/index.js";
import { kladdeFelt, valgFra } from "../batch-stroem.js";
import { tjekAdgangTilIndplacering, udenPersonale } from "../ejerskab.js";
import { erObjekt, kunFelter, objektKrop, versionsnummer } from "../forespoergsel.js";
import { type Detalje, detalje, HttpError } from "../http-error.js";
import { afgoerelsensResultat, indplacerEn } from "../indplacering.js";
import type { Kontekst } from "../kontekst.js";
import { kraevRolle, noegleFor } from "../middleware/adgang.js";
import { egetTilsyn } from "../organisation.js";
import { hentIndplacering, UUID_PATTERN } from "../store/indplaceringer.js";
import { haendelserFor, hentAfgoerelse, hentTilbud, opretAfgoerelse, tilfoejHaendelse } from "../store/tilbud.js";
import { idag, tilbudIdParam } from "./tilbud.js";

const NIVEAUER = ["let", "moderat", "hoej"];
const tekst = (v: unknown, max = 2000): v is string =>
  typeof v === "string" && v.trim() !== "" && v.length <= max && !v.includes("\u0000");

function overgangFra(v: unknown, gyldigFra: string, fejl: Detalje[]): Overgangsperiode[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 20) {
    fejl.push(detalje(["overgang"], "Skal være en liste med højst 20 overgangsperioder."));
    return [];
  }
  const ud: Overgangsperiode[] = [];
  v.forEach((o, i) => {
    const sti = ["overgang", i];
    if (!erObjekt(o)) return fejl.push(detalje(sti, "Skal være et objekt med parameter, niveau, til og begrundelse."));
    const foer = fejl.length;
    for (const k of Object.keys(o)) {
      if (!["parameter", "niveau", "fra", "til", "begrundelse"].includes(k))
        fejl.push(detalje([...sti, k], `Feltet '${k}' er ukendt her.`));
    }
    if (typeof o.parameter !== "string" || !/^[a-z][A-Za-z0-9]*$/.test(o.parameter)) {
      fejl.push(detalje([...sti, "parameter"], "Skal være en parameters id, fx 'uddannelse'."));
    }
    if (typeof o.niveau !== "string" || !NIVEAUER.includes(o.niveau)) {
      fejl.push(detalje([...sti, "niveau"], "Det niveau, parameteren beholder: let, moderat eller hoej."));
    }
    if (o.fra !== undefined && !erDato(o.fra)) fejl.push(detalje([...sti, "fra"], "Skal være en dato som 2026-03-31."));
    const fra = erDato(o.fra) ? o.fra : gyldigFra;
    if (erDato(o.fra) && o.fra < gyldigFra) {
      fejl.push(detalje([...sti, "fra"], `Overgangsperioden kan ikke begynde før afgørelsen gælder (${gyldigFra}).`));
    }
    if (!erDato(o.til)) fejl.push(detalje([...sti, "til"], "Skal være en dato som 2026-03-31."));
    else if (o.til <= fra) {
      fejl.push(detalje([...sti, "til"], `Overgangsperioden slutter (${o.til}), før den begynder (${fra}).`));
    }
    if (!tekst(o.begrundelse)) {
      fejl.push(detalje([...sti, "begrundelse"], "Skriv hvorfor parameteren beholder sit niveau (1–2000 tegn)."));
    }
    if (fejl.length === foer) ud.push(o as unknown as Overgangsperiode);
  });
  return ud;
}

export function afgoerelseRoutes(ctx: Kontekst): Router {
  const r = Router();

  r.post("/tilbud/:id/afgoerelser", ctx.kraev("tilsyn"), async (req, res) => {
    const n = noegleFor(res);
    const id = tilbudIdParam(req);
    const krop = objektKrop(req);
    kunFelter(krop, [
      "vurderingsgrundlag",
      "indplaceringId",
      "afdeling",
      "gyldigFra",
      "status",
      "overgang",
      "begrundelse",
      "version",
      "kladde",
    ]);
    const tilbud = await hentTilbud(ctx.db, id, egetTilsyn(n));
    if (!tilbud) {
      throw new HttpError(404, "IKKE_FUNDET", `Der er intet tilbud med id '${id}'.`, [
        detalje(["tilbud"], `Tilbuddet '${id}' findes ikke (eller hører til et andet socialtilsyn).`),
      ]);
    }
    const fejl: Detalje[] = [];
    const harInput = krop.vurderingsgrundlag !== undefined;
    if (harInput === (krop.indplaceringId !== undefined)) {
      fejl.push(
        detalje(["vurderingsgrundlag"], "Send enten 'vurderingsgrundlag' (ny indplacering) eller 'indplaceringId'."),
      );
    }
    let afdeling: (typeof tilbud.afdelinger)[number] | undefined;
    if (krop.afdeling !== undefined) {
      afdeling = tilbud.afdelinger.find((a) => a.id === krop.afdeling);
      if (!afdeling) {
        fejl.push(
          detalje(
            ["afdeling"],
            `Afdelingen '${String(krop.afdeling)}' hører ikke til tilbuddet '${id}'. Dets afdelinger: ${
              tilbud.afdelinger.map((a) => a.id).join(", ") || "ingen"
            }.`,
          ),
        );
      }
    }
    const gyldigFra = krop.gyldigFra ?? idag();
    if (!erDato(gyldigFra)) fejl.push(detalje(["gyldigFra"], "Skal være en dato som 2026-03-31."));
    const status = krop.status ?? "truffet";
    if (status !== "kladde" && status !== "truffet") {
      fejl.push(
        detalje(
          ["status"],
          "En ny afgørelse er 'kladde' eller 'truffet'; klage sættes med POST /afgoerelser/{id}/status.",
        ),
      );
    }
    if (krop.begrundelse !== undefined && !tekst(krop.begrundelse)) {
      fejl.push(detalje(["begrundelse"], "Skal være en tekst på 1–2000 tegn."));
    }
    const overgang = overgangFra(krop.overgang, erDato(gyldigFra) ? gyldigFra : "0000-00-00", fejl);
    const valg = valgFra(versionsnummer(krop.version, "version", "krop"), kladdeFelt(krop.kladde));
    if (valg.kladde) kraevRolle(res, "forfatter", "En afgørelse efter kladden");

    // The decision's input: posted now, or stored before (then it must be this organisation's, and unlinked).
    let input: unknown = krop.vurderingsgrundlag;
    if (!harInput && krop.indplaceringId !== undefined) {
      const lagret =
        typeof krop.indplaceringId === "string" && UUID_PATTERN.test(krop.indplaceringId)
          ? await hentIndplacering(ctx.db, krop.indplaceringId)
          : undefined;
      if (!lagret) fejl.push(detalje(["indplaceringId"], "Der er ingen indplacering med det id."));
      else {
        await tjekAdgangTilIndplacering(ctx.db, n, lagret.id, lagret.noegle, "indplaceringId");
        if (await hentAfgoerelse(ctx.db, lagret.id)) {
          throw new HttpError(409, "ALLEREDE_KNYTTET", "Indplaceringen hører allerede til et tilbud.", [
            detalje(["indplaceringId"], "En afgørelse knyttes til ét tilbud, én gang."),
          ]);
        }
        input = lagret.vurderingsgrundlag;
      }
    }
    const vg = erObjekt(input) ? input : undefined;
    const leverandoer = vg && erObjekt(vg.leverandoer) ? vg.leverandoer : undefined;
    const maalgruppe = typeof vg?.maalgruppe === "string" ? vg.maalgruppe : undefined;
    if (vg) {
      const sti = harInput ? ["vurderingsgrundlag"] : ["indplaceringId"];
      if (leverandoer && leverandoer.id !== id) {
        fejl.push(detalje([...sti, "leverandoer", "id"], `Skal være tilbuddets id '${id}'.`));
      }
      if (afdeling && leverandoer?.afdeling !== undefined && leverandoer.afdeling !== afdeling.id) {
        fejl.push(
          detalje([...sti, "leverandoer", "afdeling"], `Skal være afdelingens id '${afdeling.id}' eller udelades.`),
        );
      }
      if (maalgruppe !== undefined) {
        if (afdeling && afdeling.maalgruppe !== maalgruppe) {
          fejl.push(
            detalje([...sti, "maalgruppe"], `Afdelingen '${afdeling.id}' har målgruppen '${afdeling.maalgruppe}'.`),
          );
        } else if (!afdeling && !tilbud.maalgrupper.includes(maalgruppe)) {
          fejl.push(
            detalje(
              [...sti, "maalgruppe"],
              `Tilbuddet har målgrupperne ${tilbud.maalgrupper.join(", ") || "(ingen)"}.`,
            ),
          );
        }
      }
    }
    // Grace periods name the regelsæt's parameters.
    const kilde =
      maalgruppe === undefined
        ? undefined
        : valg.kladde
          ? await ctx.cache.kladde(ctx.db, maalgruppe)
          : await ctx.cache.version(ctx.db, maalgruppe, valg.version);
    if (kilde) {
      const ids = new Set(kilde.forberedt.regelsaet.parametre.map((p) => p.id));
      overgang.forEach((o, i) => {
        if (!ids.has(o.parameter)) {
          fejl.push(detalje(["overgang", i, "parameter"], `Regelsættet har ingen parameter '${o.parameter}'.`));
        }
      });
    }
    if (fejl.length > 0) throw new HttpError(422, "UGYLDIG_AFGOERELSE", "Afgørelsen kan ikke registreres.", fejl);

    let indplaceringId: string;
    let resultat: { niveau: Indplaceringsniveau } & Record<string, unknown>;
    if (harInput) {
      // Validates the input (422, nothing stored) before it stores the decision.
      const { id: nyId, json } = await indplacerEn(ctx.db, ctx.cache, input, valg, n, ctx.beregner);
      indplaceringId = nyId;
      resultat = JSON.parse(json.toString("utf8"));
    } else {
      const lagret = await hentIndplacering(ctx.db, krop.indplaceringId as string);
      if (!lagret) throw new HttpError(404, "IKKE_FUNDET", "Der er ingen indplacering med det id.");
      indplaceringId = lagret.id;
      const gemt = await afgoerelsensResultat(ctx.db, ctx.cache, lagret, req.log, String(req.id));
      resultat = { id: lagret.id, ...(gemt as { niveau: Indplaceringsniveau }) };
    }
    const naeste = naesteVurdering(kilde?.forberedt.regelsaet ?? {}, resultat.niveau, gyldigFra as string, overgang);
    await opretAfgoerelse(ctx.db, {
      indplaceringId,
      tilbudId: id,
      afdelingId: afdeling?.id ?? null,
      maalgruppe: maalgruppe as string,
      niveau: resultat.niveau,
      gyldigFra: gyldigFra as string,
      naesteVurdering: naeste,
      overgang,
      status: status as "kladde" | "truffet",
      begrundelse: (krop.begrundelse as string | undefined)?.trim() ?? "Afgørelse registreret.",
      noegle: n.navn,
    });
    res
      .status(201)
      .location(`/api/v1/afgoerelser/${indplaceringId}`)
      .json({
        afgoerelse: await afgoerelseSvar(ctx, indplaceringId),
        indplacering: resultat,
      });
  });

  r.get("/afgoerelser/:id", ctx.kraev("tilsyn"), async (req, res) => {
    const id = String(req.params.id);
    const lagret = UUID_PATTERN.test(id) ? await hentIndplacering(ctx.db, id) : undefined;
    if (!lagret)
      throw new HttpError(404, "IKKE_FUNDET", "Der er ingen afgørelse med det id.", [detalje(["id"], "Ukendt.")]);
    const { egne } = await tjekAdgangTilIndplacering(ctx.db, noegleFor(res), id, lagret.noegle);
    const svar = await afgoerelseSvar(ctx, id);
    res.json({
      ...svar,
      regelsaet: { maalgruppe: lagret.maalgruppe, version: lagret.version, hash: lagret.hash, kladde: lagret.kladde },
      niveau: lagret.niveau,
      vurderingsgrundlag: egne ? lagret.vurderingsgrundlag : udenPersonale(lagret.vurderingsgrundlag),
    });
  });

  r.post("/afgoerelser/:id/status", ctx.kraev("tilsyn"), async (req, res) => {
    const n = noegleFor(res);
    const id = String(req.params.id);
    const lagret = UUID_PATTERN.test(id) ? await hentIndplacering(ctx.db, id) : undefined;
    if (!lagret)
      throw new HttpError(404, "IKKE_FUNDET", "Der er ingen afgørelse med det id.", [detalje(["id"], "Ukendt.")]);
    await tjekAdgangTilIndplacering(ctx.db, n, id, lagret.noegle);
    const krop = objektKrop(req);
    kunFelter(krop, ["status", "begrundelse", "nyAfgoerelse"]);
    const fejl: Detalje[] = [];
    if (!erStatus(krop.status)) {
      fejl.push(detalje(["status"], `Skal være en af: ${AFGOERELSE_STATUSSER.join(", ")}.`));
    }
    if (!tekst(krop.begrundelse)) fejl.push(detalje(["begrundelse"], "Skriv hvorfor (1–2000 tegn)."));
    if (krop.status === "aendret") {
      if (typeof krop.nyAfgoerelse !== "string" || !UUID_PATTERN.test(krop.nyAfgoerelse)) {
        fejl.push(detalje(["nyAfgoerelse"], "Id på den nye afgørelse, som klagen førte til."));
      }
    } else if (krop.nyAfgoerelse !== undefined) {
      fejl.push(detalje(["nyAfgoerelse"], "Kun når klagen ændrer afgørelsen (status 'aendret')."));
    }
    if (fejl.length > 0) throw new HttpError(422, "UGYLDIG_STATUS", "Statusskiftet kan ikke registreres.", fejl);
    const til = krop.status as AfgoerelseStatus;
    const detaljer: Record<string, unknown> =
      til === "aendret"
        ? { udfald: "aendret", nyAfgoerelse: krop.nyAfgoerelse }
        : til === "afgjort"
          ? { udfald: "stadfaestet" }
          : {};
    await tilfoejHaendelse(
      ctx.db,
      id,
      async (a, tx) => {
        if (!kanSkifte(a.status, til)) {
          const mulige = STATUS_OVERGANGE[a.status];
          throw new HttpError(409, "UGYLDIGT_STATUSSKIFT", `Afgørelsen er '${a.status}' og kan ikke blive '${til}'.`, [
            detalje(
              ["status"],
              mulige.length > 0
                ? `Fra '${a.status}' kan den kun blive: ${mulige.join(", ")}.`
                : `'${a.status}' er endelig; en ny vurdering er en ny afgørelse.`,
            ),
          ]);
        }
        if (til !== "aendret") return;
        const ny = await hentAfgoerelse(tx, krop.nyAfgoerelse as string);
        if (
          !ny ||
          ny.indplaceringId === a.indplaceringId ||
          ny.tilbudId !== a.tilbudId ||
          ny.afdelingId !== a.afdelingId ||
          ny.maalgruppe !== a.maalgruppe
        ) {
          throw new HttpError(422, "UGYLDIG_STATUS", "Den nye afgørelse passer ikke.", [
            detalje(
              ["nyAfgoerelse"],
              "Skal være en anden afgørelse for samme tilbud, afdeling og målgruppe (registrér den først).",
            ),
          ]);
        }
      },
      { status: til, begrundelse: (krop.begrundelse as string).trim(), detaljer, noegle: n.navn },
    ).catch((e) => {
      if (e instanceof HttpError && e.status === 404) {
        throw new HttpError(409, "IKKE_KNYTTET", "Indplaceringen hører ikke til et tilbud.", [
          detalje(["id"], "Knyt den til et tilbud først (POST /tilbud/{id}/afgoerelser med 'indplaceringId')."),
        ]);
      }
      throw e;
    });
    res.json(await afgoerelseSvar(ctx, id));
  });

  return r;
}

/** A decision's lifecycle; a stored decision without a tilbud is 'truffet' and belongs to none. */
async function afgoerelseSvar(ctx: Kontekst, id: string) {
  const a = await hentAfgoerelse(ctx.db, id);
  if (!a) return { id, status: "truffet", tilbud: null, afdeling: null, haendelser: [] };
  const h = (await haendelserFor(ctx.db, [id])).get(id) ?? [];
  return {
    id,
    status: a.status,
    tilbud: { id: a.tilbudId, navn: a.tilbudNavn, socialtilsyn: a.socialtilsyn },
    afdeling: a.afdelingId,
    maalgruppe: a.maalgruppe,
    gyldigFra: a.gyldigFra,
    naesteVurdering: a.naesteVurdering,
    overgang: a.overgang,
    haendelser: h,
  };
}
