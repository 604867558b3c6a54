// Starts the server: open the database (embedded in DATA_DIR, or DATABASE_URL), migrate, publish
// the pilot regelsæt on first start, listen, print the first admin key last (framed, so no log
// line above it hides it), and on SIGTERM/SIGINT stop taking requests, let those in flight finish,
// and close the database.
import { once } from "node:events";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pino } from "pino";
import { createApp, ROD } from "./app.js";
import { type Database, openPglite, openPostgres } from "./db/database.js";
import { migrer } from "./db/migrate.js";
import { laesKonfiguration, saetTidsgraenser } from "./konfiguration.js";
import { filer, fjernServerInfo, LaasOptaget, skrivServerInfo, tagLaas } from "./lokal.js";
import { sporForbindelser } from "./lukning.js";
import { indlaesPilotRegelsaet } from "./seed.js";
import { fornyLokalNoegle, opretFoersteAdmin, tilbagekaldLokalNoegle } from "./store/noegler.js";

const config = laesKonfiguration();
// pino's own destination for standard output (asynchronous, as pino's default). The address and the
// key go through it too: through process.stdout they could overtake log lines still being written.
const ud = pino.destination({ dest: 1, sync: false });
const log = pino({ level: config.logLevel, redact: ["req.headers.authorization", "headers.authorization"] }, ud);

let db: Database | undefined;
let frigivLaas: (() => Promise<void>) | undefined;
const embedded = config.databaseUrl === undefined;

async function ryd(): Promise<void> {
  if (embedded) await fjernServerInfo(config.dataDir).catch(() => {});
  await db?.close().catch(() => {});
  await frigivLaas?.().catch(() => {});
}

async function start() {
  if (config.databaseUrl) {
    db = await openPostgres(config.databaseUrl);
  } else {
    await mkdir(config.dataDir, { recursive: true });
    frigivLaas = await tagLaas(config.dataDir, "server");
    const indlejret = await openPglite(filer(config.dataDir).pglite);
    indlejret.naarTraadenStopper((err) => {
      log.fatal({ err }, "Den indlejrede databases tråd er stoppet; serveren lukker, så den kan startes igen");
      void ryd().finally(() => process.exit(1));
    });
    db = indlejret;
  }
  const nye = await migrer(db);
  if (nye.length > 0) log.info({ migreringer: nye }, "Databasen er migreret");
  await indlaesPilotRegelsaet(db, join(ROD, "rulesets"), log);
  const admin = await opretFoersteAdmin(db);
  const lokalNoegle = embedded ? await fornyLokalNoegle(db) : undefined;

  const tilstand = { lukker: false };
  const app = createApp({
    db,
    logger: log,
    bodyLimit: config.bodyLimit,
    maxBatch: config.maxBatch,
    maxBatchStream: config.maxBatchStream,
    batchBodyLimit: config.batchBodyLimit,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    tilstand,
  });
  const server = config.host === undefined ? app.listen(config.port) : app.listen(config.port, config.host);
  saetTidsgraenser(server, config);
  const lukning = sporForbindelser(server);
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  if (embedded) {
    const vaert = !config.host || config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
    await skrivServerInfo(config.dataDir, { pid: process.pid, port, vaert }, lokalNoegle);
  }
  log.info({ port, database: db.slags, dataDir: embedded ? config.dataDir : undefined }, "Serveren lytter");
  // One write: a reader that sees the address sees the key with it.
  ud.write(
    `Lytter på http://localhost:${port} (API-dokumentation: http://localhost:${port}/api/v1/docs)\n` +
      (admin ? adminRamme(admin, port) : ""),
  );

  let lukker = false;
  const luk = async (signal: string) => {
    if (lukker) return;
    lukker = true;
    tilstand.lukker = true;
    log.info({ signal }, "Lukker: færdiggør igangværende forespørgsler");
    await lukning.luk(config.lukketid * 1000);
    if (db && lokalNoegle) await tilbagekaldLokalNoegle(db).catch((err) => log.warn({ err }, "lokal-cli"));
    await ryd();
    log.info("Lukket");
    process.exit(0);
  };
  process.on("SIGTERM", () => void luk("SIGTERM"));
  process.on("SIGINT", () => void luk("SIGINT"));
}

/** The first admin key in a frame of its own; the key's line is bare, for copying and for scripts. */
function adminRamme(noegle: string, port: number): string {
  const linjer = [
    `Admin-nøgle: ${noegle}`,
    `Gem nøglen nu – den vises ikke igen. Log ind med den på http://localhost:${port}`,
    "Flere nøgler: npm run noegle -- opret --rolle tilsyn --navn <navn>",
  ];
  const streg = "═".repeat(Math.max(...linjer.map((l) => l.length)));
  return `${["", streg, ...linjer, streg, ""].join("\n")}\n`;
}

start().catch(async (e) => {
  if (e instanceof LaasOptaget) {
    console.error(`${e.message} Stop den først, eller brug en anden DATA_DIR.`);
    await db?.close().catch(() => {});
    process.exit(1);
  }
  log.fatal({ err: e }, "Serveren kunne ikke starte");
  await ryd();
  process.exit(1);
});
