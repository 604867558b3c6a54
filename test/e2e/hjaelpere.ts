// Small steps the browser tests share: sign in, wait for Monaco, search its text, screenshots.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROD } from "./bygning.js";

export const SKAERMBILLEDER = join(ROD, "test-results", "screenshots");
rmSync(SKAERMBILLEDER, { recursive: true, force: true });
mkdirSync(SKAERMBILLEDER, { recursive: true });

let nummer = 0;

/** Saves a screenshot as test-results/screenshots/NN-navn.png, in the order they are taken. */
export async function skaermbillede(page: Page, navn: string, fuldSide = false): Promise<void> {
  nummer++;
  await page.screenshot({
    path: join(SKAERMBILLEDER, `${String(nummer).padStart(2, "0")}-${navn}.png`),
    fullPage: fuldSide,
  });
}

/** Collects what goes wrong in the page (script errors, CSP violations) to fail the test on. */
export function overvaagFejl(page: Page, origin: string): string[] {
  const fejl: string[] = [];
  page.on("pageerror", (e) => fejl.push(`pageerror: ${e.message} (${page.url()}) ${e.stack ?? ""}`));
  page.on("console", (m) => {
    const t = m.text();
    // A 4xx answer (no draft yet, a wrong key, a role probe) is an HTTP answer the page handles,
    // not a fault; script errors and CSP refusals are.
    if (m.type() === "error" && !/the server responded with a status of 4\d\d/.test(t)) fejl.push(`console: ${t}`);
  });
  // Workers (Monaco's and the scenario worker) must be files from our own origin, never blob:
  // URLs or another host, so that a strict worker-src holds.
  page.on("worker", (w) => {
    if (!w.url().startsWith(origin)) fejl.push(`worker fra fremmed kilde: ${w.url()}`);
  });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) fejl.push(`fremmed host: ${url}`);
  });
  return fejl;
}

export async function logInd(page: Page, url: string, noegle: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("API-nøgle").fill(noegle);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("heading", { name: "Målgrupper" }).waitFor();
}

export async function ventPaaMonaco(page: Page): Promise<void> {
  await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 30_000 });
}

/**
 * Searches the JSON editor's text with Monaco's own find widget (regular expression) and returns
 * its match count, e.g. "1 of 1" or "No results". Leaves the match selected in the editor.
 */
export async function soegIEditor(page: Page, regex: string): Promise<string> {
  const felt = page.locator(".find-widget.visible textarea").first();
  for (let forsoeg = 0; forsoeg < 3 && !(await felt.isVisible()); forsoeg++) {
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+F");
    await felt.waitFor({ timeout: 3000 }).catch(() => {});
  }
  const regexKnap = page.locator(".find-widget .codicon-regex").first();
  if ((await regexKnap.getAttribute("aria-checked")) !== "true") await regexKnap.click();
  await felt.fill(regex);
  const antal = async () => ((await page.locator(".find-widget .matchesCount").textContent()) ?? "").trim();
  const vent = async (moenster: RegExp) => {
    for (let i = 0; i < 50; i++) {
      const t = await antal();
      if (moenster.test(t)) return t;
      await page.waitForTimeout(100);
    }
    throw new Error(`E2E: Monacos søgning svarede ikke (${await antal()})`);
  };
  // "? of N": the matches are found but none is selected yet; move to the first.
  if ((await vent(/^(\d+|\?) of \d+$|^No results$/)).startsWith("?")) await felt.press("Enter");
  const tekst = await vent(/^\d+ of \d+$|^No results$/);
  await felt.press("Escape");
  return tekst;
}

export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
