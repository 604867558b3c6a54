// A socialtilsyn caseworker's journeys end to end, in Debian's Chromium against the real server:
// the vurdering form's kodeliste multi-select (typing "pæd" finds Pædagog; "Ingen" is not "ikke
// oplyst"), the result page with the målgruppebeskrivelse, and the batch: template, upload,
// preview with nothing stored, confirm, open a row's stored decision, export CSV, print report.
// Screenshots go to test-results/screenshots-tilsyn/ (apart from editor.test.ts's folder, which
// that file empties when it starts).
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kodelister, Maalgruppebeskrivelse, Regelsaet } from "../../engine/index.js";
import { byggEditorHvisForaeldet, ROD } from "./bygning.js";
import { type Browser, startChromium } from "./chromium.js";
import { logInd, overvaagFejl } from "./hjaelpere.js";
import { opretNoegle, type Server, startServer } from "./server.js";

const TRIN = 60_000;
const MAALGRUPPE = "autisme";
const BILLEDER = join(ROD, "test-results", "screenshots-tilsyn");
rmSync(BILLEDER, { recursive: true, force: true });
mkdirSync(BILLEDER, { recursive: true });
let nummer = 0;
async function billede(page: Page, navn: string, fuldSide = false): Promise<void> {
  nummer++;
  await page.screenshot({ path: join(BILLEDER, `${String(nummer).padStart(2, "0")}-${navn}.png`), fullPage: fuldSide });
}

/** Vocabularies for the test's regelsæt version, used only where the shipped regelsæt has none yet. */
const KODELISTER: Kodelister = {
  uddannelser: [
    { kode: "paedagog", navn: "Pædagog", synonymer: ["pædagoguddannelsen", "socialpædagog"] },
    { kode: "paedagogiskAssistent", navn: "Pædagogisk assistent", synonymer: ["PAU", "PA"] },
    { kode: "ergoterapeut", navn: "Ergoterapeut" },
    { kode: "psykolog", navn: "Psykolog" },
    { kode: "socialraadgiver", navn: "Socialrådgiver" },
    { kode: "laererUddannelse", navn: "Lærer", synonymer: ["læreruddannelsen"] },
    { kode: "handelsuddannelse", navn: "Handelsuddannelse" },
    { kode: "kontoruddannelse", navn: "Kontoruddannelse" },
  ],
  certificeringer: [
    { kode: "TEACCH", navn: "TEACCH" },
    { kode: "KRAP", navn: "KRAP" },
    { kode: "LA2", navn: "Low Arousal (LA2)", synonymer: ["low arousal"] },
    { kode: "MarteMeo", navn: "Marte Meo" },
    { kode: "PECS", navn: "PECS" },
    { kode: "diplomAutisme", navn: "Diplomuddannelse i autisme" },
  ],
  metoder: ["TEACCH", "KRAP", "LA2", "MarteMeo", "PECS", "CATkit", "ESDM", "sanseintegration", "socialeHistorier"].map(
    (kode) => ({ kode, navn: kode === "socialeHistorier" ? "Sociale historier" : kode }),
  ),
  sektorer: [
    { kode: "sundhed", navn: "Sundhed" },
    { kode: "undervisning", navn: "Undervisning" },
    { kode: "beskaeftigelse", navn: "Beskæftigelse" },
    { kode: "psykiatri", navn: "Psykiatri" },
  ],
};

const BESKRIVELSE: Maalgruppebeskrivelse = {
  kompleksitet: { let: "Let kompleksitet.", moderat: "Moderat kompleksitet.", hoej: "Høj kompleksitet." },
  nationaltAntal: { tekst: "E2E: antal på landsplan.", kilde: { dokument: "004", afsnit: "Indledning" } },
  kriterier: [{ navn: "E2E-kriterium", tekst: "Et kriterium.", kilde: { dokument: "004", afsnit: "Kriterier" } }],
};

