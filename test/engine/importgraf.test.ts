// The engine's import graph: the compiled production path (engine/indplacering/kompileret/) and
// the public index must not reach the json-rules-engine oracle (indplacering/jre.ts) or the
// json-rules-engine package, so that the browser's scenario worker carries none of it. Reads the
// static imports and re-exports of the source files, type-only ones included.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROD = fileURLToPath(new URL("../../", import.meta.url));
const ENGINE = join(ROD, "engine");
const JRE = join(ENGINE, "indplacering", "jre.ts");
const PAKKE = "json-rules-engine";

/** The import and export specifiers of one file. */
function specifikationer(fil: string): string[] {
  const kode = readFileSync(fil, "utf8");
  return [...kode.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gms)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

/** Every file and package reachable from `start`, with the path that first reached it. */
function naaet(start: string): Map<string, string[]> {
  const veje = new Map<string, string[]>([[start, [start]]]);
  const koe = [start];
  for (let fil = koe.shift(); fil !== undefined; fil = koe.shift()) {
    for (const s of specifikationer(fil)) {
      const maal = s.startsWith(".") ? resolve(dirname(fil), s.replace(/\.js$/, ".ts")) : s;
      if (veje.has(maal)) continue;
      veje.set(maal, [...(veje.get(fil) ?? []), maal]);
      if (s.startsWith(".")) koe.push(maal);
    }
  }
  return veje;
}

const vis = (vej: string[] | undefined) => (vej ?? []).map((f) => (f.startsWith("/") ? relative(ROD, f) : f));

describe("the engine's import graph", () => {
  const kompileret = join(ENGINE, "indplacering", "kompileret");
  const filer = readdirSync(kompileret)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(kompileret, f));

  it("finds the compiled files and follows imports (json-rules-engine is reached from the golden cases)", () => {
    expect(filer.length).toBeGreaterThanOrEqual(5);
    const fraTesttilfaelde = naaet(join(ENGINE, "testtilfaelde.ts"));
    expect(fraTesttilfaelde.has(JRE)).toBe(true);
    expect(fraTesttilfaelde.has(PAKKE)).toBe(true);
  });

  it.each(filer.map((f) => [relative(ROD, f), f]))("%s does not reach jre.ts or json-rules-engine", (_navn, fil) => {
    const veje = naaet(fil);
    expect(vis(veje.get(JRE))).toEqual([]);
    expect(vis(veje.get(PAKKE))).toEqual([]);
  });

  it("engine/index.ts does not reach jre.ts or json-rules-engine (the scenario worker imports it)", () => {
    const veje = naaet(join(ENGINE, "index.ts"));
    expect(vis(veje.get(JRE))).toEqual([]);
    expect(vis(veje.get(PAKKE))).toEqual([]);
  });
});
