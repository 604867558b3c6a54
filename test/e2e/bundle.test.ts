// The built editor's scenario worker runs the compiled evaluator only: it must carry no
// json-rules-engine (the oracle's library, about 80 kB minified). The build itself fails on it
// (editor/vite/bundle-stoerrelse.ts); this reads the built file, so a build made some other way
// is checked too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { JSON_RULES_ENGINE_SPOR, jsonRulesEngineSpor, SCENARIE_WORKER } from "../../editor/vite/bundle-stoerrelse.js";
import { byggEditorHvisForaeldet, ROD } from "./bygning.js";

const ASSETS = join(ROD, "dist", "editor", "assets");

describe("the editor bundle", () => {
  beforeAll(() => {
    byggEditorHvisForaeldet({ stille: true });
  }, 300_000);

  it("recognises json-rules-engine by traces its own code contains", () => {
    const dist = join(ROD, "node_modules", "json-rules-engine", "dist");
    const kode = readdirSync(dist)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(dist, f), "utf8"))
      .join("\n");
    expect(jsonRulesEngineSpor(kode)).toEqual(JSON_RULES_ENGINE_SPOR);
  });

  it("has one scenario worker, and it contains no json-rules-engine", () => {
    const workere = readdirSync(ASSETS).filter((f) => SCENARIE_WORKER.test(`assets/${f}`));
    expect(workere).toHaveLength(1);
    const kode = readFileSync(join(ASSETS, workere[0] as string), "utf8");
    expect(kode.length).toBeGreaterThan(10_000);
    expect(jsonRulesEngineSpor(kode)).toEqual([]);
  });
});
