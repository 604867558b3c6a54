// `npm run typecheck` (tsc -b over the root tsconfig's references) checks every TypeScript and
// plain-JavaScript module in the repository: each is in exactly one referenced project's files,
// so a new folder (or the engine's new layout) cannot slip past the compiler unnoticed.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "jsonc-parser";
import { expect, it } from "vitest";
import { ROD } from "../../api/app.js";

const UDEN_FOR = new Set(["node_modules", "dist", "data", "coverage", "test-results", "tmp"]);
const KILDE = /\.(ts|tsx|mts|mjs)$/;

function kildefiler(mappe: string): string[] {
  return readdirSync(mappe, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith(".") || UDEN_FOR.has(e.name)) return [];
    const sti = join(mappe, e.name);
    if (e.isDirectory()) return kildefiler(sti);
    return KILDE.test(e.name) && !e.name.endsWith(".d.ts") ? [relative(ROD, sti)] : [];
  });
}

it("hver .ts-, .tsx- og .mjs-fil typetjekkes af præcis ét projekt", { timeout: 120_000 }, () => {
  const rod = parse(readFileSync(join(ROD, "tsconfig.json"), "utf8")) as { references: { path: string }[] };
  const tsc = join(ROD, "node_modules", "typescript", "bin", "tsc");
  const daekket = new Map<string, string[]>();
  for (const { path } of rod.references) {
    const projekt = resolve(ROD, path);
    const vist = JSON.parse(
      execFileSync(process.execPath, [tsc, "-p", projekt, "--showConfig"], { cwd: ROD, encoding: "utf8" }),
    ) as { files: string[] };
    const mappe = projekt.endsWith(".json") ? dirname(projekt) : projekt;
    for (const f of vist.files) {
      const fil = relative(ROD, resolve(mappe, f));
      daekket.set(fil, [...(daekket.get(fil) ?? []), path]);
    }
  }
  const filer = kildefiler(ROD);
  expect(filer.length).toBeGreaterThan(100);
  expect(filer.filter((f) => !daekket.has(f))).toEqual([]);
  expect(filer.filter((f) => (daekket.get(f)?.length ?? 0) > 1)).toEqual([]);
});
