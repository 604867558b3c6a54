// Reports the gzipped JavaScript the first view needs (the entry chunk and everything it imports
// statically) and fails the build when it exceeds the budget, so Monaco and the engine stay in
// lazily loaded chunks.
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

export function bundleStoerrelse(graenseKB: number): Plugin {
  return {
    name: "bundle-stoerrelse",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [navn, fil] of Object.entries(bundle)) {
        if (fil.type === "chunk") chunks.set(navn, fil as unknown as ChunkInfo);
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
