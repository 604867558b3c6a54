// The scenario view's worker: evaluations run here so the page stays responsive, and a
// cancelled run is stopped by ending the worker.
import { EngineError } from "../../../engine/index.js";
import { enkeltvis, foelsomhed, graensetilfaelde, type Styring, sammenlign } from "./beregning.js";
import type { Besked, Opgave } from "./protokol.js";

const send = (b: Besked) => postMessage(b);

addEventListener("message", async (e: MessageEvent<Opgave>) => {
  const o = e.data;
  const s: Styring = {
    signal: { aborted: false },
    onProgress: (faerdige, ialt) => send({ type: "fremdrift", faerdige, ialt }),
  };
  try {
    let data: unknown;
    if (o.type === "sammenlign") data = await sammenlign(o.regelsaet, o.scenarier, o.leverandoerer, s);
    else if (o.type === "foelsomhed")
      data = await foelsomhed(o.regelsaet, o.aendringer, o.taerskel, o.vaerdier, o.leverandoerer, s);
    else if (o.type === "enkeltvis") data = await enkeltvis(o.regelsaet, o.scenarier, o.leverandoerer, s);
    else data = await graensetilfaelde(o.regelsaet, o.aendringer, o.leverandoerer, s);
    send({ type: "resultat", data });
  } catch (err) {
    if (!(err instanceof EngineError)) console.error(err);
    send({
      type: "fejl",
      besked: err instanceof Error ? err.message : String(err),
      detaljer: err instanceof EngineError ? err.detaljer : [],
    });
  }
});
