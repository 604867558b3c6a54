// The browser editor end to end: the real API server (embedded database in a temporary folder)
// serving the built editor, driven in Debian's Chromium. One story in order: an author tunes a
// threshold, sees the JSON, the test panel and a scenario comparison follow, breaks the JSON and
// sees the marker, saves and publishes, and finds the new version in Historik; a supervisor
// assesses a provider; a reader cannot edit. Screenshots of every view go to
// test-results/screenshots/.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taerskelEtiket } from "../../engine/index.js";
import { byggEditorHvisForaeldet } from "./bygning.js";
import { type Browser, startChromium } from "./chromium.js";
import { escapeRegex, logInd, overvaagFejl, skaermbillede, soegIEditor, ventPaaMonaco } from "./hjaelpere.js";
import { opretNoegle, type Server, startServer } from "./server.js";
import { eksempler, findTaerskelAendring, pilot, type TaerskelValg } from "./taerskel-valg.js";

const MAALGRUPPE = "autisme";
const TRIN = 60_000;

const NIVEAU_TEKST: Record<string, string> = {
  "ikke-indplaceret": "Ikke indplaceret",
  let: "Let",
  moderat: "Moderat",
  hoej: "Højt",
};

/** The value as the form shows it: shares as percentages. */
const formVaerdi = (v: TaerskelValg, x: number) => String(v.enhed === "andel" ? Math.round(x * 10000) / 100 : x);

/** The value as the Historik summary shows it: shares as "10 %", counts whole, years as "år". */
function diffVaerdi(v: TaerskelValg, x: number): string {
  const tal = String(v.enhed === "andel" ? Math.round(x * 10000) / 100 : x).replace(".", ",");
  const enhed: Record<string, string> = { andel: " %", aar: " år", borgere: x === 1 ? " borger" : " borgere" };
  return `${tal}${enhed[v.enhed] ?? ""}`;
}

/** A threshold's number field in the form, by its stable name (its label is in domain words). */
const taerskelFelt = (p: Page, navn: string) => p.locator(`[id="taerskel-${navn}"]`);

/** Text content with non-breaking spaces read as spaces. */
const tekstAf = async (l: { textContent(): Promise<string | null> }) =>
  ((await l.textContent()) ?? "").replaceAll("\u00a0", " ");

