// The audit log for admins: who changed what and when, newest first, filtered by time, key,
// målgruppe and kind of change, paged with a cursor (`foer`, the last id of the previous page).
import { Router } from "express";
import { MAALGRUPPE_ID } from "../../engine/index.js";
import { type Detalje, HttpError } from "../http-error.js";
import type { Kontekst } from "../kontekst.js";
import { AUDIT_HANDLINGER, type AuditFilter, listAudit } from "../store/audit.js";
import { NOEGLE_NAVN_PATTERN } from "../store/noegler.js";

const STANDARD_GRAENSE = 100;
const MAX_GRAENSE = 1000;
const FELTER = ["fra", "til", "noegle", "maalgruppe", "handling", "foer", "graense"];
// ISO 8601 with a time zone, e.g. 2026-12-04T15:00:00Z or 2026-12-04T16:00:00+01:00, or a date.
const TIDSPUNKT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function filterFra(query: Record<string, unknown>): AuditFilter {
  const fejl: Detalje[] = [];
  const f: AuditFilter = { graense: STANDARD_GRAENSE };
  for (const [k, v] of Object.entries(query)) {
    if (!FELTER.includes(k)) {
      fejl.push({ path: k, message: `Ukendt parameter. Tilladte: ${FELTER.join(", ")}.` });
      continue;
    }
    if (typeof v !== "string") {
      fejl.push({ path: k, message: "Angiv parameteren én gang." });
      continue;
    }
    if (k === "fra" || k === "til") {
      if (TIDSPUNKT.test(v) && !Number.isNaN(Date.parse(v))) f[k] = new Date(v).toISOString();
      else fejl.push({ path: k, message: "Skal være et tidspunkt i ISO 8601, fx 2026-12-04T15:00:00Z." });
    } else if (k === "noegle") {
      if (NOEGLE_NAVN_PATTERN.test(v)) f.noegle = v;
      else fejl.push({ path: k, message: "Ikke et nøglenavn." });
    } else if (k === "maalgruppe") {
      if (MAALGRUPPE_ID.test(v)) f.maalgruppe = v;
      else fejl.push({ path: k, message: "Ikke et målgruppe-id." });
    } else if (k === "handling") {
      if ((AUDIT_HANDLINGER as readonly string[]).includes(v)) f.handling = v;
      else fejl.push({ path: k, message: `Skal være en af: ${AUDIT_HANDLINGER.join(", ")}.` });
    } else {
      const n = /^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : Number.NaN;
      const max = k === "graense" ? MAX_GRAENSE : 2_147_483_647;
      if (Number.isInteger(n) && n <= max) f[k as "foer" | "graense"] = n;
      else fejl.push({ path: k, message: `Skal være et helt tal fra 1 til ${max}.` });
    }
  }
  if (fejl.length > 0) throw new HttpError(400, "UGYLDIG_FORESPOERGSEL", "Ugyldige parametre.", fejl);
  return f;
}

export function auditRoutes(ctx: Kontekst): Router {
  const r = Router();
  r.get("/audit", ctx.kraev("admin"), async (req, res) => {
    const filter = filterFra(req.query as Record<string, unknown>);
    const graense = filter.graense ?? STANDARD_GRAENSE;
    // One more than asked tells whether there is a next page.
    const poster = await listAudit(ctx.db, { ...filter, graense: graense + 1 });
    const side = poster.slice(0, graense);
    const sidste = side.at(-1);
    res.json({ poster: side, naeste: poster.length > graense && sidste ? sidste.id : null });
  });
  return r;
}
