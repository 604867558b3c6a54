// Indplacering over the API: one provider, batch (JSON and CSV), stored decisions and their
// re-evaluation, and the draft → publish → evaluate-an-old-version cycle.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROD } from "../../api/app.js";
import { csvKolonner, laesCsv } from "../../api/csv.js";
import { csvBeskrivelse } from "../../api/openapi.js";
import { validateVurderingsgrundlag } from "../../engine/index.js";
import {
  auth,
  backends,
  hoejLeverandoer,
  moderatLeverandoer,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
  unikMaalgruppe,
  vurderingsgrundlag,
} from "./hjaelpere.js";

describe.each(backends())("indplacering ($navn)", (backend) => {
  let s: TestServer;
  let t: Record<string, string>;
  let m: string;
  beforeAll(async () => {
    s = await startTestServer(backend, { bodyLimit: "1mb", maxBatch: 50, maxBatchStream: 50 });
    t = auth(s.noegler.tilsyn);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
  });
  afterAll(() => s.ryd());

  it("indplacerer én leverandør, gemmer afgørelsen og viser den igen", async () => {
    const input = hoejLeverandoer(m);
    const svar = await request(s.app).post("/api/v1/indplacering").set(t).send({ vurderingsgrundlag: input });
    expect(svar.status).toBe(201);
    expect(svar.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      niveau: "hoej",
      maalgruppe: m,
      leverandoer: { id: "L-hoej", navn: "Højt" },
      regelsaet: { maalgruppe: m, version: 1, hash: expect.stringMatching(/^sha256:/), kladde: false },
      naesteNiveau: null,
    });
    expect(svar.body.parametre).toHaveLength(8);
    expect(svar.headers.location).toBe(`/api/v1/indplacering/${svar.body.id}`);

    const hentet = await request(s.app).get(`/api/v1/indplacering/${svar.body.id}`).set(t);
    expect(hentet.status).toBe(200);
    expect(hentet.body).toMatchObject({
      id: svar.body.id,
      noegle: "test-tilsyn",
      regelsaet: { maalgruppe: m, version: 1, kladde: false, hash: svar.body.regelsaet.hash },
      vurderingsgrundlag: input,
    });
    const { id: _id, ...resultat } = svar.body;
    expect(hentet.body.indplacering).toEqual(resultat);
    expect(hentet.body.identisk).toBeUndefined();
  });

  it("genberegner en gemt afgørelse med samme version og finder den identisk", async () => {
    const svar = await request(s.app)
      .post("/api/v1/indplacering")
      .set(t)
      .send({ vurderingsgrundlag: moderatLeverandoer(m) });
    const g = await request(s.app).get(`/api/v1/indplacering/${svar.body.id}?genberegn=true`).set(t);
    expect(g.status).toBe(200);
    expect(g.body.identisk).toBe(true);
    expect(g.body.genberegning).toEqual({ identisk: true });
    expect((await request(s.app).get(`/api/v1/indplacering/${svar.body.id}?genberegn=maaske`).set(t)).status).toBe(400);
  });

  it("gemmer tegn, som PostgreSQL-tekst ikke kan rumme, og genberegner dem identisk", async () => {
    const input = { ...hoejLeverandoer(m), leverandoer: { id: "a\u0000b", navn: "\u2028 æøå 👍" } };
    const svar = await request(s.app).post("/api/v1/indplacering").set(t).send({ vurderingsgrundlag: input });
    expect(svar.status).toBe(201);
    const g = await request(s.app).get(`/api/v1/indplacering/${svar.body.id}?genberegn=true`).set(t);
    expect(g.body.identisk).toBe(true);
    expect(g.body.vurderingsgrundlag.leverandoer.id).toBe("a\u0000b");
  });

  it("afviser ugyldig Unicode (enligt surrogattegn) med 422 og stien", async () => {
    const svar = await request(s.app)
      .post("/api/v1/indplacering")
      .set(t)
      .set("Content-Type", "application/json")
      .send(`{"vurderingsgrundlag":{"leverandoer":{"id":"x","navn":"\\ud800"},"maalgruppe":"${m}"}}`);
    expect(svar.status).toBe(422);
    expect(svar.body).toMatchObject({
      kode: "UGYLDIG_UNICODE",
      detaljer: [{ path: "vurderingsgrundlag.leverandoer.navn" }],
    });
    const noegle = await request(s.app)
      .put(`/api/v1/regelsaet/${m}/kladde`)
      .set(auth(s.noegler.forfatter))
      .set("Content-Type", "application/json")
      .send('{"\\udc00":1}');
    expect(noegle.status).toBe(422);
  });

  it("svarer 400 på en sti, der ikke kan afkodes", async () => {
    const svar = await request(s.app).get("/api/v1/indplacering/%E0%A4%A").set(t);
    expect(svar.status).toBe(400);
    expect(svar.body.fejl).toEqual(expect.any(String));
  });

  it("svarer 404 på en ukendt afgørelse", async () => {
    const agent = request(s.app);
    expect((await agent.get("/api/v1/indplacering/00000000-0000-4000-8000-000000000000").set(t)).status).toBe(404);
    expect((await agent.get("/api/v1/indplacering/ikke-et-id").set(t)).status).toBe(404);
  });

  it("afviser et ugyldigt vurderingsgrundlag med 422 og stier ind i kroppen", async () => {
    const agent = request(s.app);
    const svar = await agent
      .post("/api/v1/indplacering")
      .set(t)
      .send({ vurderingsgrundlag: { ...hoejLeverandoer(m), borgere: { let: -1, hoej: "mange" } } });
    expect(svar.status).toBe(422);
    expect(svar.body.kode).toBe("UGYLDIGT_VURDERINGSGRUNDLAG");
    expect(svar.body.detaljer.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["vurderingsgrundlag.borgere.let", "vurderingsgrundlag.borgere.hoej"]),
    );
    const ukendt = await agent
      .post("/api/v1/indplacering")
      .set(t)
      .send({ vurderingsgrundlag: hoejLeverandoer("findes-ikke") });
    expect(ukendt.status).toBe(422);
    expect(ukendt.body.detaljer[0].path).toBe("vurderingsgrundlag.maalgruppe");
    const version = await agent
      .post("/api/v1/indplacering")
      .set(t)
      .send({ vurderingsgrundlag: hoejLeverandoer(m), version: 99 });
    expect(version.status).toBe(422);
    expect(version.body.fejl).toContain("ingen version 99");
    for (const krop of [
      {},
      { vurderingsgrundlag: hoejLeverandoer(m), version: "1" },
      { vurderingsgrundlag: hoejLeverandoer(m), version: 0 },
      { vurderingsgrundlag: hoejLeverandoer(m), kladde: "ja" },
      { vurderingsgrundlag: hoejLeverandoer(m), ukendt: 1 },
      { vurderingsgrundlag: null },
      { vurderingsgrundlag: [] },
    ]) {
      const r = await agent.post("/api/v1/indplacering").set(t).send(krop);
      expect(r.status, JSON.stringify(krop)).toBe(422);
      expect(r.body.fejl).toEqual(expect.any(String));
    }
    expect((await agent.post("/api/v1/indplacering").set(t).send([1, 2])).status).toBe(422);
    const json = await agent.post("/api/v1/indplacering").set(t).set("Content-Type", "application/json").send("{x");
    expect(json.status).toBe(400);
    const stor = await agent
      .post("/api/v1/indplacering")
      .set(t)
      .send({ vurderingsgrundlag: { ...hoejLeverandoer(m), leverandoer: { id: "x".repeat(2_000_000) } } });
    expect(stor.status).toBe(413);
    const dyb = await agent
      .post("/api/v1/indplacering")
      .set(t)
      .set("Content-Type", "application/json")
      .send(`{"vurderingsgrundlag":${"[".repeat(50_000)}${"]".repeat(50_000)}}`);
    expect(dyb.status).toBe(422);
    expect(dyb.body.kode).toBe("FOR_DYB");
  });

  it("kører cyklussen kladde → publicér → indplacér med den gamle version", async () => {
    const mg = unikMaalgruppe();
    const f = auth(s.noegler.forfatter);
    await publicer(s, testRegelsaet(mg));
    const input = moderatLeverandoer(mg);
    const v1 = await request(s.app).post("/api/v1/indplacering").set(t).send({ vurderingsgrundlag: input });
    expect(v1.body.niveau).toBe("moderat");

    // Version 2 lowers every højt threshold to 5 citizens: the same provider becomes højt.
    const skaerpet = testRegelsaet(mg, (r) => {
      for (const [navn, taerskel] of Object.entries(r.taerskler))
        if (navn.endsWith(".hoej.minBorgere")) taerskel.vaerdi = 5;
    });
    const gemt = await request(s.app).put(`/api/v1/regelsaet/${mg}/kladde`).set(f).send(skaerpet);
    expect(gemt.status).toBe(201);
    // While it is a draft: tilsyn may not evaluate with it, forfatter may.
    expect(
      (await request(s.app).post("/api/v1/indplacering").set(t).send({ vurderingsgrundlag: input, kladde: true }))
        .status,
    ).toBe(403);
    const medKladde = await request(s.app)
      .post("/api/v1/indplacering")
      .set(f)
      .send({ vurderingsgrundlag: input, kladde: true });
    expect(medKladde.status).toBe(201);
    expect(medKladde.body.niveau).toBe("hoej");
    expect(medKladde.body.regelsaet).toMatchObject({ kladde: true, hash: gemt.body.hash });
    expect(medKladde.body.regelsaet.version).toBeUndefined();

    expect(
      (await request(s.app).post(`/api/v1/regelsaet/${mg}/publicer`).set(f).send({ note: "Lavere krav" })).status,
    ).toBe(201);
    const v2 = await request(s.app).post("/api/v1/indplacering").set(t).send({ vurderingsgrundlag: input });
    expect(v2.body).toMatchObject({ niveau: "hoej", regelsaet: { version: 2, hash: gemt.body.hash } });
    const gammel = await request(s.app)
      .post("/api/v1/indplacering")
      .set(t)
      .send({ vurderingsgrundlag: input, version: 1 });
    expect(gammel.body).toMatchObject({ niveau: "moderat", regelsaet: { version: 1, hash: v1.body.regelsaet.hash } });

    // Every decision re-evaluates identically with the version it names, including the draft one
    // (whose draft no longer exists).
    for (const id of [v1.body.id, medKladde.body.id, v2.body.id, gammel.body.id]) {
      const g = await request(s.app).get(`/api/v1/indplacering/${id}?genberegn=true`).set(t);
      expect(g.body.identisk, id).toBe(true);
    }
    const vis = await request(s.app).get(`/api/v1/indplacering/${medKladde.body.id}`).set(t);
    expect(vis.body.regelsaet).toMatchObject({ kladde: true, version: null });
  });

  it("indplacerer en batch i samme rækkefølge med fejl på de ugyldiges pladser", async () => {
    const liste = [
      hoejLeverandoer(m, "A"),
      { ...moderatLeverandoer(m, "B"), borgere: { let: "x" } },
      moderatLeverandoer(m, "C"),
      hoejLeverandoer("ukendt-maalgruppe", "D"),
      "ikke et objekt",
    ];
    const svar = await request(s.app).post("/api/v1/indplacering/batch").set(t).send({ vurderingsgrundlag: liste });
    expect(svar.status).toBe(200);
    expect(svar.body.antal).toEqual({ ialt: 5, indplaceret: 2, fejl: 3 });
    const r = svar.body.resultater;
    expect(r[0]).toMatchObject({ niveau: "hoej", leverandoer: { id: "A" }, id: expect.any(String) });
    expect(r[1]).toMatchObject({ index: 1, kode: "UGYLDIGT_VURDERINGSGRUNDLAG" });
    expect(r[1].detaljer).toContainEqual(expect.objectContaining({ path: "vurderingsgrundlag[1].borgere.let" }));
    expect(r[2]).toMatchObject({ niveau: "moderat", leverandoer: { id: "C" } });
    expect(r[3]).toMatchObject({ index: 3, kode: "UKENDT_REGELSAET" });
    expect(r[3].detaljer[0].path).toBe("vurderingsgrundlag[3].maalgruppe");
    expect(r[4]).toMatchObject({ index: 4, detaljer: [expect.objectContaining({ path: "vurderingsgrundlag[4]" })] });
    const gemt = await request(s.app).get(`/api/v1/indplacering/${r[2].id}?genberegn=true`).set(t);
    expect(gemt.body).toMatchObject({ identisk: true, vurderingsgrundlag: { leverandoer: { id: "C" } } });
  });

  it("afviser en batch, der ikke har den rette form", async () => {
    const agent = request(s.app);
    const b = "/api/v1/indplacering/batch";
    expect((await agent.post(b).set(t).send({ vurderingsgrundlag: {} })).status).toBe(422);
    expect((await agent.post(b).set(t).send({ vurderingsgrundlag: [], version: -1 })).status).toBe(422);
    expect((await agent.post(b).set(t).send({ vurderingsgrundlag: [], kladde: true })).status).toBe(403);
    const mange = Array.from({ length: 51 }, (_, i) => hoejLeverandoer(m, `N${i}`));
    expect((await agent.post(b).set(t).send({ vurderingsgrundlag: mange })).status).toBe(413);
    const tom = await agent.post(b).set(t).send({ vurderingsgrundlag: [] });
    expect(tom.body).toEqual({ antal: { ialt: 0, indplaceret: 0, fejl: 0 }, resultater: [] });
  });

  it("læser en CSV-batch med kolonnerne fra dokumentationen", async () => {
    const medarbejdere = JSON.stringify([
      { ansaettelse: "fast", erfaringAar: 6, uddannelser: ["paedagog"] },
    ]).replaceAll('"', '""');
    const csv = [
      "leverandoer.id,leverandoer.navn,leverandoer.type,maalgruppe,aldersgruppe,godkendt,borgere.let,borgere.moderat,borgere.hoej,metoder.maalgruppespecifikke,medarbejdere,tilsynsvurdering.fagmiljoe",
      `A,"Bo, og Bo",botilbud,${m},voksne,ja,0,0,12,TEACCH|KRAP,"${medarbejdere}",`,
      `B,Bostedet,botilbud,${m},voksne,true,0,6,0,,,let`,
      `C,Dårlig,botilbud,${m},voksne,måske,x,,,,"[ikke json",`,
    ].join("\n");
    const svar = await request(s.app)
      .post("/api/v1/indplacering/batch")
      .set(t)
      .set("Content-Type", "text/csv")
      .send(csv);
    expect(svar.status).toBe(200);
    const [a, b, c] = svar.body.resultater;
    expect(a).toMatchObject({ niveau: "hoej", leverandoer: { id: "A", navn: "Bo, og Bo" } });
    expect(b).toMatchObject({ niveau: "moderat", leverandoer: { id: "B" } });
    expect(b.parametre.find((p: { id: string }) => p.id === "fagmiljoe")).toMatchObject({
      niveau: "let",
      tilsynsvurdering: "let",
    });
    expect(c.index).toBe(2);
    expect(c.detaljer.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining([
        "vurderingsgrundlag[2].godkendt",
        "vurderingsgrundlag[2].borgere.let",
        "vurderingsgrundlag[2].medarbejdere",
      ]),
    );
    const gemt = await request(s.app).get(`/api/v1/indplacering/${a.id}`).set(t);
    expect(gemt.body.vurderingsgrundlag).toMatchObject({
      metoder: { maalgruppespecifikke: ["TEACCH", "KRAP"] },
      medarbejdere: [{ ansaettelse: "fast", erfaringAar: 6, uddannelser: ["paedagog"] }],
      godkendt: true,
    });
    expect(gemt.body.vurderingsgrundlag.fagmiljoe).toBeUndefined();

    const semikolon = `leverandoer.id;maalgruppe;godkendt;borgere.let;borgere.moderat;borgere.hoej\nS;${m};ja;0;0;12\n`;
    const s2 = await request(s.app)
      .post("/api/v1/indplacering/batch?version=1")
      .set(t)
      .set("Content-Type", "text/csv")
      .send(semikolon);
    expect(s2.body.resultater[0]).toMatchObject({ niveau: "hoej", regelsaet: { version: 1 } });
  });

  it("afviser en CSV med ukendte kolonner (422) eller ødelagt citering (400)", async () => {
    const agent = request(s.app);
    const csv = (tekst: string) =>
      agent.post("/api/v1/indplacering/batch").set(t).set("Content-Type", "text/csv").send(tekst);
    const ukendt = await csv(`leverandoer.id,maalgruppe,borgere.mange\nA,${m},3\n`);
    expect(ukendt.status).toBe(422);
    expect(ukendt.body.detaljer[0]).toMatchObject({ path: "kolonne 3 ('borgere.mange')" });
    const mangler = await csv("leverandoer.navn\nA\n");
    expect(mangler.status).toBe(422);
    expect(mangler.body.detaljer.map((d: { message: string }) => d.message).join(" ")).toContain(
      "'maalgruppe' mangler",
    );
    expect((await csv(`leverandoer.id,maalgruppe\n"A,${m}\n`)).status).toBe(400);
    expect((await csv(`leverandoer.id,maalgruppe\nA,${m},ekstra\n`)).status).toBe(400);
    expect((await csv("")).status).toBe(422);
    expect((await csv(`leverandoer.id,maalgruppe,__proto__.x\nA,${m},1\n`)).status).toBe(422);
    expect(
      (
        await agent
          .post("/api/v1/indplacering/batch?version=abc")
          .set(t)
          .set("Content-Type", "text/csv")
          .send(`leverandoer.id,maalgruppe\nA,${m}\n`)
      ).status,
    ).toBe(400);
  });
});

