// Four test projects, each runnable alone (`npm run test:unit`, `vitest run --project api`, …):
// unit   — the engine and the editor's pure modules, and the build checks (no server, no browser);
// api    — the Express app with supertest and the real server process, on PGlite and, with
//          TEST_DATABASE_URL, on PostgreSQL;
// e2e    — playwright-core driving Debian Chromium against the real server;
// haerdning — fuzzing, races, kills and backups (the 60 s load test is `npm run test:load`).
// Projects are directories, so files the engine's restructuring adds are covered as they come.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/engine/**/*.test.ts", "test/editor/**/*.test.ts", "test/bygning/**/*.test.ts"],
        },
      },
      { extends: true, test: { name: "api", include: ["test/api/**/*.test.ts"] } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"] } },
      { extends: true, test: { name: "haerdning", include: ["test/haerdning/**/*.test.ts"] } },
    ],
  },
});
