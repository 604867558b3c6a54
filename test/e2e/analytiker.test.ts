// The analyst's journeys (issue 12) in Debian's Chromium against the real server: tune a threshold
// in domain words (aktiv praksis højt 10 → 8), see the providers that move at parameter level,
// each change's own effect, a weight that cannot act, the current value on the sweep; save the
// scenario and make it the draft; then fix a golden case without JSON and publish, and find the
// changed expectation with its note in Historik. Screenshots go to test-results/screenshots/.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anvendAendringer, type Regelsaet, sammenlignScenarier, taerskelEtiket } from "../../engine/index.js";
import { koerTesttilfaelde } from "../../engine/testtilfaelde.js";
import { byggEditorHvisForaeldet } from "./bygning.js";
import { type Browser, startChromium } from "./chromium.js";
import { logInd, overvaagFejl, skaermbillede } from "./hjaelpere.js";
import { opretNoegle, type Server, startServer } from "./server.js";
import { eksempler, pilot } from "./taerskel-valg.js";

const MAALGRUPPE = "autisme";
const AKTIV = "aktivPraksis.hoej.minBorgere";
const TRIN = 90_000;
const felt = (p: Page, navn: string) => p.locator(`[id="taerskel-${navn}"]`);
const tekst = async (l: { textContent(): Promise<string | null> }) =>
  ((await l.textContent()) ?? "").replaceAll("\u00a0", " ");

/** A threshold change (within its limits) that makes a golden case fail, found with the engine. */
async function brydEtTesttilfaelde(r: Regelsaet) {
  const kandidater: [string, number][] = [
    ["uddannelse.hoej.minAndel", 1],
    ["fagmiljoe.hoej.minFasteUddannede", 40],
    ["aktivPraksis.moderat.minBorgere", 60],
    ["metoder.moderat.minMetoder", 8],
  ];
  for (const [navn, vaerdi] of kandidater) {
    const r2 = anvendAendringer(r, { taerskler: { [navn]: vaerdi } });
    const fejler = (await koerTesttilfaelde(r2)).filter((t) => !t.bestaaet);
    if (fejler.length > 0) return { navn, vaerdi, fejler };
  }
  throw new Error("E2E: ingen tærskelændring får et testtilfælde til at fejle");
}

