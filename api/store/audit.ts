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

export async function listAudit(db: Forespoergsel, graense = 1000): Promise<AuditRaekke[]> {
  const { rows } = await db.query<Omit<AuditRaekke, "detaljer" | "tidspunkt"> & { tidspunkt: Date; detaljer: string }>(
    "SELECT id, tidspunkt, noegle, handling, maalgruppe, version, detaljer FROM audit_log ORDER BY id DESC LIMIT $1",
    [graense],
  );
  return rows.map((r) => ({ ...r, tidspunkt: iso(r.tidspunkt), detaljer: JSON.parse(r.detaljer) }));
}

/** Both drivers return timestamptz as Date; the API speaks ISO 8601. */
export function iso(d: Date | string): string {
  return new Date(d).toISOString();
}
