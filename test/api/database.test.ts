// Creating the embedded database: each attempt builds in its own folder beside the target, so a
// server killed during creation and started again at once neither reuses nor deletes the folder an
// orphaned initdb child still writes in, and the folders of ended attempts do not pile up.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROD } from "../../api/app.js";
import { openPglite } from "../../api/db/database.js";
import { lever } from "../../api/lokal.js";

const boern: ChildProcess[] = [];
afterAll(() => {
  for (const b of boern) if (b.exitCode === null && b.signalCode === null) b.kill("SIGKILL");
});

const vent = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function indtil<T>(hvad: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  for (const slut = Date.now() + ms; Date.now() < slut; await vent(20)) {
    const v = await fn();
    if (v !== undefined) return v;
  }
  throw new Error(`Gav op at vente på ${hvad}`);
}

const oprettelser = async (mappe: string) => (await readdir(mappe)).filter((n) => n.startsWith("pglite.ny")).sort();

describe("oprettelse af den indlejrede database", () => {
  it("mappen fra en dræbt oprettelse genbruges ikke; kun mapper uden levende ejer ryddes", {
    timeout: 180_000,
  }, async () => {
    const mappe = await mkdtemp(join(tmpdir(), "opret-"));
    const maal = join(mappe, "pglite");

    // A server process starts creating the database and is killed while its initdb child works.
    const kode = `const { openPglite } = await import(process.argv[1]); await openPglite(process.argv[2]);`;
    const server = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", kode, join(ROD, "api/db/database.ts"), maal],
      { cwd: ROD, stdio: "ignore" },
    );
    boern.push(server);
    const draebt = await indtil("oprettelsesmappen", async () => (await oprettelser(mappe))[0]);
    server.kill("SIGKILL");
    const ejer = Number(/^pglite\.ny-(\d+)-[0-9a-f]+$/.exec(draebt)?.[1]);
    expect(ejer).toBeGreaterThan(0);
    expect(ejer).not.toBe(server.pid);
    // The orphaned child goes on alone until it ends; its folder is never renamed into place.
    await indtil("det forældreløse barn", async () => (lever(ejer) ? undefined : true));
    expect(existsSync(maal)).toBe(false);
    expect(existsSync(join(mappe, draebt))).toBe(true);

    // Beside it: the plain folder of an earlier version, and a folder a live process still writes in.
    await mkdir(join(mappe, "pglite.ny"));
    await writeFile(join(mappe, "pglite.ny", "PG_VERSION"), "17\n");
    const levende = spawn(process.execPath, ["-e", "setInterval(() => {}, 60_000)"], { stdio: "ignore" });
    boern.push(levende);
    const levendesMappe = `pglite.ny-${levende.pid}-0123abcd`;
    await mkdir(join(mappe, levendesMappe));
    await writeFile(join(mappe, levendesMappe, "halvfaerdig"), "skrives stadig");

    const db = await openPglite(maal);
    try {
      expect((await db.query<{ n: number }>("SELECT 1 AS n")).rows).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
    expect(existsSync(join(maal, "PG_VERSION"))).toBe(true);
    // The ended attempts are gone, the live one is untouched, and the new attempt left nothing.
    expect(await oprettelser(mappe)).toEqual([levendesMappe]);
    expect(await readFile(join(mappe, levendesMappe, "halvfaerdig"), "utf8")).toBe("skrives stadig");

    // Once its owner has ended, the next open (of the existing database) removes it too.
    levende.kill("SIGKILL");
    await indtil("den levende ejer", async () => (lever(levende.pid ?? 0) ? undefined : true));
    const igen = await openPglite(maal);
    await igen.close();
    expect(await oprettelser(mappe)).toEqual([]);
    await rm(mappe, { recursive: true, force: true });
  });
});
