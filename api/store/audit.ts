// The append-only audit log: one row per change, naming the key that made it. Written in the same
// transaction as the change, so a change is never without its entry (the table refuses updates
// and deletes; see 001_grundskema.sql).
import type { Forespoergsel } from "../db/database.js";

export interface AuditPost {
  noegle: string;
  handling:
    | "kladde.gemt"
    | "kladde.slettet"
    | "regelsaet.publiceret"
    | "regelsaet.indlaest"
    | "noegle.oprettet"
    | "noegle.tilbagekaldt"
    | "noegle.fornyet"
    | "scenarie.gemt"
    | "scenarie.slettet"
    | "tilbud.gemt"
    | "afgoerelse.oprettet"
    | "afgoerelse.status";
  maalgruppe?: string;
  version?: number;
  detaljer?: Record<string, unknown>;
}

export async function skrivAudit(tx: Forespoergsel, p: AuditPost): Promise<void> {
  await tx.query(
    "INSERT INTO audit_log (noegle, handling, maalgruppe, version, detaljer) VALUES ($1, $2, $3, $4, $5)",
    [p.noegle, p.handling, p.maalgruppe ?? null, p.version ?? null, JSON.stringify(p.detaljer ?? {})],
  );
}

export interface AuditRaekke {
  id: number;
  tidspunkt: string;
  noegle: string;
  handling: string;
  maalgruppe: string | null;
  version: number | null;
  detaljer: Record<string, unknown>;
}

export const AUDIT_HANDLINGER = [
  "kladde.gemt",
  "kladde.slettet",
  "regelsaet.publiceret",
  "regelsaet.indlaest",
  "noegle.oprettet",
  "noegle.tilbagekaldt",
  "noegle.fornyet",
  "scenarie.gemt",
  "scenarie.slettet",
  "tilbud.gemt",
  "afgoerelse.oprettet",
  "afgoerelse.status",
] as const satisfies readonly AuditPost["handling"][];

export interface AuditFilter {
  /** From this time (inclusive), ISO 8601. */
  fra?: string;
  /** Before this time (exclusive), ISO 8601. */
  til?: string;
  noegle?: string;
  maalgruppe?: string;
  handling?: string;
  /** Only entries with a smaller id (the cursor of the previous page). */
  foer?: number;
  graense?: number;
}

/** Newest first; filters combine with AND. Pages by id: pass the last id as `foer` for the next. */
export async function listAudit(db: Forespoergsel, f: AuditFilter | number = {}): Promise<AuditRaekke[]> {
  const filter = typeof f === "number" ? { graense: f } : f;
  const hvor: string[] = [];
  const param: unknown[] = [];
  const tilfoej = (sql: string, v: unknown) => {
    param.push(v);
    hvor.push(sql.replace("?", `$${param.length}`));
  };
  if (filter.fra !== undefined) tilfoej("tidspunkt >= ?::timestamptz", filter.fra);
  if (filter.til !== undefined) tilfoej("tidspunkt < ?::timestamptz", filter.til);
  if (filter.noegle !== undefined) tilfoej("noegle = ?", filter.noegle);
  if (filter.maalgruppe !== undefined) tilfoej("maalgruppe = ?", filter.maalgruppe);
  if (filter.handling !== undefined) tilfoej("handling = ?", filter.handling);
  if (filter.foer !== undefined) tilfoej("id < ?", filter.foer);
  param.push(filter.graense ?? 1000);
  const { rows } = await db.query<Omit<AuditRaekke, "detaljer" | "tidspunkt"> & { tidspunkt: Date; detaljer: string }>(
    `SELECT id, tidspunkt, noegle, handling, maalgruppe, version, detaljer FROM audit_log
     ${hvor.length > 0 ? `WHERE ${hvor.join(" AND ")}` : ""} ORDER BY id DESC LIMIT $${param.length}`,
    param,
  );
  return rows.map((r) => ({ ...r, tidspunkt: iso(r.tidspunkt), detaljer: JSON.parse(r.detaljer) }));
}

/** Both drivers return timestamptz as Date; the API speaks ISO 8601. */
export function iso(d: Date | string): string {
  return new Date(d).toISOString();
}
