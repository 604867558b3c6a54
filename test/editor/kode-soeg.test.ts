// Searching a kodeliste as a caseworker types: by label, code or synonym, with or without æ/ø/å,
// best matches first; a stored value is found by its code or a label/synonym written out.
import { describe, expect, it } from "vitest";
import { findKode, foldTekst, soegKoder } from "../../editor/src/faelles/kode-soeg.js";
import type { Kode } from "../../engine/index.js";

const LISTE: Kode[] = [
  { kode: "synspaedagog", navn: "Synspædagog" },
  { kode: "paedagogiskAssistent", navn: "Pædagogisk assistent", synonymer: ["PAU"] },
  { kode: "paedagog", navn: "Pædagog", synonymer: ["socialpædagog"] },
  { kode: "socialraadgiver", navn: "Socialrådgiver", synonymer: ["rådgiver"] },
  { kode: "ergoterapeut", navn: "Ergoterapeut" },
  { kode: "LA2", navn: "Low Arousal", synonymer: ["lav arousal"] },
];
const navne = (q: string) => soegKoder(LISTE, q).map((f) => f.kode.navn);

describe("søgning i en kodeliste", () => {
  it.each(["pæd", "paed", "PÆD", "Paed"])(
    "%j finder Pædagog først, så længere betegnelser, så dem, der blot indeholder det",
    (q) => {
      expect(navne(q)).toEqual(["Pædagog", "Pædagogisk assistent", "Synspædagog"]);
    },
  );

  it("finder på koden, et ord inde i betegnelsen og et synonym (og siger hvilket)", () => {
    expect(navne("la2")).toEqual(["Low Arousal"]);
    expect(navne("arousal")).toEqual(["Low Arousal"]);
    expect(navne("raadgiver")).toEqual(["Socialrådgiver"]);
    const pau = soegKoder(LISTE, "pau");
    expect(pau.map((f) => [f.kode.kode, f.viaSynonym])).toEqual([["paedagogiskAssistent", "PAU"]]);
    expect(navne("xyz")).toEqual([]);
  });

  it("viser hele listen i dens rækkefølge, når intet er skrevet", () => {
    expect(navne("  ")).toEqual(LISTE.map((k) => k.navn));
  });

  it("folder æ/ø/å, accenter, store bogstaver og bindestreger", () => {
    expect(foldTekst("Social- og Sundhedshjælper")).toBe("social og sundhedshjaelper");
    expect(foldTekst("Ergoterapeut/ÅØ")).toBe("ergoterapeut aaoe");
    expect(foldTekst("Café")).toBe("cafe");
  });

  it("genkender en gemt værdi på koden, betegnelsen eller et synonym", () => {
    expect(findKode(LISTE, "paedagog")?.navn).toBe("Pædagog");
    expect(findKode(LISTE, "Pædagog")?.kode).toBe("paedagog");
    expect(findKode(LISTE, "socialpaedagog")?.kode).toBe("paedagog");
    expect(findKode(LISTE, "lærer")).toBeUndefined();
  });
});