async function api(s: Server, noegle: string, sti: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${s.url}/api/v1${sti}`, {
    ...init,
    headers: { Authorization: `Bearer ${noegle}`, "Content-Type": "application/json", ...init.headers },
  });
}

/** Publishes a version of the målgruppe with kodelister and a målgruppebeskrivelse where it lacks them. */
async function medKodelister(s: Server, forfatter: string): Promise<Regelsaet> {
  const svar = (await (await api(s, forfatter, `/regelsaet/${MAALGRUPPE}`)).json()) as Regelsaet & {
    regelsaet?: Regelsaet;
  };
  const r = svar.regelsaet ?? svar;
  if (r.kodelister?.uddannelser && r.maalgruppebeskrivelse) return r;
  const ny: Regelsaet = { ...r, kodelister: r.kodelister ?? KODELISTER };
  ny.maalgruppebeskrivelse ??= BESKRIVELSE;
  const gem = await api(s, forfatter, `/regelsaet/${MAALGRUPPE}/kladde`, { method: "PUT", body: JSON.stringify(ny) });
  if (!gem.ok) throw new Error(`E2E: kladde ${gem.status} ${await gem.text()}`);
  const pub = await api(s, forfatter, `/regelsaet/${MAALGRUPPE}/publicer`, {
    method: "POST",
    body: JSON.stringify({ note: "E2E: kodelister" }),
  });
  if (!pub.ok) throw new Error(`E2E: publicer ${pub.status} ${await pub.text()}`);
  return ny;
}

const tekstAf = async (download: Download) => readFileSync((await download.path()) ?? "", "utf8");

describe("tilsyn i browseren", () => {
  let server: Server;
  let browser: Browser;
  let regelsaet: Regelsaet;
  let tilsyn: Page;
  let fejl: string[];

  beforeAll(async () => {
    byggEditorHvisForaeldet({ stille: true });
    [server, browser] = await Promise.all([startServer(), startChromium()]);
    const forfatter = await opretNoegle(server, "e2e-forfatter", "forfatter");
    regelsaet = await medKodelister(server, forfatter);
    const noegle = await opretNoegle(server, "e2e-tilsyn", "tilsyn");
    tilsyn = await browser.context.newPage();
    fejl = overvaagFejl(tilsyn, server.url);
    await logInd(tilsyn, server.url, noegle);
  }, 240_000);

  afterAll(async () => {
    await browser?.luk();
    await server?.stop();
  }, 30_000);

  it(
    "vælger uddannelser fra kodelisten ved at skrive «pæd», og «Ingen» er ikke «ikke oplyst»",
    async () => {
      const p = tilsyn;
      await p.goto(`${server.url}/vurdering`);
      await p.getByRole("heading", { name: "Vurdering" }).waitFor();
      await p.getByLabel("Id (fx Tilbudsportalens) *").fill("E2E-1");
      await p.getByLabel("Navn", { exact: true }).fill("Bostedet Lærkereden");
      await p.getByLabel("Godkendt af socialtilsynet").selectOption("ja");
      await p.getByRole("button", { name: "Tilføj medarbejder" }).click();
      await p.getByRole("button", { name: "Tilføj medarbejder" }).click();

      // Employee 1: type "pæd", the list shows Pædagog first; Enter picks it.
      const udd1 = p.getByRole("combobox", { name: "Uddannelser, medarbejder 1" });
      await udd1.fill("pæd");
      const liste = p.getByRole("listbox", { name: "Uddannelser, medarbejder 1" });
      await liste.waitFor();
      const valg = await liste.getByRole("option").allTextContents();
      expect(valg[0]?.trim()).toBe("Pædagog");
      expect(valg.map((v) => v.trim())).toContain("Pædagogisk assistent");
      await billede(p, "kodeliste-paed");
      await udd1.press("Enter");
      // Without æ: "socialpaed" finds Pædagog by its synonym; it is already chosen (marked).
      await udd1.fill("socialpaed");
      expect((await liste.getByRole("option").first().textContent())?.trim()).toContain("Pædagog");
      await udd1.press("Escape");
      // The first hit is highlighted; one arrow down reaches the second.
      await udd1.fill("pæd");
      await udd1.press("ArrowDown");
      await udd1.press("Enter");
      await udd1.press("Escape");
      const chips = p.getByRole("list", { name: "Valgt: Uddannelser, medarbejder 1" });
      expect((await chips.getByRole("listitem").allTextContents()).map((t) => t.replace("×", "").trim())).toEqual([
        "Pædagog",
        "Pædagogisk assistent",
      ]);
      // Employee 2 has none: an explicit empty list. Employee 1's certifications stay not reported.
      await p.getByRole("checkbox", { name: "Ingen uddannelse" }).nth(1).check();
      await p.getByText("Vis som JSON").click();
      const json = JSON.parse((await p.locator(".json-visning").textContent()) ?? "{}") as {
        medarbejdere: { uddannelser?: string[]; certificeringer?: string[] }[];
      };
      expect(json.medarbejdere[0]?.uddannelser).toEqual(["paedagog", "paedagogiskAssistent"]);
      expect(json.medarbejdere[0]).not.toHaveProperty("certificeringer");
      expect(json.medarbejdere[1]?.uddannelser).toEqual([]);
      await udd1.scrollIntoViewIfNeeded();
      await billede(p, "kodeliste-valgt");

      // Sectors in the same way, by the mouse.
      const sektorer = p.getByRole("combobox", { name: "Sektorer" });
      await sektorer.fill("besk");
      await p.getByRole("option", { name: /Beskæftigelse/ }).click();
      expect(await p.getByRole("list", { name: "Valgt: Sektorer" }).textContent()).toContain("Beskæftigelse");

      await p.getByRole("button", { name: "Indplacér" }).click();
      await p.getByRole("heading", { name: "Indplacering af Bostedet Lærkereden" }).waitFor();
      const beskrivelse = p.locator(".maalgruppebeskrivelse");
      await beskrivelse.waitFor();
      await beskrivelse.locator("summary").click();
      if (regelsaet.maalgruppebeskrivelse?.kriterier?.[0])
        expect(await beskrivelse.textContent()).toContain(regelsaet.maalgruppebeskrivelse.kriterier[0].navn);
      expect(await beskrivelse.textContent()).toContain("Kilde: 004");
      await beskrivelse.scrollIntoViewIfNeeded();
      await billede(p, "resultat-maalgruppebeskrivelse");
    },
    2 * TRIN,
  );

  it(
    "henter skabelonen, uploader en CSV, gennemser uden at gemme, bekræfter, åbner en række og eksporterer",
    async () => {
      const p = tilsyn;
      await p.goto(`${server.url}/vurdering`);
      await p.getByRole("tab", { name: "Flere leverandører (upload)" }).click();

      // The template: the contract's columns with the regelsæt's parameters and an example row.
      const skabelonLink = p.getByRole("link", { name: "Hent CSV-skabelon" });
      await skabelonLink.waitFor();
      const [skabelonHent] = await Promise.all([p.waitForEvent("download"), skabelonLink.click()]);
      const skabelon = await tekstAf(skabelonHent);
      const [hoved, eksempel] = skabelon.replace(/^\uFEFF/, "").split("\r\n");
      expect(hoved?.split(";").slice(0, 2)).toEqual(["leverandoer.id", "leverandoer.navn"]);
      expect(hoved).toContain("tilsynsvurdering.fagmiljoe");
      expect(eksempel).toContain(MAALGRUPPE);
      await p.getByText("Alle kolonner i CSV-filen").click();
      await billede(p, "batch-skabelon-og-guide", true);

      const csv = [
        "leverandoer.id;leverandoer.navn;maalgruppe;godkendt;borgere.let;borgere.moderat;borgere.hoej;samarbejde.sektorer",
        `B1;Bostedet Højen;${MAALGRUPPE};ja;2;8;14;sundhed|undervisning`,
        `B2;Fejlhuset;${MAALGRUPPE};ja;x;2;1;`,
        `B3;Ikke godkendt bosted;${MAALGRUPPE};nej;1;1;1;`,
        `B4;Uoplyst bosted;${MAALGRUPPE};;1;1;1;`,
        `B5;"=HYPERLINK(""http://x.invalid"")";${MAALGRUPPE};ja;1;1;1;`,
      ].join("\n");
      await p.getByLabel("Fil (JSON eller CSV)").setInputFiles({
        name: "tilsyn.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv, "utf8"),
      });

      // Preview: every row with its level or its problem, and nothing stored yet.
      const proeve = p.getByTestId("batch-proeve");
      await proeve.or(p.getByRole("alert")).waitFor({ timeout: TRIN });
      expect(await p.getByRole("alert").count(), (await p.getByRole("alert").allTextContents()).join()).toBe(0);
      expect(await p.getByTestId("batch-proeve-optaelling").textContent()).toContain(
        "5 rækker: 4 kan indplaceres, 1 har fejl og springes over",
      );
      const fejlRaekke = proeve.locator("tr", { hasText: "Fejlhuset" });
      expect(await fejlRaekke.textContent()).toContain("Borgere med lette behov");
      expect(await fejlRaekke.locator("td").first().textContent()).toBe("3");
      expect(await proeve.locator("tr", { hasText: "Ikke godkendt bosted" }).textContent()).toContain(
        "tilbuddet er ikke godkendt",
      );
      expect(await proeve.locator("tr", { hasText: "Uoplyst bosted" }).textContent()).toContain(
        "godkendelse ikke oplyst",
      );
      expect(await p.getByRole("link", { name: /^Åbn/ }).count()).toBe(0);
      await billede(p, "batch-proeve", true);

      await p.getByRole("button", { name: "Bekræft og gem 4 afgørelser" }).click();
      const resultater = p.getByTestId("batch-resultater");
      await resultater.waitFor({ timeout: TRIN });
      expect(await p.getByTestId("batch-optaelling").textContent()).toMatch(/^4 afgørelser gemt: /);
      await billede(p, "batch-resultater", true);

      // Export: reasons in words, formula cells neutralised.
      const [eksportHent] = await Promise.all([
        p.waitForEvent("download"),
        p.getByRole("link", { name: "Hent resultaterne som CSV" }).click(),
      ]);
      const eksport = await tekstAf(eksportHent);
      expect(eksport.startsWith("\uFEFFRække;Leverandør-id;Leverandør;")).toBe(true);
      expect(eksport).toContain(`'=HYPERLINK(""http://x.invalid"")`);
      expect(eksport).not.toMatch(/;=HYPERLINK/);
      expect(eksport).toContain("Ikke indplaceret: tilbuddet er ikke godkendt");
      expect(eksport).toContain("Ikke indplaceret: godkendelse ikke oplyst");
      expect(eksport).toContain("Ikke behandlet");

      // The printed report: controls hidden, the decisions' ids shown.
      await p.emulateMedia({ media: "print" });
      expect(await p.getByRole("button", { name: "Udskriv rapport" }).isVisible()).toBe(false);
      expect(await resultater.locator(".afgoerelse-id").first().isVisible()).toBe(true);
      await billede(p, "batch-rapport-print", true);
      await p.emulateMedia({ media: "screen" });

      // A row opens the stored decision, the same view as a single vurdering.
      const raekke = resultater.locator("tr", { hasText: "Bostedet Højen" });
      const id = (await raekke.locator(".afgoerelse-id").textContent()) ?? "";
      await raekke.getByRole("link", { name: /^Åbn/ }).click();
      await p.getByRole("heading", { name: "Indplacering af Bostedet Højen" }).waitFor();
      expect(new URL(p.url()).searchParams.get("afgoerelse")).toBe(id);
      expect(await p.locator(".resultat-meta").textContent()).toContain(id);
      await billede(p, "batch-raekke-aabnet");
      // Back finds the results again.
      await p.getByRole("link", { name: "← Tilbage" }).click();
      await p.getByTestId("batch-resultater").waitFor();
    },
    3 * TRIN,
  );

  it("har ingen scriptfejl, CSP-overtrædelser eller fremmede hosts", () => {
    expect(fejl).toEqual([]);
  });
});
