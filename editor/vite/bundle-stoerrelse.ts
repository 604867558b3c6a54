// Reports the gzipped JavaScript the first view needs (the entry chunk and everything it imports
// statically) and fails the build when it exceeds the budget, so Monaco and the engine stay in
// lazily loaded chunks. It also fails the build when the scenario worker carries json-rules-engine:
// the worker runs the compiled evaluator only, and json-rules-engine is the oracle's.
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

interface ChunkInfo {
  type: "chunk";
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** The scenario worker's file name in the build (test/e2e/bundle.test.ts reads it too). */
export const SCENARIE_WORKER = /(^|\/)evaluering\.worker-[^/]*\.js$/;

/** Error messages of json-rules-engine's Engine and Almanac, which minification keeps. */
export const JSON_RULES_ENGINE_SPOR = ["Engine: addRule() requires options", "Undefined fact: "];

/** The json-rules-engine traces found in some code. */
export const jsonRulesEngineSpor = (kode: string) => JSON_RULES_ENGINE_SPOR.filter((s) => kode.includes(s));

export function bundleStoerrelse(graenseKB: number): Plugin {
  return {
    name: "bundle-stoerrelse",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [navn, fil] of Object.entries(bundle)) {
        if (fil.type === "chunk") chunks.set(navn, fil as unknown as ChunkInfo);
        if (!SCENARIE_WORKER.test(fil.fileName)) continue;
        const kode = fil.type === "chunk" ? fil.code : String(fil.source);
        const spor = jsonRulesEngineSpor(kode);
        if (spor.length > 0) {
          this.error(`Scenarie-workeren ${fil.fileName} indeholder json-rules-engine (${spor.join(", ")}).`);
        }
        this.info(`Scenarie-worker uden json-rules-engine: ${fil.fileName} (${kB(kode.length)})`);
      }
      const gz = (c: ChunkInfo) => gzipSync(c.code, { level: 9 }).length;
      const foerste = new Set<string>();
      const besoeg = (navn: string) => {
        if (foerste.has(navn)) return;
        const c = chunks.get(navn);
        if (!c) return;
        foerste.add(navn);
        for (const i of c.imports) besoeg(i);
      };
      for (const [navn, c] of chunks) if (c.isEntry) besoeg(navn);

      let initial = 0;
      const linjer: string[] = [];
      for (const navn of foerste) {
        const c = chunks.get(navn);
        if (!c) continue;
        const g = gz(c);
        initial += g;
        linjer.push(`  ${c.fileName.padEnd(48)} ${kB(g).padStart(10)}`);
      }
      const sorteret = [...chunks]
        .filter(([navn]) => !foerste.has(navn))
        .map(([, c]) => ({ navn: c.fileName, g: gz(c) }))
        .sort((a, b) => b.g - a.g);
      const lazy = sorteret.reduce((sum, x) => sum + x.g, 0);
      const rapport = [
        "",
        "Bundlestørrelse (gzip):",
        "Første visning (indgang + statiske importer):",
        ...linjer,
        `  I alt før Monaco: ${kB(initial)} (grænse ${graenseKB} kB)`,
        "Største dovent indlæste bidder:",
        ...sorteret.slice(0, 8).map((x) => `  ${x.navn.padEnd(48)} ${kB(x.g).padStart(10)}`),
        `  I alt dovent indlæst: ${kB(lazy)}`,
        "",
      ].join("\n");
      this.info(rapport);
      if (initial > graenseKB * 1024) {
        this.error(`Første visning kræver ${kB(initial)} gzip JavaScript; grænsen er ${graenseKB} kB.`);
      }
    },
  };
}
