// First start: the pilot regelsæt in rulesets/ become version 1 of their målgruppe, each with
// its golden cases (rulesets/testtilfaelde/<maalgruppe>.json) attached as `testtilfaelde`.
// A målgruppe that already has a version is left alone, so this is safe on every start.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { hashRegelsaet, validateRegelsaet } from "../engine/index.js";
import { koerTesttilfaelde } from "../engine/testtilfaelde.js";
import type { Database } from "./db/database.js";
import { indlaesFoersteVersion } from "./store/regelsaet.js";

export const PILOT_MAALGRUPPER = ["autisme", "erhvervet-hjerneskade", "synsnedsaettelse"] as const;

async function laesJson(fil: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(fil, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** Publishes each pilot regelsæt that has no version yet; returns the målgrupper it published. */
export async function indlaesPilotRegelsaet(db: Database, rulesetsDir: string, log: Logger): Promise<string[]> {
  const indlaest: string[] = [];
  for (const maalgruppe of PILOT_MAALGRUPPER) {
    const raa = await laesJson(join(rulesetsDir, `${maalgruppe}.json`));
    if (raa === undefined) {
      log.warn({ maalgruppe }, "Pilotregelsættet findes ikke i rulesets/; springes over");
      continue;
    }
    const testtilfaelde = await laesJson(join(rulesetsDir, "testtilfaelde", `${maalgruppe}.json`));
    const indhold =
      testtilfaelde !== undefined && typeof raa === "object" && raa !== null && !("testtilfaelde" in raa)
        ? { ...raa, testtilfaelde }
        : raa;
    const { fejl, regelsaet } = validateRegelsaet(indhold);
    if (!regelsaet) {
      log.error({ maalgruppe, fejl: fejl.slice(0, 10) }, "Pilotregelsættet er ugyldigt og indlæses ikke");
      continue;
    }
    if (regelsaet.maalgruppe !== maalgruppe) {
      log.error({ maalgruppe, iFilen: regelsaet.maalgruppe }, "Pilotregelsættets maalgruppe passer ikke til filnavnet");
      continue;
    }
    const fejlede = (await koerTesttilfaelde(regelsaet)).filter((t) => !t.bestaaet);
    if (fejlede.length > 0) {
      log.warn({ maalgruppe, fejlede: fejlede.map((t) => t.navn) }, "Pilotregelsættets testtilfælde fejler");
    }
    const ny = await indlaesFoersteVersion(db, {
      maalgruppe,
      indhold: JSON.stringify(regelsaet),
      hash: hashRegelsaet(regelsaet),
      note: "Pilotregelsættet fra rulesets/, indlæst ved første start.",
    });
    if (ny) indlaest.push(maalgruppe);
  }
  if (indlaest.length > 0) log.info({ maalgrupper: indlaest }, "Pilotregelsæt publiceret som version 1");
  return indlaest;
}
