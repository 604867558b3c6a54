// Tilbud over time in the browser (issue 13), on the real server and Debian's Chromium: a
// caseworker at Socialtilsyn Nord sees her tilbud's due reassessments and its history; an analyst
// at Socialstyrelsen runs the konsekvensanalyse of a draft in the publish dialog, publishes, and
// reads the consistency table. Screenshots go to test-results/screenshots/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { koerTesttilfaelde } from "../../engine/testtilfaelde.js";
import { byggEditorHvisForaeldet, ROD } from "./bygning.js";
import { type Browser, startChromium } from "./chromium.js";
import { logInd, overvaagFejl, skaermbillede } from "./hjaelpere.js";
import { type Server, startServer } from "./server.js";

const TRIN = 90_000;

describe("tilbud, historik og konsekvensanalyse i browseren", () => {
  let server: Server;
  let browser: Browser;
  const noegler: Record<string, string> = {};
  const sider: { page: Page; fejl: string[] }[] = [];

  const api = async (noegle: string, sti: string, metode = "GET", krop?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${sti}`, {
      method: metode,
      headers: { Authorization: `Bearer ${noegle}`, "Content-Type": "application/json" },
      body: krop === undefined ? undefined : JSON.stringify(krop),
    });
    const tekst = await res.text();
    if (!res.ok) throw new Error(`E2E: ${metode} ${sti}: ${res.status} ${tekst}`);
    return tekst ? JSON.parse(tekst) : undefined;
  };

  async function nySide(): Promise<Page> {
    const page = await browser.context.newPage();
    sider.push({ page, fejl: overvaagFejl(page, server.url) });
    return page;
  }

  beforeAll(async () => {
    byggEditorHvisForaeldet({ stille: true });
    [server, browser] = await Promise.all([startServer(), startChromium()]);
    for (const [navn, rolle, organisation] of [
      ["sagsbehandler-nord", "tilsyn", "socialtilsyn-nord"],
      ["analytiker", "forfatter", "socialstyrelsen"],
    ] as const) {
      noegler[navn] = (await api(server.adminNoegle, "/noegler", "POST", { navn, rolle, organisation }))
        .noegle as string;
    }
    const nord = noegler["sagsbehandler-nord"] ?? "";
    await api(nord, "/tilbud/T100", "PUT", {
      navn: "Bostedet Lærkevej",
      type: "botilbud",
      kommune: "Aalborg",
      socialtilsyn: "socialtilsyn-nord",
      maalgrupper: ["autisme"],
      afdelinger: [
        { id: "A", navn: "Huset", maalgruppe: "autisme", pladser: 8 },
        { id: "B", navn: "Værkstedet", maalgruppe: "autisme", pladser: 4 },
      ],
    });
    // Two decisions for afdeling A two years apart (the second with fewer citizens, and the tilsyn's
    // own level for fagmiljø), and one for B long overdue.
    const eksempel = (
      JSON.parse(readFileSync(join(ROD, "rulesets", "eksempeldata.json"), "utf8")) as {
        maalgruppe: string;
        leverandoer: Record<string, unknown>;
      }[]
    ).filter((l) => l.maalgruppe === "autisme");
    const vg = (i: number, ekstra: Record<string, unknown> = {}) => ({
      ...eksempel[i],
      leverandoer: { ...eksempel[i]?.leverandoer, id: "T100" },
      ...ekstra,
    });
    await api(nord, "/tilbud/T100/afgoerelser", "POST", {
      afdeling: "A",
      gyldigFra: "2022-02-01",
      vurderingsgrundlag: vg(0),
    });
    await api(nord, "/tilbud/T100/afgoerelser", "POST", {
      afdeling: "A",
      gyldigFra: "2024-02-01",
      vurderingsgrundlag: vg(0, { borgere: { let: 1, moderat: 2, hoej: 1 }, tilsynsvurdering: { fagmiljoe: "hoej" } }),
    });
    await api(nord, "/tilbud/T100/afgoerelser", "POST", {
      afdeling: "B",
      gyldigFra: "2021-03-01",
      vurderingsgrundlag: vg(1),
    });
  }, 400_000);

  afterAll(async () => {
    await browser?.luk();
    await server?.stop();
  }, 30_000);

  it(
    "en sagsbehandler ser sit tilsyns forfaldne revurderinger og tilbuddets historik",
    async () => {
      const p = await nySide();
      await logInd(p, server.url, noegler["sagsbehandler-nord"] ?? "");
      await p.getByRole("link", { name: "Tilbud", exact: true }).click();
      const revurderinger = p.getByTestId("revurderinger-socialtilsyn-nord");
      await revurderinger.waitFor();
      const tekst = (await revurderinger.textContent()) ?? "";
      expect(tekst).toContain("Bostedet Lærkevej");
      expect(tekst).toContain("Forfalden");
      // Only her own organisation's group is shown.
      expect(await p.getByText("Socialtilsyn Syd").count()).toBe(0);
      await skaermbillede(p, "tilbud-revurderinger", true);

      await revurderinger.getByRole("link", { name: "Bostedet Lærkevej" }).first().click();
      await p.getByRole("heading", { name: /Bostedet Lærkevej/ }).waitFor();
      const tabeller = p.getByTestId("historik-tabel");
      await expect.poll(() => tabeller.count()).toBe(2);
      const a = (await tabeller.filter({ hasText: "2022-02-01" }).textContent()) ?? "";
      expect(a).toContain("2022-02-01");
      expect(a).toContain("Første afgørelse");
      expect(a).toContain(
        "Oplysningerne ændret: borgere.hoej, borgere.let, borgere.moderat, tilsynsvurdering.fagmiljoe",
      );
      expect(await p.getByTestId("tilbud-revurderinger").textContent()).toContain("forfalden");
      await p.locator(".historik-enhed canvas").first().waitFor();
      await skaermbillede(p, "tilbud-historik", true);
    },
    TRIN,
  );

  it(
    "en analytiker ser konsekvensen af en kladde for de gældende afgørelser og publicerer",
    async () => {
      const analytiker = noegler.analytiker ?? "";
      const autisme = await api(analytiker, "/regelsaet/autisme");
      // Moderat with all eight parameters instead of seven: afdeling A's decision in force (seven at
      // moderat or above, aktiv praksis at let) moves down; afdeling B's (all eight) stays. The
      // analyst means the change, so the golden cases it moves get their new expected level.
      autisme.taerskler["indplacering.moderat.minParametre"].vaerdi = 8;
      for (const t of await koerTesttilfaelde(autisme)) {
        const tilfaelde = autisme.testtilfaelde.find((x: { navn: string }) => x.navn === t.navn);
        if (!t.bestaaet && t.faktisk) tilfaelde.forventet = { niveau: t.faktisk.niveau };
      }
      await api(analytiker, "/regelsaet/autisme/kladde", "PUT", autisme);
      const forventet = await api(analytiker, "/regelsaet/autisme/kladde/konsekvens");
      expect(forventet.resume).toMatchObject({ afgoerelser: 2, flyttede: 1, op: 0, ned: 1 });

      const p = await nySide();
      await logInd(p, server.url, analytiker);
      await p.goto(`${server.url}/regelsaet/autisme`);
      await p.getByRole("button", { name: "Publicér …" }).click();
      const dialog = p.getByRole("dialog", { name: "Publicér kladden" });
      const resume = dialog.getByTestId("konsekvens-resume");
      await resume.waitFor({ timeout: 30_000 });
      expect(await resume.textContent()).toContain(`${forventet.resume.afgoerelser} gældende afgørelser`);
      expect(await resume.textContent()).toContain("1 flytter — 0 op, 1 ned");
      // The moved tilbud is listed with the scenario view's reasons.
      const flyttet = forventet.flyttede[0].leverandoer;
      await dialog
        .getByText(flyttet.navn ?? flyttet.id)
        .first()
        .waitFor();
      await skaermbillede(p, "konsekvens-foer-publicering", true);
      await dialog.getByLabel("Note om ændringen").fill("E2E: moderat kræver alle otte parametre");
      await dialog.getByRole("button", { name: "Publicér", exact: true }).click();
      await p.getByText("Version 2 er publiceret.").waitFor({ timeout: 30_000 });
      const gemt = await api(analytiker, "/regelsaet/autisme/konsekvens?version=2");
      expect(gemt.resume).toEqual(forventet.resume);

      await p.getByRole("link", { name: "Konsistens", exact: true }).click();
      const tabel = p.getByTestId("konsistens-tabel");
      await tabel.waitFor();
      expect(await tabel.textContent()).toContain("Socialtilsyn Nord");
      // The tilsyn raised fagmiljø once (if the rule did not already give højt).
      expect(await tabel.textContent()).toMatch(/Socialtilsyn Nord2[0-9]* af [0-9]+/);
      await skaermbillede(p, "konsistens", true);
    },
    TRIN,
  );

  it("siderne gav ingen script- eller CSP-fejl", () => {
    expect(sider.flatMap((s) => s.fejl)).toEqual([]);
  });
});
