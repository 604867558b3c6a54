// Group commit and kept answers: the two things that take the database off the hot path of
// POST /indplacering must never acknowledge an unstored row or serve an answer older than the
// last committed write.
import { describe, expect, it } from "vitest";
import { ALTID, Eneopslag } from "../../api/store/eneopslag.js";
import { GruppeCommit } from "../../api/store/gruppe-commit.js";

function udsat<T>(): { promise: Promise<T>; ok: (v: T) => void } {
  let ok: (v: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    ok = r;
  });
  return { promise, ok };
}

describe("GruppeCommit", () => {
  it("skriver rækker fra samme tur i én skrivning, og dem der kommer mens den er i gang, samlet i den næste", async () => {
    const skrivninger: number[][] = [];
    const foerste = udsat<void>();
    const g = new GruppeCommit<number, string>(async (r) => {
      skrivninger.push(r);
      if (skrivninger.length === 1) await foerste.promise;
      return r.map((x) => `id${x}`);
    }, 100);
    const svar = [g.gem(1), g.gem(2)];
    // The first write starts one turn of the event loop later, with both rows.
    while (skrivninger.length === 0) await new Promise((r) => setImmediate(r));
    svar.push(g.gem(3), g.gem(4), g.gem(5));
    foerste.ok();
    expect(await Promise.all(svar)).toEqual(["id1", "id2", "id3", "id4", "id5"]);
    expect(skrivninger).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it("svarer først, når rækken er skrevet", async () => {
    const skrevet = udsat<void>();
    let faerdig = false;
    const g = new GruppeCommit<number, number>(async (r) => {
      await skrevet.promise;
      return r;
    }, 10);
    const svar = g.gem(7).then((v) => {
      faerdig = true;
      return v;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(faerdig).toBe(false);
    skrevet.ok();
    expect(await svar).toBe(7);
  });

  it("deler store grupper efter max", async () => {
    const skrivninger: number[][] = [];
    const foerste = udsat<void>();
    const g = new GruppeCommit<number, number>(async (r) => {
      skrivninger.push(r);
      if (skrivninger.length === 1) await foerste.promise;
      return r;
    }, 2);
    const svar = [1, 2, 3, 4, 5].map((x) => g.gem(x));
    foerste.ok();
    await Promise.all(svar);
    expect(skrivninger).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("lader én afvist række fejle alene; naboerne i gruppen bliver skrevet", async () => {
    const foerste = udsat<void>();
    let kald = 0;
    const g = new GruppeCommit<number, number>(async (r) => {
      kald++;
      if (kald === 1) await foerste.promise;
      if (r.includes(13)) throw new Error("afvist: 13");
      return r.map((x) => x * 10);
    }, 100);
    const svar = [g.gem(1), g.gem(12), g.gem(13), g.gem(14)].map((p) =>
      p.then(
        (v) => ({ v }),
        (e: Error) => ({ fejl: e.message }),
      ),
    );
    foerste.ok();
    expect(await Promise.all(svar)).toEqual([{ v: 10 }, { v: 120 }, { fejl: "afvist: 13" }, { v: 140 }]);
  });
});

describe("Eneopslag", () => {
  it("husker fundne svar, men aldrig et 'ikke fundet'", async () => {
    const e = new Eneopslag<string>(ALTID);
    let laesninger = 0;
    const laes = (v: string | undefined) => async () => {
      laesninger++;
      return v;
    };
    expect(await e.hent("a", laes("A"))).toBe("A");
    expect(await e.hent("a", laes("andet"))).toBe("A");
    expect(await e.hent("b", laes(undefined))).toBeUndefined();
    expect(await e.hent("b", laes("B"))).toBe("B");
    expect(laesninger).toBe(3);
  });

  it("glemmer alt ved en skrivning og gemmer intet, der blev læst mens den kørte", async () => {
    const e = new Eneopslag<string>(ALTID);
    await e.hent("k", async () => "gammel");
    const skrivning = udsat<void>();
    const skriv = e.skriv(() => skrivning.promise);
    // Read while the write runs: it goes to the database and is not kept.
    expect(await e.hent("k", async () => "under")).toBe("under");
    skrivning.ok();
    await skriv;
    expect(await e.hent("k", async () => "ny")).toBe("ny");
    expect(await e.hent("k", async () => "ikke læst")).toBe("ny");
  });

  it("gemmer ikke et svar, hvis læsning startede før en skrivning sluttede", async () => {
    const e = new Eneopslag<string>(ALTID);
    const laesning = udsat<string>();
    const svar = e.hent("k", () => laesning.promise);
    await e.skriv(async () => {});
    laesning.ok("fra før skrivningen");
    expect(await svar).toBe("fra før skrivningen");
    expect(await e.hent("k", async () => "frisk")).toBe("frisk");
  });

  it("husker intet, når andres ændringer ikke kan kendes", async () => {
    const e = new Eneopslag<string>(undefined);
    await e.hent("k", async () => "A");
    expect(await e.hent("k", async () => "B")).toBe("B");
  });

  it("glemmer, når en anden skriver har ændret data, og husker intet, mens lytningen er nede", async () => {
    const andre = { aktiv: true, generation: 0 };
    const e = new Eneopslag<string>(andre);
    await e.hent("k", async () => "A");
    expect(await e.hent("k", async () => "ikke læst")).toBe("A");
    andre.generation++;
    expect(await e.hent("k", async () => "B")).toBe("B");
    expect(await e.hent("k", async () => "ikke læst")).toBe("B");
    andre.aktiv = false;
    expect(await e.hent("k", async () => "C")).toBe("C");
    expect(await e.hent("k", async () => "D")).toBe("D");
  });

  it("glemmer et husket svar, når en frisk læsning ikke finder det længere", async () => {
    const e = new Eneopslag<string>(ALTID);
    await e.hent("k", async () => "A");
    expect(await e.hent("k", async () => undefined, true)).toBeUndefined();
    expect(await e.hent("k", async () => "B")).toBe("B");
  });

  it("gemmer ikke et svar, hvis en anden skriver ændrede data, mens det blev læst", async () => {
    const andre = { aktiv: true, generation: 0 };
    const e = new Eneopslag<string>(andre);
    const laesning = udsat<string>();
    const svar = e.hent("k", () => laesning.promise);
    andre.generation++;
    laesning.ok("fra før ændringen");
    expect(await svar).toBe("fra før ændringen");
    expect(await e.hent("k", async () => "frisk")).toBe("frisk");
  });
});
