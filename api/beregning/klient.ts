// Where the HTTP thread has a decision evaluated: in the evaluation thread (api/beregning/traad.ts)
// when the machine has a core for it (beregnerFor), otherwise in process — the same function either way
// (beregnIndplacering), so the answer and the stored hash are byte for byte the same.
// The thread is shared by every app in the process (it holds nothing but prepared regelsæt, by
// hash), started on first use, and keeps the process alive only while answers are due. If it
// stops, or does not answer within its time limit, the calls waiting on it fail (500) and the next
// call starts a new one.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ForberedtRegelsaet, Vurderingsgrundlag } from "../../engine/index.js";
import { traadValg } from "../konfiguration.js";
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
  /** When it was sent (performance.now()). */
  sendt: number;
}

export interface TraadValg {
  /** The thread's module (tests give one that misbehaves). */
  kilde?: URL;
  /**
   * Milliseconds a call may wait for its answer. One decision takes well under a millisecond, so
   * a call this old means the thread hangs: it is ended, its calls fail, the next starts a new one.
   */
  svarfristMs?: number;
}

/** Regelsæt hashes remembered as sent to the current thread; beyond this it may have dropped some. */
const HUSKET = 64;

export class BeregningsTraad implements Beregner {
  private traad: Worker | undefined;
  private vagt: ReturnType<typeof setInterval> | undefined;
  private naesteId = 1;
  private readonly ventende = new Map<number, Ventende>();
  /** The hashes whose regelsæt the current thread has been sent: sent with the first call, not after a `mangler`. */
  private readonly sendte = new Set<string>();
  private readonly kilde: URL;
  private readonly svarfristMs: number;

  constructor(valg: TraadValg = {}) {
    this.kilde = valg.kilde ?? KILDE;
    this.svarfristMs = valg.svarfristMs ?? 30_000;
  }

  private start(): Worker {
    // None of the process's Node options: a thread refuses some (`--max-semi-space-size`, `-e`'s `--input-type`).
    const traad = new Worker(this.kilde, { execArgv: [] });
    traad.unref();
    this.sendte.clear();
    traad.on("message", (s: Svar) => this.svar(s));
    traad.on("error", (e: Error) => this.stop(traad, new Error(`API: the evaluation thread failed: ${e.message}`)));
    traad.on("exit", (kode) => this.stop(traad, new Error(`API: the evaluation thread has stopped (exit ${kode})`)));
    // A message that cannot be read would leave its call waiting: end the thread instead.
    traad.on("messageerror", (e: Error) =>
      this.stop(traad, new Error(`API: an answer from the evaluation thread could not be read: ${e.message}`)),
    );
    // The oldest waiting call is the first in the map: one check a second covers them all.
    this.vagt = setInterval(
      () => {
        const aeldste = this.ventende.values().next().value;
        if (aeldste && performance.now() - aeldste.sendt > this.svarfristMs) {
          this.stop(traad, new Error(`API: the evaluation thread did not answer within ${this.svarfristMs} ms`));
        }
      },
      Math.min(1000, this.svarfristMs),
    ).unref();
    return traad;
  }

  /** The thread `traad` is done with (if it is still the current one): its calls fail, it is ended. */
  private stop(traad: Worker, e: Error): void {
    if (this.traad !== traad) return;
    this.traad = undefined;
    clearInterval(this.vagt);
    this.afvisVentende(e);
    void traad.terminate();
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
        // The first call with a regelsæt carries it, so that calls arriving together with a new
        // version (or after a restart) do not each wait for a `mangler` and send it again.
        const ny = this.traad === undefined || !this.sendte.has(f.hash);
        this.send(ny ? { ...besked, regelsaet: f.regelsaet } : besked);
        if (ny) {
          if (this.sendte.size >= HUSKET) this.sendte.clear();
          this.sendte.add(f.hash);
        }
      } catch (e) {
        fejl(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      if (this.ventende.size === 0) this.traad?.ref();
      this.ventende.set(besked.id, { besked, f, ok, fejl, sendt: performance.now() });
    });
  }

  /** Ends the thread; calls still waiting fail, and a later call starts a new thread. */
  async close(): Promise<void> {
    const t = this.traad;
    this.traad = undefined;
    clearInterval(this.vagt);
    this.afvisVentende(new Error("API: the evaluation thread was closed"));
    if (t) await t.terminate();
  }
}

let traad: BeregningsTraad | undefined;

/**
 * The evaluator for an app: the process's evaluation thread when the machine has a core for it
 * beside the HTTP thread and the process's other busy threads (`andreTraade`: 1 for the embedded
 * database's thread), otherwise in process. On 2 cores with the embedded database the bench
 * measured −3 % to +25 % decisions per second with the thread and a p99 1–5 ms higher: a third
 * busy thread takes turns on the same two cores; with PostgreSQL +0 % to +28 %, usually +20–28 %
 * (bench/RESULTATER.md, tenth and eleventh sessions). INDPLACERING_TRAAD=1 or 0 decides it outright
 * (checked at start-up: api/konfiguration.ts).
 */
export function beregnerFor(andreTraade: number): Beregner {
  const medTraad = traadValg(process.env.INDPLACERING_TRAAD) ?? availableParallelism() >= 2 + andreTraade;
  if (!medTraad) return iProcess;
  traad ??= new BeregningsTraad();
  return traad;
}
