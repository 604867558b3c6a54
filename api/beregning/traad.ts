// The evaluation thread: a decision's CPU work (api/beregning/indplacering.ts) off the thread that
// serves HTTP, so that one process uses a second core for evaluation, explanation, canonical JSON
// and hashing while the HTTP thread parses, checks keys, stores and answers.
// Messages in: {id, hash, regelsaet?, input, meta}. The thread keeps the regelsæt it has prepared
// by hash (the last 64); a message naming a hash it does not have is answered {id, mangler} and
// sent again with the regelsæt. Out: {id, beregning} (the result's bytes transferred, not copied),
// {id, mangler: true} or {id, fejl} for a failure that is not the input's.
import { parentPort } from "node:worker_threads";
import { type ForberedtRegelsaet, forbered, type Regelsaet, type Vurderingsgrundlag } from "../../engine/index.js";
import { type Beregning, beregnIndplacering, egetLager, type Meta } from "./indplacering.js";

export interface Besked {
  id: number;
  hash: string;
  /** Sent only after the thread answered `mangler` for this hash. */
  regelsaet?: Regelsaet;
  input: Vurderingsgrundlag;
  meta: Meta;
}

export type Svar = { id: number; beregning: Beregning } | { id: number; mangler: true } | { id: number; fejl: string };

/** Prepared regelsæt kept, by hash (least recently used dropped first). */
const STOERRELSE = 64;

const port = parentPort;
if (!port) throw new Error("API: the evaluation thread must run in a worker thread");
const forberedte = new Map<string, ForberedtRegelsaet>();

function hent(b: Besked): ForberedtRegelsaet | undefined {
  const fundet = forberedte.get(b.hash);
  if (fundet) {
    forberedte.delete(b.hash);
    forberedte.set(b.hash, fundet);
    return fundet;
  }
  if (!b.regelsaet) return undefined;
  const f = forbered(b.regelsaet);
  // The HTTP thread checked the stored content against its hash; a difference here is a bug.
  if (f.hash !== b.hash) throw new Error(`API: the regelsæt sent as ${b.hash} hashes to ${f.hash}`);
  forberedte.set(b.hash, f);
  if (forberedte.size > STOERRELSE) {
    const aeldste = forberedte.keys().next().value;
    if (aeldste !== undefined) forberedte.delete(aeldste);
  }
  return f;
}

port.on("message", (b: Besked) => {
  let svar: Svar;
  try {
    const f = hent(b);
    svar = f ? { id: b.id, beregning: beregnIndplacering(f, b.input, b.meta) } : { id: b.id, mangler: true };
  } catch (e) {
    svar = { id: b.id, fejl: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  const ok = "beregning" in svar && "ok" in svar.beregning ? svar.beregning.ok : undefined;
  if (ok) ok.bytes = egetLager(ok.bytes);
  port.postMessage(svar, ok ? [ok.bytes.buffer as ArrayBuffer] : []);
});
