// Debian's Chromium driven by playwright-core: no browser download. A missing browser fails the
// test run with the command that installs it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  luk(): Promise<void>;
}

export async function startChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `E2E: Chromium blev ikke fundet på ${CHROMIUM}. Installér den med: apt-get install -y chromium ` +
        "(eller sæt CHROMIUM_PATH til en anden Chromium).",
    );
  }
  // A fresh profile per run; playwright passes it to Chromium as --user-data-dir.
  const profil = mkdtempSync(join(tmpdir(), "e2e-chromium-"));
  const context = await chromium.launchPersistentContext(profil, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
  });
  return {
    context,
    async luk() {
      await context.close();
      rmSync(profil, { recursive: true, force: true });
    },
  };
}