describe("browser-editoren", () => {
  let server: Server;
  let browser: Browser;
  let valg: TaerskelValg;
  const noegler: Record<string, string> = {};
  const sider: { page: Page; fejl: string[] }[] = [];

  async function nySide(): Promise<Page> {
    const page = await browser.context.newPage();
    sider.push({ page, fejl: overvaagFejl(page, server.url) });
    return page;
  }

  beforeAll(async () => {
    byggEditorHvisForaeldet({ stille: true });
    [server, browser, valg] = await Promise.all([startServer(), startChromium(), findTaerskelAendring(MAALGRUPPE)]);
    for (const rolle of ["forfatter", "tilsyn", "laeser"])
      noegler[rolle] = await opretNoegle(server, `e2e-${rolle}`, rolle);
  }, 240_000);

  afterAll(async () => {
    await browser?.luk();
    await server?.stop();
  }, 30_000);

  let forfatter: Page;

  it(
    "logger ind med en nøgle og viser målgrupperne",
    async () => {
      forfatter = await nySide();
      await forfatter.goto(server.url);
      await forfatter.getByLabel("API-nøgle").waitFor();
      await skaermbillede(forfatter, "log-ind");
      await forfatter.getByLabel("API-nøgle").fill("forkert-noegle");
      await forfatter.getByRole("button", { name: "Log ind" }).click();
      await forfatter.getByRole("alert").waitFor();
      expect(await forfatter.getByRole("alert").textContent()).toMatch(/ukendt|tilbagekaldt/i);

      await logInd(forfatter, server.url, noegler.forfatter ?? "");
      const raekker = forfatter.locator(".oversigt-tabel tbody tr");
      await expect.poll(() => raekker.count()).toBe(3);
      expect(await raekker.first().textContent()).toContain("Version 1");
      await skaermbillede(forfatter, "oversigt");
    },
    TRIN,
  );

  it(
    "ændrer en tærskel i formularen og ser JSON, testpanelet og en scenariesammenligning ændre sig",
    async () => {
      const p = forfatter;
      await p.getByRole("link", { name: "Autisme", exact: true }).click();
      // The JSON is collapsed for analysts; this author wants it (remembered in the browser).
      await p.getByRole("button", { name: "Vis JSON" }).click();
      await ventPaaMonaco(p);
      expect(
        await soegIEditor(p, `"${escapeRegex(valg.navn)}": \\{\\n\\s*"vaerdi": ${escapeRegex(String(valg.gammel))},`),
      ).toBe("1 of 1");

      // The test panel, before: the provider the change moves.
      await p.getByRole("tab", { name: "Test", exact: true }).click();
      await p.getByLabel("Leverandør", { exact: true }).selectOption(valg.leverandoer.id);
      const niveau = p.getByTestId("indplacering-niveau");
      await expect.poll(() => niveau.textContent(), { timeout: 10_000 }).toBe(NIVEAU_TEKST[valg.leverandoer.fra]);
      await skaermbillede(p, "regelsaet-test-foer");

      // The form: change the threshold.
      await p.getByRole("tab", { name: "Tærskler og vægte" }).click();
      const felt = taerskelFelt(p, valg.navn);
      await felt.fill(formVaerdi(valg, valg.ny));
      await skaermbillede(p, "regelsaet-formular");

      // The JSON follows.
      expect(
        await soegIEditor(p, `"${escapeRegex(valg.navn)}": \\{\\n\\s*"vaerdi": ${escapeRegex(String(valg.ny))},`),
      ).toBe("1 of 1");
      await expect.poll(() => p.getByTestId("regelsaet-status").textContent()).toContain("ikke gemt");

      // The test panel follows.
      await p.getByRole("tab", { name: "Test", exact: true }).click();
      await expect.poll(() => niveau.textContent(), { timeout: 10_000 }).toBe(NIVEAU_TEKST[valg.leverandoer.til]);
      await skaermbillede(p, "regelsaet-test-efter");

      // The golden cases still pass.
      await p.getByRole("tab", { name: /Testtilfælde/ }).click();
      await p.getByText(/Alle \d+ testtilfælde består/).waitFor();
      await skaermbillede(p, "regelsaet-testtilfaelde");

      // A scenario comparison: the published version against the draft's changes.
      await p.getByRole("link", { name: "Scenarier", exact: true }).click();
      await p.getByLabel(/Publiceret version 1/).check();
      await p.getByRole("button", { name: "Tilføj kladdens ændringer som scenarie" }).click();
      const fordeling = p.getByTestId("fordeling");
      await expect.poll(() => fordeling.locator("tbody tr").count(), { timeout: 30_000 }).toBe(2);
      // Every level column is in view: the table is not cut off behind a horizontal scroll bar.
      expect(
        await fordeling.evaluate((t) => (t.parentElement?.scrollWidth ?? 0) <= (t.parentElement?.clientWidth ?? 0)),
      ).toBe(true);
      const flyttede = p.getByTestId("flyttede");
      await flyttede.waitFor({ timeout: 30_000 });
      expect(await flyttede.textContent()).toContain(valg.leverandoer.navn);
      await p.locator(".diagram canvas").first().waitFor();
      await skaermbillede(p, "scenarier", true);

      // The stakeholders' example scenarios load and compare too.
      await p.getByRole("button", { name: "Indlæs eksempelscenarier" }).click();
      await expect.poll(() => fordeling.locator("tbody tr").count(), { timeout: 30_000 }).toBeGreaterThan(4);

      // Sensitivity: sweep the same threshold.
      await p.getByLabel("Tærskel", { exact: true }).selectOption(valg.navn);
      await p.getByRole("button", { name: "Beregn følsomhed" }).click();
      const sweep = p.getByTestId("foelsomhed");
      await sweep.waitFor({ timeout: 30_000 });
      expect(await sweep.locator("tbody tr").count()).toBeGreaterThan(3);
      await p.getByRole("button", { name: "Find grænsetilfælde" }).click();
      await p
        .getByText(/Ingen leverandører ligger|Tærskel, der flytter den/)
        .first()
        .waitFor({ timeout: 60_000 });
      await skaermbillede(p, "scenarier-foelsomhed", true);
    },
    3 * TRIN,
  );

  it(
    "viser en markør, når en ugyldig værdi skrives i JSON-editoren",
    async () => {
      const p = forfatter;
      await p.getByRole("link", { name: "Regelsæt", exact: true }).click();
      await ventPaaMonaco(p);
      const moenster = `"${escapeRegex(valg.navn)}": \\{\\n\\s*"vaerdi": ${escapeRegex(String(valg.ny))},`;
      expect(await soegIEditor(p, moenster)).toBe("1 of 1");
      // The match ends after `<value>,`: replace the value with a boolean.
      await p.keyboard.press("End");
      for (const _ of `${valg.ny},`) await p.keyboard.press("Backspace");
      await p.keyboard.insertText("true,");
      await p.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 10_000 });
      await p.keyboard.press("F8");
      const markoer = p.locator(".marker-widget");
      await markoer.waitFor();
      expect(await markoer.textContent()).toContain("Skal være et tal");
      await expect.poll(() => p.getByTestId("antal-fejl").textContent()).not.toBe("0");
      await skaermbillede(p, "regelsaet-markoer");
      await p.getByRole("tab", { name: /Problemer/ }).click();
      await p.getByText("Skal være et tal.").first().waitFor();
      await skaermbillede(p, "regelsaet-problemer");

      // Undo the invalid value.
      await p.locator(".monaco-editor .view-lines").first().click();
      await p.keyboard.press("Escape");
      for (let i = 0; i < 5; i++) {
        if ((await p.getByTestId("antal-fejl").textContent()) === "0") break;
        await p.keyboard.press("Control+Z");
      }
      await expect.poll(() => p.getByTestId("antal-fejl").textContent()).toBe("0");
      expect(await soegIEditor(p, moenster)).toBe("1 of 1");

      // Hover help on a parameter: the official level texts.
      const parameter = valg.navn.split(".")[0] ?? "";
      expect(await soegIEditor(p, `"id": "${parameter}"`)).toBe("1 of 1");
      await p.keyboard.press("Control+K");
      await p.keyboard.press("Control+I");
      const hover = p.locator(".monaco-hover:visible");
      await hover.first().waitFor();
      await expect.poll(async () => (await hover.allTextContents()).join(" ")).toContain("Moderat niveau:");
      await skaermbillede(p, "regelsaet-hover");
      await p.keyboard.press("Escape");
    },
    TRIN,
  );

  it(
    "gemmer, publicerer og viser den nye version med forskelle i Historik",
    async () => {
      const p = forfatter;
      await p.getByRole("button", { name: "Gem kladde" }).click();
      await p.getByText("Kladden er gemt.").waitFor();
      expect(await p.getByTestId("regelsaet-status").textContent()).toContain("Kladde – gemt");

      // Someone else saves the draft meanwhile: the next save meets a conflict and shows both.
      const hent = await fetch(`${server.url}/api/v1/regelsaet/${MAALGRUPPE}/kladde`, {
        headers: { Authorization: `Bearer ${noegler.forfatter}` },
      });
      const etag = hent.headers.get("etag") ?? "";
      const deres = (await hent.json()) as { titel: string };
      const gem = await fetch(`${server.url}/api/v1/regelsaet/${MAALGRUPPE}/kladde`, {
        method: "PUT",
        headers: { Authorization: `Bearer ${noegler.forfatter}`, "Content-Type": "application/json", "If-Match": etag },
        body: JSON.stringify({ ...deres, titel: `${deres.titel} (kollegas udgave)` }),
      });
      expect(gem.status).toBe(200);
      await p.getByRole("tab", { name: "Tærskler og vægte" }).click();
      await p.getByLabel("Vægt for Hjælpemidler og teknologi").fill("0.5");
      await p.getByRole("button", { name: "Gem kladde" }).click();
      const dialog = p.getByRole("dialog", { name: "En anden har gemt kladden" });
      await dialog.waitFor();
      await p.getByTestId("diff-editor").waitFor();
      await p.waitForTimeout(500);
      await skaermbillede(p, "regelsaet-konflikt");
      await dialog.getByRole("button", { name: "Behold min version (overskriv)" }).click();
      await p.getByText("Kladden er gemt.").waitFor();

      await p.getByRole("button", { name: "Publicér …" }).click();
      const pub = p.getByRole("dialog", { name: "Publicér kladden" });
      await pub.getByLabel("Note om ændringen").fill(`E2E: ${valg.navn} ${valg.gammel} → ${valg.ny}`);
      await skaermbillede(p, "regelsaet-publicer");
      await pub.getByRole("button", { name: "Publicér", exact: true }).click();
      await p.getByText("Version 2 er publiceret.").waitFor({ timeout: 30_000 });

      await p.getByRole("link", { name: "Historik", exact: true }).click();
      const versioner = p.getByRole("list", { name: "Versioner, nyeste først" });
      await versioner.getByText("Version 2").waitFor();
      expect(await versioner.textContent()).toContain(`E2E: ${valg.navn}`);
      expect(await versioner.textContent()).toContain("e2e-forfatter");
      const oversigt = p.getByTestId("diff-oversigt");
      await oversigt.waitFor();
      // The threshold by its name, the field by what it means, the value in the threshold's unit.
      const oversigtTekst = await tekstAf(oversigt);
      expect(oversigtTekst).toContain(
        `Tærskel «${taerskelEtiket(pilot(MAALGRUPPE), valg.navn).tekst}», grundværdi (voksne i botilbud): ${diffVaerdi(valg, valg.gammel)} → ${diffVaerdi(valg, valg.ny)}`,
      );
      expect(oversigtTekst).not.toMatch(/\bvaerdi\b/);
      // The weight changed in the conflict above, by the parameter's name and with a decimal comma.
      expect(await oversigt.textContent()).toContain("Vægt for Hjælpemidler og teknologi: 1 → 0,5");
      await p.getByTestId("diff-editor").locator(".monaco-diff-editor").waitFor();
      await p.waitForTimeout(500);
      await skaermbillede(p, "historik");

      // An old version opens read-only.
      await versioner.getByRole("link", { name: "Åbn (kun læsning)" }).last().click();
      await ventPaaMonaco(p);
      expect(await p.getByTestId("regelsaet-status").textContent()).toContain("Version 1 (kun læsning)");
      expect(await p.getByRole("button", { name: "Gem kladde" }).count()).toBe(0);
    },
    2 * TRIN,
  );

  it(
    "lader tilsynet vurdere en leverandør og udskrive resultatet med version og hash",
    async () => {
      const p = await nySide();
      await logInd(p, server.url, noegler.tilsyn ?? "");
      expect(await p.getByRole("link", { name: "Nøgler" }).count()).toBe(0);
      await p.getByRole("link", { name: "Vurdering" }).click();
      await p.getByLabel("Udfyld fra eksempeldata").selectOption(valg.leverandoer.id);
      await skaermbillede(p, "vurdering-formular");
      await p.getByRole("button", { name: "Indplacér" }).click();
      // The regelsæt version is named once, in the summary beside the level; the full hash above.
      const side = p.getByRole("article", { name: /Indplacering af/ });
      const resultat = side
        .getByRole("region", { name: "Samlet niveau" })
        .locator("dl > div", { has: p.locator("dt", { hasText: /^Regelsæt$/ }) })
        .locator("dd");
      await resultat.waitFor({ timeout: 20_000 });
      expect(await resultat.textContent()).toContain("version 2");
      // By its title, as everywhere else in the app, not by the målgruppe's id.
      expect(await resultat.textContent()).toMatch(new RegExp(`^${escapeRegex(pilot(MAALGRUPPE).titel)}, version 2`));
      expect((await side.textContent())?.match(/version \d+/gi)).toEqual(["version 2"]);
      expect(await p.getByTestId("indplacering-niveau").textContent()).toBe(NIVEAU_TEKST[valg.leverandoer.til]);
      expect(await p.locator(".resultat-meta").textContent()).toMatch(/sha256:[0-9a-f]{64}/);
      await p.getByRole("heading", { name: /Indplacering af/ }).scrollIntoViewIfNeeded();
      await skaermbillede(p, "vurdering-resultat");
      await p.emulateMedia({ media: "print" });
      await skaermbillede(p, "vurdering-udskrift", true);
      await p.emulateMedia({ media: "screen" });
      // The time as elsewhere in the app: date and minutes, no seconds.
      const tidspunkt = side.locator("dl > div", { has: p.locator("dt", { hasText: /^Tidspunkt$/ }) }).locator("dd");
      expect(await tidspunkt.textContent()).toMatch(/^\d{1,2}\. \S+ \d{4},? \d{1,2}[.:]\d{2}$/);

      // Missing staff information is named in Danish, in the list and in the reasons, not by the
      // engine's path (a new staff member has only an employment type).
      await p.getByRole("button", { name: "Tilføj medarbejder" }).click();
      await p.getByRole("button", { name: "Indplacér" }).click();
      const manglende = side.locator(".manglende");
      await expect.poll(() => manglende.textContent()).toContain("Medarbejdernes uddannelser");
      expect(await manglende.getByText("Medarbejdernes uddannelser").getAttribute("title")).toBe(
        "medarbejdere[].uddannelser",
      );
      expect(await side.locator(".naeste-niveau, .parametre-tabel").allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining("Medarbejdernes uddannelser")]),
      );
      expect(await side.textContent()).not.toContain("medarbejdere[]");

      // A field left "ikke oplyst" is listed as missing, not counted as not met.
      await p.getByLabel("Godkendt af socialtilsynet").selectOption("");
      await p.getByRole("button", { name: "Indplacér" }).click();
      await expect.poll(() => p.getByTestId("indplacering-niveau").textContent()).toBe("Ikke indplaceret");
      expect(await p.locator(".manglende").textContent()).toContain("Godkendt af socialtilsynet");

      // Several providers at once, from a file.
      await p.getByRole("tab", { name: "Flere leverandører (upload)" }).click();
      const filer = eksempler(MAALGRUPPE).slice(0, 3);
      await p.getByLabel("Fil (JSON eller CSV)").setInputFiles({
        name: "leverandoerer.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(filer)),
      });
      // A preview first (nothing stored), then the confirmed run.
      await p.getByRole("button", { name: "Bekræft og gem 3 afgørelser" }).click({ timeout: 20_000 });
      await p.getByText("3 afgørelser gemt:").waitFor({ timeout: 20_000 });
      for (const f of filer) await p.getByRole("rowheader", { name: f.leverandoer.navn }).waitFor();
      await skaermbillede(p, "vurdering-flere");
    },
    TRIN,
  );

  it(
    "viser i en batch hvorfor en række er afvist, og antallet pr. niveau i ord",
    async () => {
      const p = await nySide();
      await logInd(p, server.url, noegler.tilsyn ?? "");
      await p.getByRole("link", { name: "Vurdering" }).click();
      await p.getByRole("tab", { name: "Flere leverandører (upload)" }).click();
      const [a, b] = eksempler(MAALGRUPPE);
      const liste: unknown[] = [
        a,
        b,
        { ...a, leverandoer: { id: "U1", navn: "Ugyldig Enkelt" }, borgere: { let: "x" } },
        {
          ...a,
          leverandoer: { id: "U2", navn: "Ugyldig Mange" },
          aar: "y",
          godkendt: "måske",
          borgere: { let: "x", moderat: -1, hoej: "z" },
          medarbejdere: [{ ansaettelse: "fast", erfaringAar: "z" }],
        },
        "ikke et objekt",
      ];
      // The server's own answer to the same list, to hold the page to.
      const svar = await fetch(`${server.url}/api/v1/indplacering/batch`, {
        method: "POST",
        headers: { Authorization: `Bearer ${noegler.tilsyn}`, "Content-Type": "application/json" },
        body: JSON.stringify({ vurderingsgrundlag: liste }),
      });
      const { resultater } = (await svar.json()) as {
        resultater: { niveau?: string; detaljer?: { path: string; message: string }[] }[];
      };
      const mange = resultater[3]?.detaljer ?? [];
      expect(mange.length).toBeGreaterThan(3);

      await p.getByLabel("Fil (JSON eller CSV)").setInputFiles({
        name: "med-fejl.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(liste)),
      });
      // A preview first (nothing stored), then the confirmed run.
      await p.getByRole("button", { name: /^Bekræft og gem/ }).click({ timeout: 20_000 });
      // The counts read as words, lowest level first, each count before its level; no badges.
      const optaelling = p.getByTestId("batch-optaelling");
      await optaelling.waitFor({ timeout: 20_000 });
      const forventet = Object.keys(NIVEAU_TEKST)
        .map((n) => [n, resultater.filter((r) => r.niveau === n).length] as const)
        .filter(([, k]) => k > 0)
        .map(([n, k]) => `${k} ${NIVEAU_TEKST[n]?.toLowerCase()}`);
      expect(await optaelling.textContent()).toBe(
        `2 afgørelser gemt: ${forventet.join(" · ")}. 3 rækker ikke gemt på grund af fejl.`,
      );
      expect(await optaelling.locator(".niveau").count()).toBe(0);

      // A refused row says why: the field by its Danish name and the server's message.
      const enkelt = p.getByRole("row", { name: /Ugyldig Enkelt/ });
      expect(await enkelt.textContent()).toContain(
        `Borgere med lette behov: ${resultater[2]?.detaljer?.[0]?.message ?? "?"}`,
      );
      // Many reasons: the first two, then how many more.
      const flere = p.getByRole("row", { name: /Ugyldig Mange/ });
      expect(await flere.locator(".raekke-detaljer li").count()).toBe(3);
      expect(await flere.locator(".raekke-detaljer li").last().textContent()).toBe(`og ${mange.length - 2} flere`);
      // Not an object at all: named by its place in the file.
      expect(await p.getByRole("row", { name: /Række 5/ }).textContent()).toContain("Vurderingsgrundlaget: ");
      expect(await p.locator(".raekke-detaljer").allTextContents()).not.toEqual(
        expect.arrayContaining([expect.stringContaining("vurderingsgrundlag[")]),
      );
      await skaermbillede(p, "vurdering-flere-fejl", true);
    },
    TRIN,
  );

  it(
    "giver en læser kun adgang til at læse",
    async () => {
      const p = await nySide();
      await logInd(p, server.url, noegler.laeser ?? "");
      expect(await p.getByRole("link", { name: "Vurdering" }).count()).toBe(0);
      expect(await p.getByRole("link", { name: "Scenarier" }).count()).toBe(0);
      await skaermbillede(p, "laeser-oversigt");
      await p.getByRole("link", { name: "Se regelsæt" }).first().click();
      await ventPaaMonaco(p);
      expect(await p.getByRole("button", { name: "Gem kladde" }).count()).toBe(0);
      expect(await p.getByRole("button", { name: "Publicér …" }).count()).toBe(0);
      expect(await taerskelFelt(p, valg.navn).getAttribute("readonly")).not.toBeNull();

      // Typing in the editor changes nothing: it is read-only.
      await p.locator(".monaco-editor .view-lines").first().click();
      await p.keyboard.insertText("xyz");
      expect(await soegIEditor(p, "xyz")).toBe("No results");
      await skaermbillede(p, "laeser-regelsaet");

      await p.goto(`${server.url}/regelsaet/${MAALGRUPPE}/scenarier`);
      await p.getByText("Din rolle giver ikke adgang").waitFor();
      await p.goto(`${server.url}/vurdering`);
      await p.getByText("Din rolle giver ikke adgang").waitFor();

      // The server refuses too, whatever the page shows.
      const svar = await fetch(`${server.url}/api/v1/regelsaet/${MAALGRUPPE}/kladde`, {
        method: "PUT",
        headers: { Authorization: `Bearer ${noegler.laeser}`, "Content-Type": "application/json" },
        body: "{}",
      });
      expect(svar.status).toBe(403);
    },
    TRIN,
  );

  it(
    "lader administratoren oprette og tilbagekalde nøgler",
    async () => {
      const p = await nySide();
      await logInd(p, server.url, server.adminNoegle);
      await p.getByRole("link", { name: "Nøgler" }).click();
      // A name the server refuses: the page says why, not only that it failed.
      await p.getByLabel("Navn").fill("e2e ny");
      await p.getByRole("button", { name: "Opret nøgle" }).click();
      await expect.poll(() => p.getByRole("alert").textContent()).toContain("bogstaver a–z");
      await p.getByLabel("Navn").fill("e2e-ny");
      await p.getByLabel("Rolle").selectOption("tilsyn");
      await p.getByRole("button", { name: "Opret nøgle" }).click();
      expect(await p.getByTestId("ny-noegle").textContent()).toMatch(/\S{20,}/);
      await p.getByRole("row", { name: /e2e-ny/ }).waitFor();
      // The server's own key for the key command is explained, and offers no revoke (the server refuses).
      const lokal = p.getByRole("row", { name: /lokal-cli/ });
      expect(await lokal.textContent()).toContain("npm run noegle");
      expect(await lokal.textContent()).toContain("ny hemmelighed ved hver start");
      expect(await lokal.getByRole("button", { name: "Tilbagekald" }).count()).toBe(0);
      await skaermbillede(p, "noegler");
      p.once("dialog", (d) => void d.accept());
      await p
        .getByRole("row", { name: /e2e-ny/ })
        .getByRole("button", { name: "Tilbagekald" })
        .click();
      await p
        .getByRole("row", { name: /e2e-ny/ })
        .getByText("Tilbagekaldt")
        .waitFor();
    },
    TRIN,
  );

  it(
    "viser formularen og testpanelet på dansk: navne frem for id'er, decimalkomma",
    async () => {
      const p = forfatter;
      const maalgruppe = "synsnedsaettelse";
      const r = pilot(maalgruppe);
      await p.goto(`${server.url}/regelsaet/${maalgruppe}`);
      await ventPaaMonaco(p);

      // Numbers with a decimal comma; the policy's own labels are words, not code.
      await p.getByRole("tab", { name: "Tærskler og vægte" }).click();
      expect(await taerskelFelt(p, "indplacering.vaegtet.moderat.minScore").inputValue()).toBe("1,875");
      const label = p.locator("label", { hasText: "Referenceantal aktive parametre" });
      expect(await label.evaluate((l) => getComputedStyle(l).fontFamily)).not.toMatch(/mono/i);

      // The example providers by Danish type and age group, not the JSON's codes.
      await p.getByRole("tab", { name: "Test", exact: true }).click();
      const leverandoer = p.getByLabel("Leverandør", { exact: true });
      const valgmuligheder = (await leverandoer.locator("option").allTextContents()).join(" | ");
      expect(valgmuligheder).toContain("(matrikelløs, ");
      expect(valgmuligheder).not.toMatch(/matrikelloes|boern|doegninstitution/);

      // A requirement that is not met names the parameter. With one parameter enough for
      // moderat, find a provider with a parameter below moderat and require that parameter.
      await p.getByRole("tab", { name: "Tærskler og vægte" }).click();
      await taerskelFelt(p, "indplacering.moderat.minParametre").fill("1");
      await p.getByRole("tab", { name: "Test", exact: true }).click();
      const niveau = p.getByTestId("indplacering-niveau");
      let krav: { navn: string; id: string } | undefined;
      for (const v of eksempler(maalgruppe)) {
        await leverandoer.selectOption(v.leverandoer.id);
        await expect
          .poll(() => p.locator(".indplacering .noegletal").textContent(), { timeout: 10_000 })
          .toContain(v.leverandoer.navn ?? v.leverandoer.id);
        if ((await niveau.textContent()) !== "Moderat") continue;
        for (const raekke of await p.locator(".parametre-tabel tbody tr").all()) {
          const navn = ((await raekke.locator("th").textContent()) ?? "").trim();
          const id = r.parametre.find((x) => x.navn === navn)?.id;
          if (id && /^(Let|Ingen)$/.test(((await raekke.locator(".niveau").textContent()) ?? "").trim())) {
            krav = { navn, id };
            break;
          }
        }
        if (krav) break;
      }
      if (!krav) throw new Error(`E2E: ingen eksempelleverandør i ${maalgruppe} har en parameter under moderat`);
      await p.getByRole("tab", { name: "Tærskler og vægte" }).click();
      // A click shows its new state at once and keeps it: check() fails if the box does not hold
      // the new state right after the click.
      const kravFelt = p.getByRole("group", { name: /Krav for moderat niveau/ }).getByLabel(krav.navn, { exact: true });
      await kravFelt.check();
      // Not even for one render does a box show its old state (React redraws within the click).
      const aktiv = p.getByRole("checkbox", { name: `${krav.navn} aktiv`, exact: true });
      const klik = (e: HTMLInputElement) => {
        e.click();
        return e.checked;
      };
      expect(await aktiv.evaluate(klik)).toBe(false);
      await p.waitForTimeout(300);
      expect(await aktiv.isChecked()).toBe(false);
      // The JSON text still drives the form: the parameter switched back on in the editor.
      const kravId = escapeRegex(krav.id);
      const aktivIJson = (v: boolean) => `(?<="id": "${kravId}",(?:\\n(?![^\\n]*"id": )[^\\n]*)*\\n\\s*"aktiv": )${v}`;
      expect(await soegIEditor(p, aktivIJson(false))).toBe("1 of 1");
      await p.keyboard.insertText("true");
      await expect.poll(() => aktiv.isChecked(), { timeout: 10_000 }).toBe(true);
      // And the form the text again, after an edit made there.
      await aktiv.uncheck();
      await aktiv.check();
      expect(await soegIEditor(p, aktivIJson(true))).toBe("1 of 1");
      await kravFelt.scrollIntoViewIfNeeded();
      await skaermbillede(p, "regelsaet-krav-formular");
      await p.getByRole("tab", { name: "Test", exact: true }).click();
      const advarsel = p.locator(".indplacering .advarsel", { hasText: "Krav for moderat niveau ikke opfyldt" });
      await advarsel.waitFor({ timeout: 10_000 });
      expect(await advarsel.textContent()).toContain(krav.navn);
      expect(await advarsel.textContent()).not.toContain(krav.id);
      // The regelsæt by its title, as on the rest of the page.
      const regelsaet = p
        .locator(".indplacering dl > div", { has: p.locator("dt", { hasText: /^Regelsæt$/ }) })
        .locator("dd");
      expect(await regelsaet.textContent()).toContain(`${r.titel}, kladde`);
      await skaermbillede(p, "regelsaet-test-krav");
    },
    2 * TRIN,
  );

  it(
    "siger, at en ukendt målgruppe ikke findes endnu, og hvordan forfatteren opretter den",
    async () => {
      const ny = "e2e-ny-maalgruppe";
      const p = forfatter;
      await p.goto(`${server.url}/regelsaet/${ny}`);
      const besked = p.getByTestId("ny-maalgruppe");
      await besked.waitFor();
      expect(await besked.textContent()).toContain(
        `Målgruppen '${ny}' findes ikke endnu. Gem en kladde for at oprette den.`,
      );
      await ventPaaMonaco(p);
      await skaermbillede(p, "ny-maalgruppe-regelsaet");

      // Scenarier: a clear empty state, not "0 leverandører" and empty scenario cards.
      await p.getByRole("link", { name: "Scenarier", exact: true }).click();
      const tom = p.getByTestId("scenarier-tom");
      await tom.waitFor();
      expect(await tom.textContent()).toContain(`Målgruppen '${ny}' findes ikke endnu`);
      expect(await p.getByText(/\b0 leverandører/).count()).toBe(0);
      await skaermbillede(p, "ny-maalgruppe-scenarier");

      // Once a draft is saved the målgruppe exists: no notice, and its scenarios say why no providers.
      const r = { ...pilot(MAALGRUPPE), maalgruppe: ny, titel: "E2E ny målgruppe" };
      const gem = await fetch(`${server.url}/api/v1/regelsaet/${ny}/kladde`, {
        method: "PUT",
        headers: { Authorization: `Bearer ${noegler.forfatter}`, "Content-Type": "application/json" },
        body: JSON.stringify(r),
      });
      expect(gem.status).toBe(201);
      await p.goto(`${server.url}/regelsaet/${ny}/scenarier`);
      await p.getByTestId("datakilde-tom").waitFor();
      expect(await p.getByTestId("datakilde-tom").textContent()).toContain("ingen leverandører i målgruppen");
      await p.goto(`${server.url}/regelsaet/${ny}`);
      await ventPaaMonaco(p);
      expect(await p.getByTestId("regelsaet-status").textContent()).toContain("Kladde – gemt");
      expect(await p.getByTestId("ny-maalgruppe").count()).toBe(0);

      // A reader cannot create one: a "findes ikke" page with the way back.
      const l = await nySide();
      await logInd(l, server.url, noegler.laeser ?? "");
      await l.goto(`${server.url}/regelsaet/findes-ikke`);
      await l.getByRole("heading", { name: "Målgruppen findes ikke" }).waitFor();
      expect(await l.getByTestId("maalgruppe-findes-ikke").textContent()).toContain("'findes-ikke'");
      await skaermbillede(l, "ukendt-maalgruppe-laeser");
      await l.getByRole("link", { name: "Tilbage til målgrupperne" }).click();
      await l.getByRole("heading", { name: "Målgrupper" }).waitFor();
    },
    2 * TRIN,
  );

  it("har ingen scriptfejl, CSP-overtrædelser, blob-workers eller fremmede hosts i siderne", () => {
    expect(sider.flatMap((s) => s.fejl)).toEqual([]);
  });
});
