// The batch's dry run (`?proev=true`), which the page's preview uses before anything is stored:
// the same reading, validation and evaluation as the real run, no row written, no ids; and the
// CSV columns served for the page's template and column guide.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvKolonner } from "../../api/csv.js";
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
} from "./hjaelpere.js";

describe.each(backends())("prøvekørsel af en batch ($navn)", (backend) => {
  let s: TestServer;
  let t: Record<string, string>;
  let m: string;
  beforeAll(async () => {
    s = await startTestServer(backend);
    t = auth(s.noegler.tilsyn);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
  });
  afterAll(() => s.ryd());

  const antalGemte = async () =>
    (await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM indplaceringer")).rows[0]?.n ?? -1;

  const csv = (mg: string) =>
    [
      "leverandoer.id;leverandoer.navn;maalgruppe;godkendt;borgere.let;borgere.moderat;borgere.hoej",
      `A;Aa;${mg};ja;0;0;12`,
      `B;Bb;${mg};ja;x;6;0`,
      `C;Cc;${mg};;0;6;0`,
    ].join("\n");

  it("vurderer en CSV som den rigtige kørsel, men gemmer intet og giver ingen id", async () => {
    const foer = await antalGemte();
    const proeve = await request(s.app)
      .post("/api/v1/indplacering/batch?proev=true")
      .set(t)
      .type("text/csv")
      .send(csv(m));
    expect(proeve.status).toBe(200);
    expect(proeve.body.proev).toBe(true);
    expect(await antalGemte()).toBe(foer);
    expect(proeve.body.antal).toEqual({ ialt: 3, indplaceret: 2, fejl: 1 });
    const [a, b, c] = proeve.body.resultater;
    expect(a).toEqual({
      niveau: "hoej",
      leverandoer: { id: "A", navn: "Aa" },
      manglendeOplysninger: expect.any(Array),
      regelsaet: expect.objectContaining({ maalgruppe: m, version: 1 }),
    });
    expect(a).not.toHaveProperty("id");
    expect(a).not.toHaveProperty("parametre");
    expect(b).toMatchObject({ index: 1, kode: "UGYLDIGT_VURDERINGSGRUNDLAG" });
    expect(b.detaljer[0].path).toBe("vurderingsgrundlag[1].borgere.let");
    // Not reported approval: not placed, and the preview says which field is missing.
    expect(c).toMatchObject({ niveau: "ikke-indplaceret" });
    expect(c.manglendeOplysninger).toContain("godkendt");

    // Confirming sends the same file without proev: the same levels, now stored with ids.
    const rigtig = await request(s.app).post("/api/v1/indplacering/batch").set(t).type("text/csv").send(csv(m));
    expect(rigtig.status).toBe(200);
    expect(rigtig.body.proev).toBeUndefined();
    expect(rigtig.body.resultater.map((r: { niveau?: string }) => r.niveau)).toEqual(
      proeve.body.resultater.map((r: { niveau?: string }) => r.niveau),
    );
    expect(await antalGemte()).toBe(foer + 2);
    const id = rigtig.body.resultater[0].id;
    const gemt = await request(s.app).get(`/api/v1/indplacering/${id}`).set(t);
    expect(gemt.status).toBe(200);
    expect(gemt.body.indplacering.niveau).toBe("hoej");
  });

  it("prøver også en JSON-batch og en ukendt målgruppe uden at gemme", async () => {
    const foer = await antalGemte();
    const svar = await request(s.app)
      .post("/api/v1/indplacering/batch?proev=1")
      .set(t)
      .send({ vurderingsgrundlag: [hoejLeverandoer(m, "J1"), moderatLeverandoer("findes-ikke", "J2")] });
    expect(svar.status).toBe(200);
    expect(svar.body.resultater[0]).toMatchObject({ niveau: "hoej", leverandoer: { id: "J1" } });
    expect(svar.body.resultater[1]).toMatchObject({ index: 1, kode: "UKENDT_REGELSAET" });
    expect(await antalGemte()).toBe(foer);
  });

  it("afviser en ugyldig proev-værdi med 400 og kræver tilsyn", async () => {
    const forkert = await request(s.app)
      .post("/api/v1/indplacering/batch?proev=maaske")
      .set(t)
      .type("text/csv")
      .send(csv(m));
    expect(forkert.status).toBe(400);
    expect(forkert.body.detaljer[0].path).toBe("proev");
    const laeser = await request(s.app)
      .post("/api/v1/indplacering/batch?proev=true")
      .set(auth(s.noegler.laeser))
      .type("text/csv")
      .send(csv(m));
    expect(laeser.status).toBe(403);
  });

  it("lister CSV-kolonnerne, som kontrakten har dem", async () => {
    const svar = await request(s.app).get("/api/v1/indplacering/batch/kolonner").set(t);
    expect(svar.status).toBe(200);
    expect(svar.body.kolonner).toEqual(csvKolonner());
    const navne = svar.body.kolonner.map((k: { navn: string }) => k.navn);
    expect(navne).toEqual(expect.arrayContaining(["forloebsfase", "hjaelpemidler.behovHosBorgerne"]));
    expect((await request(s.app).get("/api/v1/indplacering/batch/kolonner")).status).toBe(401);
  });
});