describe("analytikerens rejser", () => {
  let server: Server;
  let browser: Browser;
  let p: Page;
  let fejl: string[] = [];
  const r = pilot(MAALGRUPPE);

  beforeAll(async () => {
    byggEditorHvisForaeldet({ stille: true });
    [server, browser] = await Promise.all([startServer(), startChromium()]);
    const noegle = await opretNoegle(server, "e2e-analytiker", "forfatter");
    p = await browser.context.newPage();
    fejl = overvaagFejl(p, server.url);
    p.on("dialog", (d) => void d.accept());
    await logInd(p, server.url, noegle);
  }, 240_000);

  afterAll(async () => {
    await browser?.luk();
    await server?.stop();
  }, 30_000);

  it(
    "justerer aktiv praksis højt fra 10 til 8 og ser de leverandører, der flytter på parameterniveau",
    async () => {
      // The regelsæt page opens on the form in domain words; the JSON is collapsed.
      await p.goto(`${server.url}/regelsaet/${MAALGRUPPE}`);
      await p.getByRole("button", { name: "Vis JSON" }).waitFor();
      expect(await p.locator(".monaco-editor").count()).toBe(0);
      const gruppe = p.getByRole("group", { name: "Tærskler: Aktiv praksis" });
      await gruppe.waitFor();
      const aktiv = felt(p, AKTIV);
      expect(await tekst(gruppe.locator(`label[for="taerskel-${AKTIV}"]`))).toBe(`Højt · mindst antal borgere${AKTIV}`);
      // Beyond the threshold's limit: the reason, and nothing written.
      await aktiv.fill("200");
      await p.getByRole("alert").filter({ hasText: "Højst 60 borgere." }).waitFor();
      await aktiv.scrollIntoViewIfNeeded();
      expect(await p.getByTestId("regelsaet-status").textContent()).not.toContain("ikke gemt");
      await skaermbillede(p, "analytiker-graense");
      await aktiv.fill("10");

      // The scenario: built with the grouped picker, by the threshold's words.
      await p.getByRole("link", { name: "Scenarier", exact: true }).click();
      await p.getByRole("heading", { name: /Scenarier for/ }).waitFor();
      await p.getByRole("button", { name: "Tilføj scenarie" }).click();
      const kort = p.locator("fieldset.scenarie").nth(1);
      await kort.getByLabel("Navn på scenarie 2").fill("Aktiv praksis 8");
      const vaelger = kort.getByLabel("Tilføj tærskelændring");
      const gruppeTekst = await vaelger.locator('optgroup[label="Aktiv praksis"] option').allTextContents();
      expect(gruppeTekst).toContain("højt · mindst antal borgere (10 borgere)");
      // The sweep's picker names the parameter too: a closed select shows only its option.
      expect(await p.getByLabel("Tærskel", { exact: true }).locator("option:checked").textContent()).toMatch(
        /^Uddannelsesmæssige kompetencer · moderat · mindst andel/,
      );
      expect((await vaelger.locator("option").allTextContents()).join("|")).not.toMatch(/aktivPraksis|\.hoej\./);
      await vaelger.selectOption(AKTIV);
      await kort.getByRole("textbox", { name: /Aktiv praksis · højt · mindst antal borgere/ }).fill("8");
      // A weight under the counting policy cannot act, and the page says so.
      await kort.getByLabel("Tilføj vægtændring").selectOption("hjaelpemidler");
      await kort.getByLabel("Vægt: Hjælpemidler og teknologi").fill("0,5");
      await kort.getByRole("note").filter({ hasText: "vægte bruges kun af den vægtede metode" }).waitFor();

      // Expected from the engine on the same data: who moves at parameter level, and overall.
      const forventet = await sammenlignScenarier(
        r,
        [{ navn: "a" }, { navn: "b", aendringer: { taerskler: { [AKTIV]: 8 } } }],
        eksempler(MAALGRUPPE),
      );
      const skift = forventet.parameterSkift[0]?.parametre.find((x) => x.id === "aktivPraksis");
      expect(skift?.antal).toBeGreaterThan(0);
      const linje = `Aktiv praksis: ${skift?.overgange.map((o) => `${o.antal} ${o.fra === "hoej" ? "højt" : o.fra} → ${o.til === "hoej" ? "højt" : o.til}`).join(", ")}; ${skift?.skifterSamlet} skifter samlet niveau`;
      const virkning = p.getByTestId("parametervirkning");
      await expect.poll(() => tekst(virkning), { timeout: 30_000 }).toContain(linje);
      // Each change alone: the threshold moves parameters, the weight moves nobody.
      const enkeltvis = p.getByTestId("enkeltvis");
      await expect.poll(() => tekst(enkeltvis), { timeout: 30_000 }).toContain("10 borgere → 8 borgere");
      const vaegtRaekke = enkeltvis.locator("tr", { hasText: "Vægt for Hjælpemidler og teknologi: 1 → 0,5" });
      expect(await tekst(vaegtRaekke)).toContain("Ingen");
      await skaermbillede(p, "analytiker-scenarie", true);

      // The sweep over the same threshold marks the value that applies now.
      await p.getByLabel("Scenarie", { exact: true }).selectOption({ label: "Aktiv praksis 8" });
      await p.getByLabel("Tærskel", { exact: true }).selectOption(AKTIV);
      await p.getByRole("button", { name: "Beregn følsomhed" }).click();
      const sweep = p.getByTestId("foelsomhed");
      await sweep.getByText("8 borgere (nuværende)").waitFor({ timeout: 30_000 });
      expect(await tekst(p.getByTestId("sweep-nuvaerende"))).toContain(
        `${taerskelEtiket(r, AKTIV).tekst}: nuværende værdi 8 borgere`,
      );
      await p.getByRole("button", { name: "Find grænsetilfælde" }).click();
      const graenser = p.getByTestId("graensetilfaelde");
      await graenser.or(p.getByText("Ingen leverandører ligger ét trin fra en grænse.")).waitFor({ timeout: 30_000 });
      if (await graenser.count()) expect(await tekst(graenser)).not.toMatch(/[a-z]\.[a-z]+\.[a-z]/);
      await skaermbillede(p, "analytiker-foelsomhed", true);

      // Saved on the server with author and time; still there after a reload.
      await kort.getByRole("button", { name: "Gem scenariet" }).click();
      const gemte = p.getByTestId("gemte-scenarier");
      await gemte.getByText("Scenariet «Aktiv praksis 8» er gemt.").waitFor();
      await p.reload();
      await gemte.getByText("Aktiv praksis 8").waitFor();
      expect(await tekst(gemte)).toContain("af e2e-analytiker");
      await gemte.getByRole("button", { name: "Tilføj til sammenligningen" }).click();
      await skaermbillede(p, "analytiker-gemte");

      // The scenario becomes the draft (only the threshold: the weight is dropped first).
      const ny = p.locator("fieldset.scenarie").nth(1);
      await ny.getByRole("button", { name: "Fjern vægtændringen for Hjælpemidler og teknologi" }).click();
      await ny.getByRole("button", { name: "Gør scenariet til kladde" }).click();
      await gemte.getByText("er lagt i kladden").waitFor({ timeout: 30_000 });
      await gemte.getByRole("link", { name: "Åbn kladden under Regelsæt" }).click();
      await expect.poll(() => felt(p, AKTIV).inputValue(), { timeout: 30_000 }).toBe("8");
      expect(await p.getByTestId("regelsaet-status").textContent()).toContain("Kladde – gemt");
      expect(fejl).toEqual([]);
    },
    TRIN * 2,
  );

  it(
    "retter et testtilfælde uden JSON og publicerer",
    async () => {
      const kladde = anvendAendringer(r, { taerskler: { [AKTIV]: 8 } });
      const brud = await brydEtTesttilfaelde(kladde);
      const foerste = brud.fejler[0];
      if (!foerste?.faktisk) throw new Error("E2E: testtilfældet kørte ikke");

      await felt(p, brud.navn).fill(brud.navn.includes("Andel") ? String(brud.vaerdi * 100) : String(brud.vaerdi));
      await p.getByRole("tab", { name: /Testtilfælde/ }).click();
      const tilfaelde = p.locator("ul.testtilfaelde > li", { hasText: foerste.navn }).first();
      await tilfaelde
        .getByText(/forventet .*, fik /)
        .first()
        .waitFor({ timeout: 15_000 });
      // The difference in Danish words: parameter names and levels, never ids or codes.
      expect(await tekst(tilfaelde)).not.toMatch(/hoej|fagmiljoe|aktivPraksis|Parameter /);
      await skaermbillede(p, "analytiker-testtilfaelde-fejler");

      // The note is required.
      await tilfaelde.getByRole("button", { name: "Opdatér forventning til faktisk resultat …" }).click();
      await tilfaelde.getByRole("button", { name: "Opdatér forventningen" }).click();
      await tilfaelde.getByRole("alert").filter({ hasText: "Skriv en note" }).waitFor();
      const note = `Ændret bevidst: ${taerskelEtiket(r, brud.navn).tekst} skærpet`;
      await tilfaelde.getByLabel("Hvorfor ændres forventningen? (påkrævet)").fill(note);
      await skaermbillede(p, "analytiker-testtilfaelde-note");
      await tilfaelde.getByRole("button", { name: "Opdatér forventningen" }).click();
      // Other cases the change broke are updated the same way.
      for (const andet of brud.fejler.slice(1)) {
        const li = p.locator("ul.testtilfaelde > li", { hasText: andet.navn }).first();
        await li.getByRole("button", { name: "Opdatér forventning til faktisk resultat …" }).click();
        await li.getByLabel("Hvorfor ændres forventningen? (påkrævet)").fill(note);
        await li.getByRole("button", { name: "Opdatér forventningen" }).click();
      }
      await p.getByText(/Alle \d+ testtilfælde består/).waitFor({ timeout: 15_000 });
      expect(await tekst(p.locator("ul.testtilfaelde > li", { hasText: foerste.navn }).first())).toContain(
        `Note: ${note}`,
      );

      await p.getByRole("button", { name: "Gem kladde" }).click();
      await p.getByText("Kladden er gemt.").waitFor({ timeout: 30_000 });
      await p.getByRole("button", { name: "Publicér …" }).click();
      const pub = p.getByRole("dialog", { name: "Publicér kladden" });
      await pub.getByLabel("Note om ændringen").fill("Aktiv praksis højt 8; skærpet krav");
      await pub.getByRole("button", { name: "Publicér", exact: true }).click();
      await p.getByText("Version 2 er publiceret.").waitFor({ timeout: 30_000 });

      // Historik: the threshold by its words, the changed expectation with its note.
      await p.getByRole("link", { name: "Historik", exact: true }).click();
      const oversigt = p.getByTestId("diff-oversigt");
      await oversigt.waitFor({ timeout: 30_000 });
      const t = await tekst(oversigt);
      expect(t).toContain(
        `Tærskel «${taerskelEtiket(r, AKTIV).tekst}», grundværdi (voksne i botilbud): 10 borgere → 8 borgere`,
      );
      expect(t).toContain(`Testtilfælde ændret: ${foerste.navn}`);
      expect(t).toContain(`Note: «${note}»`);
      await skaermbillede(p, "analytiker-historik", true);
      expect(fejl).toEqual([]);
    },
    TRIN * 2,
  );
});
