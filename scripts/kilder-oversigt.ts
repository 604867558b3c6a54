// Writes rulesets/KILDER.md: every criterion of the pilot regelsæt with its source (a seed file,
// section and quote) or the team's assumption and reason. Generated from the regelsæt so that it
// can never drift from them; a test checks that the file is up to date (`npm run kilder`).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Betingelse, Kilde, Regelsaet } from "../engine/index.js";

const rod = fileURLToPath(new URL("../rulesets/", import.meta.url));
export const MAALGRUPPER = ["autisme", "erhvervet-hjerneskade", "synsnedsaettelse"] as const;
const NIVEAU: Record<string, string> = { let: "let", moderat: "moderat", hoej: "højt" };

type Sporbar = { kilde?: Kilde; antagelse?: boolean; begrundelse?: string; beskrivelse?: string };

function kildeTekst(s: Sporbar): string {
  if (s.kilde) {
    const citat = s.kilde.citat ? `: “${s.kilde.citat}”` : "";
    return `${s.kilde.dokument}, ${s.kilde.afsnit}${citat}`;
  }
  if (s.antagelse) return `**Antagelse**${s.begrundelse ? `: ${s.begrundelse}` : ""}`;
  return "—";
}

function betingelser(b: Betingelse, indryk: string, linjer: string[]): void {
  const s = b as Betingelse & Sporbar;
  const gruppe = "all" in b ? "alle" : "any" in b ? "mindst én af" : "not" in b ? "ikke" : null;
  if (gruppe) {
    const boern = "all" in b ? b.all : "any" in b ? b.any : "not" in b ? [b.not] : [];
    const egen = s.kilde || s.antagelse ? ` — ${kildeTekst(s)}` : "";
    if (indryk !== "" || egen || gruppe !== "alle") linjer.push(`${indryk}- _${s.beskrivelse ?? gruppe}_${egen}`);
    const dybere = indryk !== "" || egen || gruppe !== "alle" ? `${indryk}  ` : indryk;
    for (const c of boern) betingelser(c, dybere, linjer);
    return;
  }
  linjer.push(`${indryk}- ${s.beskrivelse ?? (b as { fact: string }).fact} — ${kildeTekst(s)}`);
}

function vaerdi(v: number | string[]): string {
  return Array.isArray(v) ? v.join(", ") : String(v).replace(".", ",");
}

function afsnit(r: Regelsaet): string {
  const linjer: string[] = [`## ${r.titel} (\`${r.maalgruppe}\`)`, ""];
  for (const p of r.parametre) {
    linjer.push(`### ${p.navn}${p.aktiv === false ? " (slået fra)" : ""}`, "");
    if (p.kilde) linjer.push(`Parameteren: ${kildeTekst(p)}`, "");
    if (p.ikkeRelevant) {
      linjer.push(`Ikke relevant, når: ${p.ikkeRelevant.beskrivelse} — ${kildeTekst(p.ikkeRelevant)}`);
      betingelser(p.ikkeRelevant.naar, "  ", linjer);
      linjer.push("");
    }
    for (const [niveau, k] of Object.entries(p.niveauer)) {
      linjer.push(`**${NIVEAU[niveau]}** — ${kildeTekst(k)}`, "");
      betingelser(k.betingelser, "", linjer);
      linjer.push("");
    }
  }
  linjer.push("### Tærskler", "", "| tærskel | værdi | kilde |", "|---|---|---|");
  for (const [navn, t] of Object.entries(r.taerskler)) {
    linjer.push(`| \`${navn}\` | ${vaerdi(t.vaerdi)} | ${kildeTekst(t).replace(/\|/g, "/")} |`);
    for (const v of t.varianter ?? [])
      linjer.push(`| \`${navn}@${v.navn}\` | ${vaerdi(v.vaerdi)} | ${kildeTekst(v).replace(/\|/g, "/")} |`);
  }
  linjer.push("");
  return linjer.join("\n");
}

