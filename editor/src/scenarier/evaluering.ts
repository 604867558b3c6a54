// Runs scenario work in a worker with progress and cancellation. One worker per run: cancelling
// ends it at once, whatever it was doing.
import type { Problem } from "../../../engine/index.js";
import EvalueringsWorker from "./evaluering.worker.js?worker";
import type { Besked, Opgave, Resultat } from "./protokol.js";

export class BeregningsFejl extends Error {
  constructor(
    message: string,
    readonly detaljer: Problem[],
  ) {
    super(message);
    this.name = "BeregningsFejl";
  }
}

export function koer<O extends Opgave>(
  opgave: O,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (faerdige: number, ialt: number) => void } = {},
): Promise<Resultat<O["type"]>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("Afbrudt", "AbortError"));
      return;
    }
    const w = new EvalueringsWorker({ name: `scenarier-${opgave.type}` });
    const afbryd = () => {
      w.terminate();
      reject(new DOMException("Afbrudt", "AbortError"));
    };
    signal?.addEventListener("abort", afbryd, { once: true });
    const slut = () => {
      signal?.removeEventListener("abort", afbryd);
      w.terminate();
    };
    w.onmessage = (e: MessageEvent<Besked>) => {
      const b = e.data;
      if (b.type === "fremdrift") onProgress?.(b.faerdige, b.ialt);
      else if (b.type === "resultat") {
        slut();
        resolve(b.data as Resultat<O["type"]>);
      } else {
        slut();
        reject(new BeregningsFejl(b.besked, b.detaljer));
      }
    };
    w.onerror = (e) => {
      slut();
      reject(new Error(e.message || "Beregningen fejlede."));
    };
    w.postMessage(opgave);
  });
}
