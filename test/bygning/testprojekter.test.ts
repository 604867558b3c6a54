// Every test file runs in exactly one vitest project (unit, api, e2e, haerdning): `npm test`
// runs them all, and a test in a folder no project names would otherwise never run.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { ROD } from "../../api/app.js";
import konfig from "../../vitest.config.js";

interface Projekt {
  test: { name: string; include: string[] };
}

function testfiler(mappe: string): string[] {
  return readdirSync(mappe, { withFileTypes: true }).flatMap((e) => {
    const sti = join(mappe, e.name);
    if (e.isDirectory()) return testfiler(sti);
    return e.name.endsWith(".test.ts") ? [relative(ROD, sti)] : [];
  });
}

it("hver testfil hører til præcis ét testprojekt", () => {
  const projekter = (konfig.test?.projects ?? []) as Projekt[];
  expect(projekter.map((p) => p.test.name)).toEqual(["unit", "api", "e2e", "haerdning"]);
  // The includes are folders: `test/<mappe>/**/*.test.ts`.
  const mapper = projekter.flatMap((p) =>
    p.test.include.map((g) => {
      const m = /^test\/([a-z0-9-]+)\/\*\*\/\*\.test\.ts$/.exec(g);
      if (!m) throw new Error(`Testprojekt ${p.test.name}: uventet mønster ${g}`);
      return { projekt: p.test.name, mappe: m[1] };
    }),
  );
  for (const fil of testfiler(join(ROD, "test"))) {
    const hjem = mapper.filter((m) => fil.startsWith(`test/${m.mappe}/`)).map((m) => m.projekt);
    expect(hjem, fil).toHaveLength(1);
  }
});