const INDLEDNING = `# Kilder for pilotregelsættene

Genereret af \`npm run kilder\` fra \`rulesets/*.json\`; rediger regelsættene, ikke denne fil.
Hver betingelse, hvert niveau, hver tærskel og hver variant hviler på et af kildedokumenterne
(\`rulesets/kilder/\`, kopier af seeds) med afsnit og et kort citat — eller er markeret som
teamets **antagelse** med en begrundelse. En test (\`test/engine/sporbarhed.test.ts\`) fejler, når
en betingelse mangler begge, eller når et citat ikke står i det dokument, det henviser til.

| nr. | dokument |
|---|---|
| 000 | Evaluering af afprøvningen af specialiseringsmodellen på tre pilotområder (2021) |
| 001 | Projektbeskrivelse for spor 2 i evalueringen af det specialiserede socialområde |
| 002 | Socialstyrelsen: Model for beskrivelse af specialiseringsniveauer (december 2020) |
| 003 | Faglige sessioner om specialisering, rehabilitering og kvalitet (oplæg) |
| 004 | Socialstyrelsen: Kriterier for den nationale koordinationsstruktur |

## Læsninger, vi har valgt

- **Samme krav, samme regel.** Hvor modellen giver to niveauer samme krav, siger reglen det:
  vidensudvikling på let og moderat (002 kap. 3: "På let og moderat … løbende at holde sig
  opdateret"), samarbejdsform på moderat og højt ("en systematik"), målgruppespecifikke metoder
  på let og moderat ("relevant på alle tre specialiseringsniveauer").
- **Enten–eller er en \`any\`.** Vidensudvikling på højt kan opfyldes ad én af tre veje (002 kap. 3).
  Fagmiljø på højt: nok faste uddannede medarbejdere, eller et formelt tilknyttet specialteam
  (000 3.2.3). På synsområdet viser en synsfaglig udredning særlig tilpasning (000 3.2.1).
- **Fjernede krav, som kilderne ikke stiller:** specialteam som krav på højt fagmiljø;
  \`formaliseret\` samarbejde som krav på højt (nu scenariet "Formaliseret samarbejde på højt");
  deltagelse i netværk som krav på moderat vidensudvikling; to metoder på moderat.
- **Aktiv praksis:** pilotens 5 og 10 borgere (000 4.2.2) er grundværdien i alle tre regelsæt.
  Særforanstaltninger har egen variant (1 borger), fordi "kravet om et vist antal borgere …
  ikke må stå i vejen for, at tilbud med enkelte eller meget få pladser kan anerkendes som højt
  specialiseret" (000 4.2.2). Kommunikationscentre og matrikelløse på synsområdet har egen
  variant (000 3.2.3). Den højere grænse for voksenrehabilitering er et eksempelscenarie.
- **Tabel 4** læses monotont (ingen parameter under moderat på højt); den bogstavelige læsning
  er et valg i politikken (\`laesning\`).
- **Hjælpemidler på autismeområdet** er ikke relevante, når borgerne ikke har konkrete behov
  (000 3.2.3; 002 kap. 3 "hvor det er relevant"); parameteren tælles så ikke med.

## Åbne punkter

- Praksiserfaring: modellen taler om erfaring "på de respektive specialiseringsniveauer"; input
  har i dag ét tal pr. medarbejder (år med målgruppen). Erfaring pr. niveau kræver et nyt felt.
- Uddannelse: 002 kap. 3 nævner særlige uddannelser eller certificeringer "i relevant omfang"
  også på moderat niveau, Boks 4 kun på højt. Regelsættene følger Boks 4.
- Målgruppebeskrivelsernes egne tekster er ikke blandt kilderne; Boks 1–2 er modellens generiske
  graduering, Boks 3 og evalueringen giver eksemplerne.
`;

export function kilderMarkdown(): string {
  const dele = MAALGRUPPER.map((m) => afsnit(JSON.parse(readFileSync(`${rod}${m}.json`, "utf8")) as Regelsaet));
  return `${INDLEDNING}\n${dele.join("\n")}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${rod}KILDER.md`, kilderMarkdown());
  console.log("skrev rulesets/KILDER.md");
}
