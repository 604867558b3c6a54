// The explained result's format is part of every stored compact decision (api: a row is rebuilt
// on read and checked against its SHA-256). This test pins the output of a frozen regelsæt and
// frozen inputs: when the engine's explanations change, it fails until RESULTATFORMAT is bumped
// and the pinned hash below is updated together with it — so that older rows are checked on
// their levels instead of answering 500.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  forbered,
  indplacerSync,
  RESULTATFORMAT,
  type Regelsaet,
  type Vurderingsgrundlag,
} from "../../engine/index.js";

const FASTFROSSET = fileURLToPath(new URL("../fixtures/resultatformat/fastfrosset.json", import.meta.url));
/** Format → SHA-256 of the canonical JSON of every frozen input's explained result. */
const KENDTE_FORMATER: Record<number, string> = {
  1: "a5b72bcdc9f562b87043e07ae1cfbfb0bc88a587ca92f81a92bca8395c6e36e4",
};

describe("resultatformat", () => {
  it("the explained result of frozen inputs is the one pinned for the current RESULTATFORMAT", () => {
    const { regelsaet, vurderingsgrundlag } = JSON.parse(readFileSync(FASTFROSSET, "utf8")) as {
      regelsaet: Regelsaet;
      vurderingsgrundlag: Vurderingsgrundlag[];
    };
    const f = forbered(regelsaet);
    const resultater = vurderingsgrundlag.map((g) => indplacerSync(f, g, { version: 1, kladde: false }));
    const hash = createHash("sha256").update(canonicalJson(resultater)).digest("hex");
    expect(
      hash,
      `The explained result changed. If this is intended, bump RESULTATFORMAT in engine/resultat.ts and pin ${hash} for it here.`,
    ).toBe(KENDTE_FORMATER[RESULTATFORMAT]);
  });
});
