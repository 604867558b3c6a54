// Where the HTTP thread has a decision evaluated: in the evaluation thread (api/beregning/traad.ts)
// when the machine has a core for it (beregnerFor), otherwise in process — the same function either way
// (beregnIndplacering), so the answer and the stored hash are byte for byte the same.
// The thread is shared by every app in the process (it holds nothing but prepared regelsæt, by
// hash), started on first use, and keeps the process alive only while answers are due. If it
// stops, the calls waiting on it fail (500) and the next call starts a new one.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ForberedtRegelsaet, Vurderingsgrundlag } from "../../engine/index.js";
import { type Beregning, beregnIndplacering, type Meta } from "./indplacering.js";
import type { Besked, Svar } from "./traad.js";

// Run from the sources (tests, `tsx`), the thread needs tsx's loader for its TypeScript.
const KILDE = new URL(import.meta.url.endsWith(".ts") ? "./traad.kilde.mjs" : "./traad.js", import.meta.url);

export interface Beregner {
  indplacer(f: ForberedtRegelsaet, input: Vurderingsgrundlag, meta: Meta): Promise<Beregning>;
}

/** In process: for a machine with one core, and for comparison in the benchmark. */
export const iProcess: Beregner = {
  indplacer: async (f, input, meta) => beregnIndplacering(f, input, meta),
};

interface Ventende {
  besked: Besked;
  f: ForberedtRegelsaet;
  ok: (b: Beregning) => void;
  fejl: (e: Error) => void;
}

export class BeregningsTraad implements Beregner {
  private traad: Worker | undefined;
  private naesteId = 1;
  private readonly ventende = new Map<number, Ventende>();

  private start(): Worker {
    // None of the process's Node options: a thread refuses some (`--max-semi-space-size`, `-e`'s `--input-type`).
    const traad = new Worker(KILDE, { execArgv: [] });
    traad.unref();
    traad.on("message", (s: Svar) => this.svar(s));
    const stop = (e: Error) => {
      if (this.traad !== traad) return;
      this.traad = undefined;
      this.afvisVentende(e);
    };
    traad.on("error", (e: Error) => stop(new Error(`API: the evaluation thread failed: ${e.message}`)));
    traad.on("exit", (kode) => stop(new Error(`API: the evaluation thread has stopped (exit ${kode})`)));
    return traad;
  }

  private afvisVentende(e: Error): void {
    for (const v of this.ventende.values()) v.fejl(e);
    this.ventende.clear();
  }

  private svar(s: Svar): void {
    const v = this.ventende.get(s.id);
    if (!v) return;
    if ("mangler" in s) {
      // The thread has not prepared this regelsæt (or has dropped it): the same question with it.
      try {
        this.send({ ...v.besked, regelsaet: v.f.regelsaet });
        return;
      } catch (e) {
        s = { id: s.id, fejl: `the regelsæt could not be sent: ${(e as Error).message}` };
      }
    }
    this.ventende.delete(s.id);
    if (this.ventende.size === 0) this.traad?.unref();
    if ("fejl" in s) v.fejl(new Error(`API: evaluation failed in the evaluation thread: ${s.fejl}`));
    else v.ok(s.beregning);
  }

  private send(b: Besked): void {
    this.traad ??= this.start();
    this.traad.postMessage(b);
  }

  indplacer(f: ForberedtRegelsaet, input: Vurderingsgrundlag, meta: Meta): Promise<Beregning> {
    const besked: Besked = { id: this.naesteId++, hash: f.hash, input, meta };
    return new Promise((ok, fejl) => {
      try {
        this.send(besked);
      } catch (e) {
        fejl(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      if (this.ventende.size === 0) this.traad?.ref();
      this.ventende.set(besked.id, { besked, f, ok, fejl });
    });
  }

  /** Ends the thread; calls still waiting fail, and a later call starts a new thread. */
  async close(): Promise<void> {
    const t = this.traad;
    this.traad = undefined;
    this.afvisVentende(new Error("API: the evaluation thread was closed"));
    if (t) await t.terminate();
  }
}

let traad: BeregningsTraad | undefined;

/**
 * The evaluator for an app: the process's evaluation thread when the machine has a core for it
 * beside the HTTP thread and the process's other busy threads (`andreTraade`: 1 for the embedded
 * database's thread), otherwise in process. On 2 cores with the embedded database the bench
 * measured −2 % to +19 % decisions per second with the thread and a p99 1–5 ms higher: a third
 * busy thread takes turns on the same two cores; with PostgreSQL +25–28 % (bench/RESULTATER.md).
 * INDPLACERING_TRAAD=1 or 0 decides it outright.
 */
export function beregnerFor(andreTraade: number): Beregner {
  const valg = process.env.INDPLACERING_TRAAD;
  const medTraad = valg === "1" || (valg !== "0" && availableParallelism() >= 2 + andreTraade);
  if (!medTraad) return iProcess;
  traad ??= new BeregningsTraad();
  return traad;
}
