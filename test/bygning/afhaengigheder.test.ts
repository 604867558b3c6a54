// What the server and the operations commands import at run time must be in `dependencies`:
// production installs (`npm ci --omit=dev`) have nothing else. esbuild follows every static and
// literal dynamic import from the entry points (type-only imports vanish) and lists the packages.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { expect, it } from "vitest";
import { ROD } from "../../api/app.js";

const INDGANGE = ["api/main.ts", "scripts/noegle.ts", "scripts/backup.ts", "scripts/restore.ts"];
const pakke = JSON.parse(readFileSync(join(ROD, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** `@scope/name/sub.js` → `@scope/name`; `name/sub` → `name`. */
const pakkenavn = (s: string) =>
  s
    .split("/")
    .slice(0, s.startsWith("@") ? 2 : 1)
    .join("/");

it("serveren importerer kun produktionsafhængigheder", async () => {
  const resultat = await build({
    entryPoints: INDGANGE.map((f) => join(ROD, f)),
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    outdir: join(ROD, "dist", "tjek"),
    logLevel: "silent",
  });
  const pakker = new Set<string>();
  for (const input of Object.values(resultat.metafile.inputs))
    for (const i of input.imports) if (i.external && !i.path.startsWith("node:")) pakker.add(pakkenavn(i.path));
  const eksterne = [...pakker].filter((p) => !builtinModules.includes(p)).sort();
  expect(eksterne).toContain("express");
  expect(eksterne).toContain("@electric-sql/pglite");
  expect(eksterne.filter((p) => !(p in pakke.dependencies))).toEqual([]);
  // Bundled into the editor only: they belong in devDependencies.
  for (const p of ["react", "react-dom", "monaco-editor", "chart.js", "jsonc-parser"]) {
    expect(pakke.devDependencies[p], p).toBeDefined();
    expect(eksterne).not.toContain(p);
  }
});
