// Batch indplacering read and answered as streams, so that 100,000 providers never sit in memory
// at once: the body (JSON or CSV) is parsed as it arrives, each item is evaluated as soon as it is
// whole, decisions are stored a hundred at a time (one transaction per chunk), and the answer
// is written as the results come, waiting for the client when it reads slowly.
//
// A batch of at most SAMLET items is still answered as before — `{ antal, resultater }`, all
// stored in one transaction, any problem with the request as a 4xx status. Only beyond that the
// answer streams: `{ "resultater": [ … ], "antal": { … } }`; a problem found after the answer has
// begun (broken JSON or CSV, too many items, too large) cannot change the status any more and
// ends the answer with `"afbrudt": { fejl, kode, detaljer }` before `antal`; the decisions stored
// until then are listed with their ids.
import type { Readable } from "node:stream";
import { parse as csvParser } from "csv-parse";
import type { Request, Response } from "express";
import parserStream from "stream-json";
import Assembler from "stream-json/assembler.js";
import { csvHoved, csvRaekke, csvValg, skilletegn, ulaeseligCsv } from "./csv.js";
import { sandhedParam, versionsnummer } from "./forespoergsel.js";
import { detalje, HttpError } from "./http-error.js";
import { Indplacerer, indplacerMange, type Udfald, type Valg } from "./indplacering.js";
import type { Kontekst } from "./kontekst.js";
import { kraevRolle, noegleFor } from "./middleware/adgang.js";

/** Batches up to this many items are answered whole (antal first, one transaction). */
export const SAMLET = 1000;
/**
 * Decisions stored per transaction and written per chunk when streaming. A chunk is held several
 * times over (evaluated results, their JSON for the database and for the answer, the query's
 * parameters): with 500 a 100,000-provider batch peaked at about 450 MB of heap and buffers
 * above the idle server, with 100 at about 200 MB, at the same speed.
 */
const PR_DEL = 100;

type Haendelse = { slags: "element"; vaerdi: unknown } | { slags: "felt"; navn: string; vaerdi: unknown };

/** A queue between a stream's 'data' events and an async loop, pausing the stream when full. */
class Koe<T> {
  private elementer: T[] = [];
  private faerdig = false;
  private fejlen: unknown;
  private vent: (() => void) | undefined;

  constructor(
    private readonly pause: () => void,
    private readonly genoptag: () => void,
    private readonly hoej = 256,
  ) {}

  push(v: T): void {
    this.elementer.push(v);
    if (this.elementer.length >= this.hoej) this.pause();
    this.vaek();
  }

  slut(): void {
    this.faerdig = true;
    this.vaek();
  }

  fejl(e: unknown): void {
    if (this.fejlen === undefined) this.fejlen = e ?? new Error("stream error");
    this.vaek();
  }

