// Compact decisions (migration 002): a new decision is stored as its canonical input, levels and
// the SHA-256 of its explained result; reading it rebuilds the result and verifies the hash. A row
// tampered with in the database answers 500 with a log line naming the decision and both hashes.
// Rows stored the old way (full result) stay readable and re-evaluable.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROD } from "../../api/app.js";
import { kanoniskHash } from "../../api/kanonisk.js";
import { canonicalJson, forbered, hashRegelsaet, indplacerSync, type Regelsaet } from "../../engine/index.js";
import { RESULTATFORMAT } from "../../engine/resultat.js";
import { genererLeverandoerer } from "../../scripts/eksempel-generator.js";
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

describe.each(backends())("kompakte afgørelser ($navn)", (backend) => {
  let s: TestServer;
  let t: Record<string, string>;
  let m: string;
  const log: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const logger = pino({ level: "info" }, { write: (linje: string) => log.push(JSON.parse(linje)) });
    s = await startTestServer(backend, { logger });
    t = auth(s.noegler.tilsyn);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
  });
  afterAll(() => s.ryd());

  const indplacer = async (vurderingsgrundlag: unknown) => {
    const svar = await request(s.app).post("/api/v1/indplacering").set(t).send({ vurderingsgrundlag });
    expect(svar.status).toBe(201);
    return svar.body as { id: string } & Record<string, unknown>;
  };

  it("svaret er, efter id'et, præcis den tekst hvis SHA-256 er gemt", async () => {
    const svar = await request(s.app)
      .post("/api/v1/indplacering")
      .set(t)
      .send({ vurderingsgrundlag: hoejLeverandoer(m, "L-tekst") });
    expect(svar.status).toBe(201);
    const prefiks = `{"id":${JSON.stringify(svar.body.id)},`;
    expect(svar.text.startsWith(prefiks)).toBe(true);
    const tekst = `{${svar.text.slice(prefiks.length)}`;
    const { rows } = await s.db.query<{ resultat_sha256: string }>(
      "SELECT resultat_sha256 FROM indplaceringer WHERE id = $1",
      [svar.body.id],
    );
    expect(`sha256:${createHash("sha256").update(tekst).digest("hex")}`).toBe(rows[0]?.resultat_sha256);
  });

  it("gemmer kanonisk input, niveauer og resultatets SHA-256 — ikke resultatet", async () => {
    const input = moderatLeverandoer(m, "L-kompakt");
    const svar = await indplacer(input);
    const { rows } = await s.db.query<Record<string, string | null>>(
      "SELECT vurderingsgrundlag, resultat, resultat_sha256, niveau, parameter_niveauer FROM indplaceringer WHERE id = $1",
      [svar.id],
    );
    const r = rows[0];
    const { id: _id, ...resultat } = svar;
    expect(r?.resultat).toBeNull();
    expect(r?.vurderingsgrundlag).toBe(canonicalJson(input));
    // The engine's own (pure JavaScript) canonical hash of what the client was sent.
    expect(r?.resultat_sha256).toBe(hashRegelsaet(resultat));
    expect(r?.niveau).toBe("moderat");
    const parametre = resultat.parametre as { id: string; niveau: string }[];
    expect(JSON.parse(r?.parameter_niveauer ?? "{}")).toEqual(
      Object.fromEntries(parametre.map((p) => [p.id, p.niveau])),
    );

    const hentet = await request(s.app).get(`/api/v1/indplacering/${svar.id}?genberegn=true`).set(t);
    expect(hentet.status).toBe(200);
    expect(hentet.body.indplacering).toEqual(resultat);
    expect(hentet.body.vurderingsgrundlag).toEqual(input);
    expect(hentet.body.identisk).toBe(true);
  });

  it("genskaber afgørelsen uanset nøgleordenen i det indsendte input", async () => {
    const input = hoejLeverandoer(m, "L-orden");
    const omvendt = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(omvendt)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, omvendt(x)]),
            )
          : v;
    const svar = await indplacer(omvendt(input));
    const hentet = await request(s.app).get(`/api/v1/indplacering/${svar.id}`).set(t);
    expect(hentet.status).toBe(200);
    expect(hentet.body.indplacering.niveau).toBe("hoej");
  });

  it("svarer 500 og logger afgørelsens id og begge hashes, når en række er ændret i databasen", async () => {
    const svar = await indplacer(hoejLeverandoer(m, "L-pilles"));
    // Tamper with the stored input behind the API's back: 12 citizens at højt become 2.
    await s.db.query(
      `UPDATE indplaceringer SET vurderingsgrundlag = replace(vurderingsgrundlag, '"hoej":12', '"hoej":2') WHERE id = $1`,
      [svar.id],
    );
    const { rows } = await s.db.query<{ resultat_sha256: string; vurderingsgrundlag: string }>(
      "SELECT resultat_sha256, vurderingsgrundlag FROM indplaceringer WHERE id = $1",
      [svar.id],
    );
    expect(rows[0]?.vurderingsgrundlag).toContain('"hoej":2');
    const foer = log.length;
    const hentet = await request(s.app).get(`/api/v1/indplacering/${svar.id}`).set(t);
    expect(hentet.status).toBe(500);
    expect(hentet.body.kode).toBe("AFGOERELSE_KAN_IKKE_GENSKABES");
    expect(hentet.body.fejl).toContain(String(hentet.headers["x-request-id"]));
    const linje = log.slice(foer).find((l) => l.afgoerelse === svar.id);
    expect(linje).toMatchObject({
      level: 50,
      afgoerelse: svar.id,
      lagretHash: rows[0]?.resultat_sha256,
      genberegnetHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      msg: expect.stringContaining(`${svar.id} kan ikke genskabes: hash afviger`),
    });
    expect(linje?.genberegnetHash).not.toBe(linje?.lagretHash);
  });

  it("svarer 500, når det gemte niveau er ændret, selv om hashen passer", async () => {
    const svar = await indplacer(hoejLeverandoer(m, "L-niveau"));
    await s.db.query("UPDATE indplaceringer SET niveau = 'let' WHERE id = $1", [svar.id]);
    const hentet = await request(s.app).get(`/api/v1/indplacering/${svar.id}`).set(t);
    expect(hentet.status).toBe(500);
    expect(log.some((l) => l.afgoerelse === svar.id && l.lagretNiveau === "let")).toBe(true);
  });

  it("genskaber en afgørelse fra et ældre resultatformat ud fra niveauerne, ikke hashen", async () => {
    const svar = await indplacer(hoejLeverandoer(m, "L-format"));
    // As if stored by an engine whose explanations read differently: another format, another hash.
    await s.db.query(
      "UPDATE indplaceringer SET resultatformat = $2, resultat_sha256 = 'sha256:' || repeat('0', 64) WHERE id = $1",
      [svar.id, RESULTATFORMAT - 1],
    );
    const hentet = await request(s.app).get(`/api/v1/indplacering/${svar.id}`).set(t);
    expect(hentet.status).toBe(200);
    expect(hentet.body.indplacering.niveau).toBe("hoej");
    await s.db.query("UPDATE indplaceringer SET niveau = 'let' WHERE id = $1", [svar.id]);
    const aendret = await request(s.app).get(`/api/v1/indplacering/${svar.id}`).set(t);
    expect(aendret.status).toBe(500);
    expect(aendret.body.kode).toBe("AFGOERELSE_KAN_IKKE_GENSKABES");
  });

  it("læser og genberegner en afgørelse gemt før migration 002 med hele resultatet", async () => {
    const input = hoejLeverandoer(m, "L-gammel");
    // The result as the old code stored it: made through the API, then written as an old row.
    const ny = await indplacer(input);
    const { id: _id, ...resultat } = ny;
    const { rows } = await s.db.query<{ hash: string }>("SELECT hash FROM indplaceringer WHERE id = $1", [ny.id]);
    const gammel = randomUUID();
    await s.db.query(
      `INSERT INTO indplaceringer (id, maalgruppe, version, kladde, hash, leverandoer_id, niveau,
                                   vurderingsgrundlag, resultat, noegle)
       VALUES ($1, $2, 1, false, $3, 'L-gammel', 'hoej', $4, $5, 'test-tilsyn')`,
      [gammel, m, rows[0]?.hash, JSON.stringify(input), JSON.stringify(resultat)],
    );
    const hentet = await request(s.app).get(`/api/v1/indplacering/${gammel}?genberegn=true`).set(t);
    expect(hentet.status).toBe(200);
    expect(hentet.body.indplacering).toEqual(resultat);
    expect(hentet.body.identisk).toBe(true);

    // An old row tampered with is shown as stored, and the re-evaluation notices.
    await s.db.query(
      'UPDATE indplaceringer SET resultat = replace(resultat, \'"niveau":"hoej"\', \'"niveau":"let"\') WHERE id = $1',
      [gammel],
    );
    const g = await request(s.app).get(`/api/v1/indplacering/${gammel}?genberegn=true`).set(t);
    expect(g.status).toBe(200);
    expect(g.body.indplacering.niveau).toBe("let");
    expect(g.body.identisk).toBe(false);
    expect(g.body.genberegning.indplacering.niveau).toBe("hoej");
  });

  it("afviser en række uden både resultat og hash", async () => {
    await expect(
      s.db.query(
        `INSERT INTO indplaceringer (id, maalgruppe, version, kladde, hash, leverandoer_id, niveau, vurderingsgrundlag, noegle)
         VALUES ($1, $2, 1, false, 'sha256:x', 'x', 'let', '{}', 'x')`,
        [randomUUID(), m],
      ),
    ).rejects.toThrow(/indplaceringer_resultat_eller_hash/);
  });

  it("gemmer hver afgørelse i en batch kompakt, og hver kan læses igen", async () => {
    const svar = await request(s.app)
      .post("/api/v1/indplacering/batch")
      .set(t)
      .send({ vurderingsgrundlag: [hoejLeverandoer(m, "B1"), moderatLeverandoer(m, "B2")] });
    expect(svar.status).toBe(200);
    const ids = (svar.body.resultater as { id: string; niveau: string }[]).map((r) => r.id);
    expect(ids).toHaveLength(2);
    for (const [i, id] of ids.entries()) {
      const hentet = await request(s.app).get(`/api/v1/indplacering/${id}`).set(t);
      expect(hentet.status).toBe(200);
      const { id: _id, ...resultat } = svar.body.resultater[i];
      expect(hentet.body.indplacering).toEqual(resultat);
    }
    const { rows } = await s.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM indplaceringer WHERE id = ANY($1::uuid[]) AND resultat IS NULL",
      [ids],
    );
    expect(rows[0]?.n).toBe(2);
  });
});

describe("kanonisk hash i API'et", () => {
  // The text itself is tested against the reference implementation in test/engine/kanonisk.test.ts.
  it("er motorens hash (node:crypto og ren JavaScript giver samme SHA-256) for 300 resultater", () => {
    expect(kanoniskHash({ b: 1, a: 2 })).toBe(hashRegelsaet({ a: 2, b: 1 }));
    const r = JSON.parse(readFileSync(join(ROD, "rulesets", "autisme.json"), "utf8")) as Regelsaet;
    const f = forbered(r);
    for (const l of genererLeverandoerer(300, { seed: 7, maalgruppe: "autisme", medarbejdere: 12 })) {
      const resultat = indplacerSync(f, l, { version: 3, kladde: false });
      expect(kanoniskHash(resultat)).toBe(hashRegelsaet(resultat));
      expect(kanoniskHash(l)).toBe(hashRegelsaet(l));
    }
  });
});
