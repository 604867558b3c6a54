// The API as the HTTP benchmark runs it, in a child process so that the load generator does
// not share its event loop: createApp on an embedded database (PGlite) in DATA_DIR — or, with
// DATABASE_URL, on that PostgreSQL server in a fresh schema — the pilot regelsæt published, one
// tilsyn key, and beside the API a bare Express route that parses the same JSON body and returns
// a constant — the reference for what Express itself costs. Under /uden-lager the same API again
// on the same database, except that decisions are not stored: the ceiling of the route without
// its storage, printed beside it for comparison only (the real API always stores). Under
// /anden-vej the real API with each decision evaluated the other way (the evaluation thread, or
// the HTTP thread: api/beregning), stored as usual: what that choice gains, in the same run.
// The API is the production build (dist/server, as `npm start` runs it) unless BENCH_KILDE=1.
// Prints one JSON line {port, noegle, iTraad} when it listens on a free loopback port.
import { join } from "node:path";
import express from "express";
import { pino } from "pino";
import type { Database } from "../api/db/database.js";

const apiSti = process.env.BENCH_KILDE === "1" ? "../api/" : "../dist/server/api/";
const { createApp, ROD } = (await import(`${apiSti}app.js`)) as typeof import("../api/app.js");
const { openPglite, openPostgres } = (await import(
  `${apiSti}db/database.js`
)) as typeof import("../api/db/database.js");
const { migrer } = (await import(`${apiSti}db/migrate.js`)) as typeof import("../api/db/migrate.js");
const { indlaesPilotRegelsaet } = (await import(`${apiSti}seed.js`)) as typeof import("../api/seed.js");
const { opretNoegle } = (await import(`${apiSti}store/noegler.js`)) as typeof import("../api/store/noegler.js");
const { BeregningsTraad, beregnerFor, iProcess } = (await import(
  `${apiSti}beregning/klient.js`
)) as typeof import("../api/beregning/klient.js");
const { KOLONNER } = (await import(
  `${apiSti}store/indplaceringer.js`
)) as typeof import("../api/store/indplaceringer.js");

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("bench: DATA_DIR must name a temporary folder");

const stille = pino({ level: "silent" });
const url = process.env.DATABASE_URL;
const skema = `bench_${process.pid}_${Date.now()}`;
const db = url ? await openPostgres(url, { schema: skema }) : await openPglite(join(dataDir, "pglite"));
await migrer(db);
await indlaesPilotRegelsaet(db, join(ROD, "rulesets"), stille);
const noegle = await opretNoegle(db, "bench", "tilsyn", "bench");

const KONSTANT = { niveau: "moderat", maalgruppe: "autisme" };
const ydre = express();
ydre.disable("x-powered-by");
ydre.post("/konstant", express.json({ limit: "5mb" }), (_req, res) => {
  res.json(KONSTANT);
});
// Written out, not spread: the embedded database is a class, whose methods a spread would drop.
// A decision's INSERT that re-checks its key (api/store/indplaceringer.ts) answers the ids it
// stored: the first parameter of each row of KOLONNER + 1.
const udenLager: Database = {
  slags: db.slags,
  aendringer: db.aendringer,
  exec: (sql) => db.exec(sql),
  transaction: (fn) => db.transaction(fn),
  close: () => db.close(),
  query: (sql, params, navn) =>
    sql.trimStart().startsWith("INSERT INTO indplaceringer ")
      ? Promise.resolve({
          rows: sql.includes("RETURNING id")
            ? (params ?? []).filter((_, i) => i % (KOLONNER + 1) === 0).map((id) => ({ id }) as never)
            : [],
          rowCount: 0,
        })
      : db.query(sql, params, navn),
};
ydre.use("/uden-lager", createApp({ db: udenLager, logger: stille, editorDist: null }));
// The same API with each decision evaluated the other way than the API chose here (api/beregning,
// beregnerFor): in the evaluation thread, or on the HTTP thread; decisions stored as usual.
const iTraad = beregnerFor(db.slags === "pglite" ? 1 : 0) !== iProcess;
const andenVej = createApp({
  db,
  logger: stille,
  editorDist: null,
  beregner: iTraad ? iProcess : new BeregningsTraad(),
});
ydre.use("/anden-vej", andenVej);
ydre.use(createApp({ db, logger: stille, editorDist: null }));

const server = ydre.listen(0, "127.0.0.1", () => {
  const adresse = server.address();
  const port = typeof adresse === "object" && adresse ? adresse.port : 0;
  console.log(JSON.stringify({ port, noegle, iTraad }));
});

process.on("SIGTERM", () => {
  server.close(() => {
    // The PostgreSQL run's schema goes with it (the embedded database's folder is removed by the bench).
    const ryd = url ? db.exec(`DROP SCHEMA ${skema} CASCADE`) : Promise.resolve();
    ryd.finally(() => db.close().finally(() => process.exit(0)));
  });
});