describe("CSV-kolonner", () => {
  it("står alle i api/README.md, som de står i koden", () => {
    // Compared cell by cell: the formatter pads Markdown tables.
    const raekker = (tekst: string) =>
      tekst
        .split("\n")
        .filter((l) => l.startsWith("| `"))
        .map((l) =>
          l
            .split(/(?<!\\)\|/)
            .map((c) => c.trim())
            .join("|"),
        );
    const readme = new Set(raekker(readFileSync(join(ROD, "api", "README.md"), "utf8")));
    const kode = raekker(csvBeskrivelse());
    expect(kode.length).toBe(csvKolonner().length);
    for (const r of kode) expect(readme.has(r), r).toBe(true);
  });

  it("dækker hvert felt i vurderingsgrundlaget, og en fuld række bliver et gyldigt vurderingsgrundlag", () => {
    const navne = csvKolonner().map((k) => k.navn);
    expect(navne).toEqual(
      expect.arrayContaining([
        "leverandoer.id",
        "leverandoer.type",
        "maalgruppe",
        "aldersgruppe",
        "aar",
        "godkendt",
        "borgere.let",
        "borgere.moderat",
        "borgere.hoej",
        "medarbejdere",
        "fagmiljoe.kompetencerAlleDage",
        "samarbejde.tvaerfagligt",
        "samarbejde.sektorer",
        "vidensudvikling.formidlerViden",
        "metoder.maalgruppespecifikke",
        "hjaelpemidler.anvendes",
        "fysiskeRammer.skaermning",
        "supplerende",
        "tilsynsvurdering.<parameter>",
      ]),
    );
    const [vg] = laesCsv(
      [
        "leverandoer.id,leverandoer.navn,leverandoer.type,leverandoer.afdeling,leverandoer.kommune,maalgruppe,aldersgruppe,aar,godkendt,borgere.let,borgere.moderat,borgere.hoej,fagmiljoe.kompetencerAlleDage,fagmiljoe.struktureretSparring,fagmiljoe.specialteam,samarbejde.tvaerfagligt,samarbejde.tvaersektorielt,samarbejde.sektorer,vidensudvikling.holderSigOpdateret,vidensudvikling.deltagerINetvaerk,vidensudvikling.bidragerTilVidensudvikling,vidensudvikling.formidlerViden,metoder.socialpaedagogiskPraksis,metoder.maalgruppespecifikke,metoder.saerligTilpasning,hjaelpemidler.anvendes,hjaelpemidler.vejlederAndre,fysiskeRammer.tilpassetMaalgruppen,fysiskeRammer.skaermning,supplerende,tilsynsvurdering.metoder",
        'L1,Navn,matrikelloes,Afd. 2,Aarhus,autisme,boern,2021,1,4,9,12,ja,nej,ja,systematisk,ad-hoc,sundhed|undervisning,ja,ja,nej,nej,ja,TEACCH,ja,ja,nej,ja,ja,"{""borgerinddragelse"":true}",hoej',
      ].join("\n"),
      10,
    );
    expect(validateVurderingsgrundlag(vg)).toEqual([]);
    expect(vg).toEqual(
      vurderingsgrundlag("autisme", {
        leverandoer: { id: "L1", navn: "Navn", type: "matrikelloes", afdeling: "Afd. 2", kommune: "Aarhus" },
        aldersgruppe: "boern",
        aar: 2021,
        godkendt: true,
        borgere: { let: 4, moderat: 9, hoej: 12 },
        fagmiljoe: { kompetencerAlleDage: true, struktureretSparring: false, specialteam: true },
        samarbejde: { tvaerfagligt: "systematisk", tvaersektorielt: "ad-hoc", sektorer: ["sundhed", "undervisning"] },
        vidensudvikling: {
          holderSigOpdateret: true,
          deltagerINetvaerk: true,
          bidragerTilVidensudvikling: false,
          formidlerViden: false,
        },
        metoder: { socialpaedagogiskPraksis: true, maalgruppespecifikke: ["TEACCH"], saerligTilpasning: true },
        hjaelpemidler: { anvendes: true, vejlederAndre: false },
        fysiskeRammer: { tilpassetMaalgruppen: true, skaermning: true },
        supplerende: { borgerinddragelse: true },
        tilsynsvurdering: { metoder: "hoej" },
      }),
    );
  });
});
