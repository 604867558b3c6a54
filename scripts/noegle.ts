// API keys from the command line:
//   npm run noegle -- opret --rolle tilsyn --navn sagssystem
//   npm run noegle -- liste
//   npm run noegle -- tilbagekald --navn sagssystem
// With the embedded database: when a server runs on DATA_DIR, the command asks it over HTTP with
// the server's local admin key; otherwise it takes DATA_DIR's lock and opens the database itself,
// so the database files are never open in two processes. With DATABASE_URL it talks to
// PostgreSQL directly (the server may run meanwhile).
import { parseArgs } from "node:util";
import { type Database, openPglite, openPostgres } from "../api/db/database.js";
import { migrer } from "../api/db/migrate.js";
import { HttpError } from "../api/http-error.js";
import { laesKonfiguration } from "../api/konfiguration.js";
import { filer, LaasOptaget, laesServerInfo, lever, tagLaas } from "../api/lokal.js";
import {
  LOKAL_CLI,
  listNoegler,
  type NoegleInfo,
  opretNoegle,
  ROLLER,
  tilbagekaldNoegle,
  tjekNoegleInput,
} from "../api/store/noegler.js";

const BRUG = `Brug:
  npm run noegle -- opret --rolle <${ROLLER.join("|")}> --navn <navn> [--organisation <organisation>]
  npm run noegle -- liste
  npm run noegle -- tilbagekald --navn <navn>`;

type Kommando =
  | { slags: "opret"; navn: string; rolle: string; organisation?: string }
  | { slags: "liste" }
  | { slags: "tilbagekald"; navn: string };

interface Udfoerer {
  opret(navn: string, rolle: string, organisation?: string): Promise<string>;
  liste(): Promise<NoegleInfo[]>;
  tilbagekald(navn: string): Promise<void>;
}

function direkte(db: Database): Udfoerer {
  return {
    async opret(navn, rolle, organisation) {
      const k = tjekNoegleInput(navn, rolle, organisation);
      return opretNoegle(db, k.navn, k.rolle, LOKAL_CLI, k.organisation);
    },
    liste: () => listNoegler(db),
    tilbagekald: (navn) => tilbagekaldNoegle(db, navn, LOKAL_CLI),
  };
}

function overHttp(port: number, vaert: string, noegle: string): Udfoerer {
  const kald = async (metode: string, sti: string, krop?: unknown) => {
    const svar = await fetch(`http://${vaert.includes(":") ? `[${vaert}]` : vaert}:${port}/api/v1${sti}`, {
      method: metode,
      headers: { Authorization: `Bearer ${noegle}`, ...(krop ? { "Content-Type": "application/json" } : {}) },
      body: krop ? JSON.stringify(krop) : undefined,
    });
    const tekst = await svar.text();
    const json = tekst ? (JSON.parse(tekst) as Record<string, unknown>) : {};
    if (!svar.ok) {
      const detaljer = (json.detaljer as { path: string; message: string }[] | undefined) ?? [];
      throw new HttpError(svar.status, String(json.kode ?? "FEJL"), String(json.fejl ?? svar.statusText), detaljer);
    }
    return json;
  };
  return {
    opret: async (navn, rolle, organisation) =>
      String((await kald("POST", "/noegler", { navn, rolle, ...(organisation ? { organisation } : {}) })).noegle),
    liste: async () => (await kald("GET", "/noegler")).noegler as NoegleInfo[],
    tilbagekald: async (navn) => {
      await kald("DELETE", `/noegler/${encodeURIComponent(navn)}`);
    },
  };
}

async function koer(k: Kommando, u: Udfoerer): Promise<void> {
  if (k.slags === "opret") {
    const hemmelighed = await u.opret(k.navn, k.rolle, k.organisation);
    console.log(`Nøgle '${k.navn}' (${k.rolle}) er oprettet. Den vises kun denne ene gang:`);
    console.log(`Nøgle: ${hemmelighed}`);
  } else if (k.slags === "liste") {
    const noegler = await u.liste();
    for (const n of noegler) {
      const status = n.tilbagekaldt ? `tilbagekaldt ${n.tilbagekaldt}` : "aktiv";
      console.log(`${n.navn.padEnd(24)} ${n.rolle.padEnd(10)} oprettet ${n.oprettet}  ${status}`);
    }
    if (noegler.length === 0) console.log("Ingen nøgler.");
  } else {
    await u.tilbagekald(k.navn);
    console.log(`Nøglen '${k.navn}' er tilbagekaldt.`);
  }
}

function laesKommando(argv: string[]): Kommando {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { navn: { type: "string" }, rolle: { type: "string" }, organisation: { type: "string" } },
  });
  const [slags] = positionals;
  if (slags === "liste") return { slags };
  if (slags === "opret" && values.navn && values.rolle) {
    return { slags, navn: values.navn, rolle: values.rolle, organisation: values.organisation };
  }
  if (slags === "tilbagekald" && values.navn) return { slags, navn: values.navn };
  throw new Error(BRUG);
}

const vent = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const k = laesKommando(process.argv.slice(2));
  const config = laesKonfiguration();
  if (config.databaseUrl) {
    const db = await openPostgres(config.databaseUrl, { max: 2 });
    try {
      await migrer(db);
      await koer(k, direkte(db));
    } finally {
      await db.close();
    }
    return;
  }
  // A server that is starting holds the lock before it writes server.json: wait a little.
  for (let forsoeg = 0; ; forsoeg++) {
    let frigiv: (() => Promise<void>) | undefined;
    try {
      frigiv = await tagLaas(config.dataDir, "noegle");
    } catch (e) {
      if (!(e instanceof LaasOptaget)) throw e;
      const info = await laesServerInfo(config.dataDir);
      if (e.indehaver.hvem === "server" && info?.pid === e.indehaver.pid && lever(info.pid) && info.noegle) {
        await koer(k, overHttp(info.port, info.vaert, info.noegle));
        return;
      }
      // A backup or restore is not waited for: it may take minutes.
      if (e.indehaver.hvem === "backup" || e.indehaver.hvem === "restore")
        throw new Error(`${e.message} Prøv igen, når den er færdig.`);
      if (forsoeg >= 50) {
        throw new Error(`${e.message} Den svarer ikke; prøv igen, når den er startet eller stoppet.`);
      }
      await vent(200);
      continue;
    }
    try {
      const db = await openPglite(filer(config.dataDir).pglite);
      try {
        await migrer(db);
        await koer(k, direkte(db));
      } finally {
        await db.close();
      }
    } finally {
      await frigiv();
    }
    return;
  }
}

main().catch((e: unknown) => {
  if (e instanceof HttpError) {
    console.error(`Fejl: ${e.fejl}`);
    for (const d of e.detaljer) console.error(`  ${d.path}: ${d.message}`);
  } else {
    console.error(e instanceof Error ? e.message : String(e));
  }
  process.exit(1);
});