  private vaek(): void {
    const v = this.vent;
    this.vent = undefined;
    v?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T[]> {
    for (;;) {
      if (this.elementer.length > 0) {
        const alle = this.elementer;
        this.elementer = [];
        this.genoptag();
        yield alle;
        continue;
      }
      if (this.fejlen !== undefined) throw this.fejlen;
      if (this.faerdig) return;
      await new Promise<void>((r) => {
        this.vent = r;
      });
    }
  }
}

const FELTER = ["vurderingsgrundlag", "version", "kladde"];

function ukendtFelt(k: string): HttpError {
  return new HttpError(422, "UGYLDIGT_INDHOLD", "Kroppen har ukendte felter.", [
    { path: k, message: `Feltet '${k}' er ukendt her. Tilladte felter: ${FELTER.join(", ")}.` },
  ]);
}

function ikkeListe(): HttpError {
  return new HttpError(422, "UGYLDIGT_INDHOLD", "Feltet 'vurderingsgrundlag' skal være en liste.", [
    detalje(["vurderingsgrundlag"], "Skal være en liste af vurderingsgrundlag."),
  ]);
}

interface Token {
  name: string;
  value?: unknown;
}

/** Turns the JSON token stream into top-level fields and the items of `vurderingsgrundlag`. */
function jsonMaskine(push: (h: Haendelse) => void): (t: Token) => void {
  let tilstand: "start" | "noegle" | "vaerdi" | "liste" | "slut" = "start";
  let felt = "";
  let asm: Assembler | undefined;
  const sete = new Set<string>();
  const faerdig = () => {
    if (!asm?.done) return;
    const vaerdi = asm.current;
    asm = undefined;
    if (tilstand === "liste") push({ slags: "element", vaerdi });
    else {
      push({ slags: "felt", navn: felt, vaerdi });
      tilstand = "noegle";
    }
  };
  return (t) => {
    if (asm) {
      asm.consume(t as never);
      faerdig();
      return;
    }
    switch (tilstand) {
      case "start":
        if (t.name !== "startObject") {
          throw new HttpError(422, "UGYLDIGT_INDHOLD", "Kroppen skal være et JSON-objekt.", [
            { path: "(roden)", message: "Skal være et objekt." },
          ]);
        }
        tilstand = "noegle";
        return;
      case "noegle":
        if (t.name === "endObject") {
          tilstand = "slut";
          return;
        }
        felt = String(t.value);
        if (!FELTER.includes(felt)) throw ukendtFelt(felt);
        if (sete.has(felt)) {
          throw new HttpError(422, "UGYLDIGT_INDHOLD", `Feltet '${felt}' står to gange.`, [
            detalje([felt], "Står to gange."),
          ]);
        }
        sete.add(felt);
        tilstand = "vaerdi";
        return;
      case "vaerdi":
        if (felt === "vurderingsgrundlag") {
          if (t.name !== "startArray") throw ikkeListe();
          push({ slags: "felt", navn: felt, vaerdi: undefined });
          tilstand = "liste";
          return;
        }
        asm = new Assembler();
        asm.consume(t as never);
        faerdig();
        return;
      case "liste":
        if (t.name === "endArray") {
          tilstand = "noegle";
          return;
        }
        asm = new Assembler();
        asm.consume(t as never);
        faerdig();
        return;
      default:
        return;
    }
  };
}

/** Counts the body's bytes and feeds them to `skriv`; stops with 413 beyond the limit. */
function laesKrop(
  req: Request,
  graense: number,
  skriv: (chunk: Buffer) => boolean,
  slut: () => void,
  koe: Koe<Haendelse>,
  naarKlar: (fn: () => void) => void,
): void {
  let n = 0;
  let stop = false;
  const laengde = Number(req.headers["content-length"]);
  if (Number.isFinite(laengde) && laengde > graense) {
    koe.fejl(forStor(graense));
    return;
  }
  req.on("data", (chunk: Buffer) => {
    if (stop) return;
    n += chunk.length;
    if (n > graense) {
      stop = true;
      koe.fejl(forStor(graense));
      return;
    }
    if (!skriv(chunk)) {
      req.pause();
      naarKlar(() => req.resume());
    }
  });
  req.on("end", () => {
    if (!stop) slut();
  });
  req.on("error", () => koe.fejl(new HttpError(400, "AFBRUDT", "Forespørgslen blev afbrudt.")));
  req.on("aborted", () => koe.fejl(new HttpError(400, "AFBRUDT", "Forespørgslen blev afbrudt.")));
}

function forStor(graense: number): HttpError {
  return new HttpError(413, "FOR_STOR", `Kroppen er for stor; højst ${graense} bytes i én batch.`);
}

function jsonKilde(req: Request, graense: number): Koe<Haendelse> {
  const tokens = parserStream({ packValues: true, streamValues: false }) as unknown as Readable & {
    write(c: Buffer): boolean;
    end(): void;
  };
  const koe = new Koe<Haendelse>(
    () => tokens.pause(),
    () => tokens.resume(),
  );
  const maskine = jsonMaskine((h) => koe.push(h));
  let stoppet = false;
  tokens.on("data", (t: Token) => {
    if (stoppet) return;
    try {
      maskine(t);
    } catch (e) {
      stoppet = true;
      koe.fejl(e);
    }
  });
  tokens.on("end", () => koe.slut());
  tokens.on("error", (e: Error) =>
    koe.fejl(
      new HttpError(400, "UGYLDIG_JSON", "Kroppen er ikke gyldig JSON.", [{ path: "(json)", message: e.message }]),
    ),
  );
  laesKrop(
    req,
    graense,
    (c) => tokens.write(c),
    () => tokens.end(),
    koe,
    (fn) => tokens.once("drain", fn),
  );
  return koe;
}

function csvKilde(req: Request, graense: number): Koe<Haendelse> {
  let parser: ReturnType<typeof csvParser> | undefined;
  const foerste: Buffer[] = [];
  let kolonner: ReturnType<typeof csvHoved> | undefined;
  const koe = new Koe<Haendelse>(
    () => parser?.pause(),
    () => parser?.resume(),
  );
  const start = (): NonNullable<typeof parser> => {
    const tekst = Buffer.concat(foerste).toString("utf8");
    const p = csvParser(csvValg(skilletegn(tekst)));
    p.on("data", (raekke: string[]) => {
      try {
        if (!kolonner) kolonner = csvHoved(raekke);
        else koe.push({ slags: "element", vaerdi: csvRaekke(kolonner, raekke) });
      } catch (e) {
        koe.fejl(e);
        p.destroy();
      }
    });
    p.on("end", () => {
      if (kolonner) koe.slut();
      else koe.fejl(new HttpError(422, "UGYLDIG_CSV", "CSV-filen er tom; første linje skal være kolonnenavne."));
    });
    p.on("error", (e) => koe.fejl(ulaeseligCsv(e)));
    parser = p;
    return p;
  };
  laesKrop(
    req,
    graense,
    (c) => {
      if (parser) return parser.write(c);
      foerste.push(c);
      if (!c.includes(10)) return true;
      return start().write(Buffer.concat(foerste));
    },
    () => {
      if (!parser) start().write(Buffer.concat(foerste));
      parser?.end();
    },
    koe,
    (fn) => parser?.once("drain", fn) ?? fn(),
  );
  return koe;
}

export function kladdeFelt(v: unknown): boolean {
  if (v === undefined || v === false) return false;
  if (v === true) return true;
  throw new HttpError(422, "UGYLDIGT_INDHOLD", "Ugyldigt felt.", [detalje(["kladde"], "Skal være true eller false.")]);
}

export function valgFra(version: number | undefined, kladde: boolean): Valg {
  if (kladde && version !== undefined) {
    throw new HttpError(422, "UGYLDIGT_INDHOLD", "Angiv enten version eller kladde, ikke begge.", [
      detalje(["kladde"], "Kan ikke kombineres med version."),
    ]);
  }
  return version === undefined ? { kladde } : { version, kladde };
}

/** Writes a chunk and waits for the client when its buffer is full. */
async function skriv(res: Response, tekst: string): Promise<void> {
  if (res.destroyed) throw new HttpError(400, "AFBRUDT", "Klienten afbrød forbindelsen.");
  if (res.write(tekst)) return;
  await new Promise<void>((ok, fejl) => {
    const luk = () => fejl(new HttpError(400, "AFBRUDT", "Klienten afbrød forbindelsen."));
    res.once("close", luk);
    res.once("drain", () => {
      res.off("close", luk);
      ok();
    });
  });
}

/**
 * A dry run's answer for one item: what the preview needs (level, what is missing, the regelsæt
 * version it would be decided with), not the full reasons, since nothing is stored to open later.
 */
function proeveSvar(u: Udfald): unknown {
  if ("fejl" in u) return u;
  const { niveau, leverandoer, manglendeOplysninger, regelsaet } = u;
  return { niveau, leverandoer, manglendeOplysninger, regelsaet };
}

/** POST /indplacering/batch: JSON or CSV, read and answered as streams (`?proev=true`: a dry run). */
export async function batchIndplacering(ctx: Kontekst, req: Request, res: Response): Promise<void> {
  const csv = Boolean(req.is(["text/csv", "application/csv"]));
  let csvValgt: Valg | undefined;
  if (csv) {
    csvValgt = valgFra(versionsnummer(req.query.version, "version"), sandhedParam(req.query.kladde, "kladde"));
  } else if (!req.is(["application/json", "application/*+json"])) {
    const harKrop = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
    if (harKrop) {
      throw new HttpError(
        415,
        "FORKERT_MEDIETYPE",
        "Kroppen skal være JSON (Content-Type: application/json) eller CSV.",
      );
    }
    throw new HttpError(400, "KROP_MANGLER", "Forespørgslen mangler en JSON-krop.");
  }
  const tegnsaet = /charset\s*=\s*"?([^";]+)/i.exec(req.headers["content-type"] ?? "")?.[1]?.toLowerCase();
  if (tegnsaet && tegnsaet !== "utf-8" && tegnsaet !== "utf8") {
    throw new HttpError(415, "UKENDT_TEGNSAET", "Tegnsættet understøttes ikke; brug UTF-8.");
  }
  const kodning = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  if (kodning !== "identity") throw new HttpError(415, "UKENDT_KODNING", "Kroppen må ikke være komprimeret.");

  const proev = sandhedParam(req.query.proev, "proev");
  const kilde = csv ? csvKilde(req, ctx.batchBodyLimit) : jsonKilde(req, ctx.batchBodyLimit);
  const felter: Record<string, unknown> = {};
  const valg = (): Valg => {
    const v = csvValgt ?? valgFra(versionsnummer(felter.version, "version", "krop"), kladdeFelt(felter.kladde));
    return proev ? { ...v, proev } : v;
  };
  const forMange = () =>
    new HttpError(413, "FOR_MANGE", `Højst ${ctx.maxBatchStream} leverandører i én kørsel; der er flere.`);

  let samlet: unknown[] = [];
  let antal = 0;
  let saaListe = csv;
  // Streaming state, once the batch is larger than SAMLET.
  let ip: Indplacerer | undefined;
  let foerste = true;
  let indplaceret = 0;
  let fejl = 0;
  const udskriv = async (udfald: { udfald: Udfald; json: string }[]) => {
    let tekst = "";
    for (const u of udfald) {
      if ("fejl" in u.udfald) fejl++;
      else indplaceret++;
      tekst += (foerste ? "" : ",") + (proev ? JSON.stringify(proeveSvar(u.udfald)) : u.json);
      foerste = false;
    }
    await skriv(res, tekst);
  };
  const tilfoej = async (p: Indplacerer, vaerdi: unknown, index: number) => {
    await p.tilfoej(vaerdi, index);
    if (p.antalVentende >= PR_DEL) await udskriv(await p.gemMedJson());
  };

  try {
    for await (const haendelser of kilde) {
      for (const h of haendelser) {
        if (h.slags === "felt") {
          if (h.navn === "vurderingsgrundlag") {
            saaListe = true;
            continue;
          }
          if (ip) {
            throw new HttpError(
              422,
              "UGYLDIGT_INDHOLD",
              `I en batch med mere end ${SAMLET} leverandører skal '${h.navn}' stå før 'vurderingsgrundlag'.`,
              [detalje([h.navn], "Skal stå før vurderingsgrundlag.")],
            );
          }
          felter[h.navn] = h.vaerdi;
          continue;
        }
        if (++antal > ctx.maxBatchStream) throw forMange();
        if (ip) {
          await tilfoej(ip, h.vaerdi, antal - 1);
          continue;
        }
        samlet.push(h.vaerdi);
        if (samlet.length > SAMLET) {
          // Too many to hold: from here on the answer streams.
          const v = valg();
          if (v.kladde) kraevRolle(res, "forfatter", "Indplacering med kladden");
          ip = new Indplacerer(ctx.db, ctx.cache, v, noegleFor(res).navn);
          res.status(200).type("application/json");
          res.write('{"resultater":[');
          const foer = samlet;
          samlet = [];
          for (const [i, vaerdi] of foer.entries()) await tilfoej(ip, vaerdi, i);
        }
      }
    }
  } catch (e) {
    if (!ip) {
      if (!req.complete) res.set("Connection", "close");
      throw e;
    }
    // The answer has begun: the status cannot change, so the answer says why it stopped.
    const h = e instanceof HttpError ? e : undefined;
    if (!h) req.log?.error({ err: e }, "Uventet fejl i en streamet batch");
    if (!req.complete) res.set("Connection", "close");
    if (res.destroyed) return;
    if (ip.antalVentende > 0) await udskriv(await ip.gemMedJson()).catch(() => {});
    const afbrudt = h
      ? { fejl: h.fejl, kode: h.code, detaljer: h.detaljer }
      : {
          fejl: `Der skete en intern fejl. Oplys forespørgsels-id ${String(req.id)}.`,
          kode: "INTERN_FEJL",
          detaljer: [],
        };
    res.end(`],"afbrudt":${JSON.stringify(afbrudt)},"antal":${JSON.stringify({ ialt: antal, indplaceret, fejl })}}`);
    return;
  }

  if (ip) {
    if (ip.antalVentende > 0) await udskriv(await ip.gemMedJson());
    res.end(`],"antal":${JSON.stringify({ ialt: indplaceret + fejl, indplaceret, fejl })}}`);
    return;
  }
  // A small batch: answered whole, as it always was.
  const v = valg();
  if (!saaListe && !Array.isArray(felter.vurderingsgrundlag)) throw ikkeListe();
  if (v.kladde) kraevRolle(res, "forfatter", "Indplacering med kladden");
  const resultater = await indplacerMange(ctx.db, ctx.cache, samlet, v, noegleFor(res).navn);
  const antalFejl = resultater.filter((u) => "fejl" in u).length;
  res.json({
    ...(proev ? { proev: true } : {}),
    antal: { ialt: resultater.length, indplaceret: resultater.length - antalFejl, fejl: antalFejl },
    resultater: proev ? resultater.map(proeveSvar) : resultater,
  });
}
