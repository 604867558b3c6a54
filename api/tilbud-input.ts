// The tilbud register's input: one tilbud with its afdelinger as JSON, or the register as CSV (one
// line per afdeling; a tilbud without afdelinger has the afdeling columns empty). Every problem is
// reported at its place — a JSON path, or `linje N, kolonne 'x'` — and nothing is stored unless
// the whole input is valid.
import { parse } from "csv-parse/sync";
import { LEVERANDOERTYPER, MAALGRUPPE_ID } from "../engine/index.js";
import { csvValg, skilletegn, ulaeseligCsv } from "./csv.js";
import { erObjekt } from "./forespoergsel.js";
import { type Detalje, detalje, HttpError } from "./http-error.js";
import { erSocialtilsyn, SOCIALTILSYN } from "./organisation.js";

export interface AfdelingInput {
  id: string;
  navn: string;
  maalgruppe: string;
  pladser?: number;
}

export interface TilbudInput {
  id: string;
  navn: string;
  type: (typeof LEVERANDOERTYPER)[number];
  kommune?: string;
  socialtilsyn: string;
  maalgrupper: string[];
  afdelinger: AfdelingInput[];
}

/** Ids as on Tilbudsportalen (digits), or a local code: letters, digits, `.`, `-`, `_`. */
export const TILBUD_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const tekst = (v: unknown, max = 200): v is string =>
  typeof v === "string" && v.trim() !== "" && v.length <= max && !v.includes("\u0000");

type Sti = (string | number)[];

/** Checks one tilbud; problems are pushed to `fejl` under `rod`. */
export function tjekTilbud(v: unknown, rod: Sti, fejl: Detalje[], id?: string): TilbudInput | undefined {
  const foer = fejl.length;
  if (!erObjekt(v)) {
    fejl.push(detalje(rod, "Skal være et objekt med navn, type, socialtilsyn, maalgrupper og afdelinger."));
    return undefined;
  }
  for (const k of Object.keys(v)) {
    if (!["id", "navn", "type", "kommune", "socialtilsyn", "maalgrupper", "afdelinger"].includes(k)) {
      fejl.push(detalje([...rod, k], `Feltet '${k}' er ukendt her.`));
    }
  }
  const tilbudId = id ?? v.id;
  if (typeof tilbudId !== "string" || !TILBUD_ID.test(tilbudId)) {
    fejl.push(detalje([...rod, "id"], "Skal være tilbuddets id (fx fra Tilbudsportalen): 1–64 bogstaver, tal, . - _."));
  } else if (id !== undefined && v.id !== undefined && v.id !== id) {
    fejl.push(detalje([...rod, "id"], `Skal være '${id}' som i stien, eller udelades.`));
  }
  if (!tekst(v.navn)) fejl.push(detalje([...rod, "navn"], "Skal være en tekst på 1–200 tegn."));
  if (typeof v.type !== "string" || !(LEVERANDOERTYPER as readonly string[]).includes(v.type)) {
    fejl.push(detalje([...rod, "type"], `Skal være en af: ${LEVERANDOERTYPER.join(", ")}.`));
  }
  if (v.kommune !== undefined && !tekst(v.kommune, 100)) {
    fejl.push(detalje([...rod, "kommune"], "Skal være en tekst på 1–100 tegn."));
  }
  if (!erSocialtilsyn(v.socialtilsyn)) {
    fejl.push(detalje([...rod, "socialtilsyn"], `Skal være en af: ${SOCIALTILSYN.join(", ")}.`));
  }
  const maalgrupper = v.maalgrupper ?? [];
  if (!Array.isArray(maalgrupper) || maalgrupper.length > 46) {
    fejl.push(detalje([...rod, "maalgrupper"], "Skal være en liste af målgruppe-id'er."));
  } else {
    maalgrupper.forEach((m, i) => {
      if (typeof m !== "string" || !MAALGRUPPE_ID.test(m)) {
        fejl.push(detalje([...rod, "maalgrupper", i], "Skal være et målgruppe-id, fx 'autisme'."));
      }
    });
  }
  const afdelinger = v.afdelinger ?? [];
  const ids = new Set<string>();
  if (!Array.isArray(afdelinger) || afdelinger.length > 500) {
    fejl.push(detalje([...rod, "afdelinger"], "Skal være en liste med højst 500 afdelinger."));
  } else {
    afdelinger.forEach((a, i) => {
      const sti = [...rod, "afdelinger", i];
      if (!erObjekt(a)) return fejl.push(detalje(sti, "Skal være et objekt med id, navn og maalgruppe."));
      for (const k of Object.keys(a)) {
        if (!["id", "navn", "maalgruppe", "pladser"].includes(k)) {
          fejl.push(detalje([...sti, k], `Feltet '${k}' er ukendt her.`));
        }
      }
      if (typeof a.id !== "string" || !TILBUD_ID.test(a.id)) {
        fejl.push(detalje([...sti, "id"], "Skal være afdelingens id: 1–64 bogstaver, tal, . - _."));
      } else if (ids.has(a.id)) fejl.push(detalje([...sti, "id"], `Afdelingen '${a.id}' står to gange.`));
      else ids.add(a.id);
      if (!tekst(a.navn)) fejl.push(detalje([...sti, "navn"], "Skal være en tekst på 1–200 tegn."));
      if (typeof a.maalgruppe !== "string" || !MAALGRUPPE_ID.test(a.maalgruppe)) {
        fejl.push(detalje([...sti, "maalgruppe"], "Skal være et målgruppe-id, fx 'autisme'."));
      }
      if (a.pladser !== undefined && !(Number.isInteger(a.pladser) && (a.pladser as number) >= 0)) {
        fejl.push(detalje([...sti, "pladser"], "Skal være et helt tal på mindst 0."));
      }
    });
  }
  if (fejl.length > foer) return undefined;
  const t = v as Record<string, unknown>;
  const ud: TilbudInput = {
    id: tilbudId as string,
    navn: (t.navn as string).trim(),
    type: t.type as TilbudInput["type"],
    socialtilsyn: t.socialtilsyn as string,
    maalgrupper: [
      ...new Set([...(maalgrupper as string[]), ...(afdelinger as AfdelingInput[]).map((a) => a.maalgruppe)]),
    ],
    afdelinger: (afdelinger as AfdelingInput[]).map((a) => ({
      id: a.id,
      navn: a.navn.trim(),
      maalgruppe: a.maalgruppe,
      ...(a.pladser === undefined ? {} : { pladser: a.pladser }),
    })),
  };
  if (typeof t.kommune === "string") ud.kommune = t.kommune.trim();
  return ud;
}

export const REGISTER_KOLONNER = [
  "tilbud.id",
  "tilbud.navn",
  "tilbud.type",
  "tilbud.kommune",
  "tilbud.socialtilsyn",
  "tilbud.maalgrupper",
  "afdeling.id",
  "afdeling.navn",
  "afdeling.maalgruppe",
  "afdeling.pladser",
] as const;
const KRAEVEDE = ["tilbud.id", "tilbud.navn", "tilbud.type", "tilbud.socialtilsyn"];
const TILBUD_FELTER = ["navn", "type", "kommune", "socialtilsyn", "maalgrupper"] as const;

/**
 * The register as CSV → tilbud, each with the afdelinger of its lines. A tilbud on several lines
 * must say the same on each (or leave the cell empty on later lines).
 */
export function laesRegisterCsv(csv: string, maxLinjer = 20_000): TilbudInput[] {
  let raekker: string[][];
  try {
    raekker = parse(csv, csvValg(skilletegn(csv))) as string[][];
  } catch (e) {
    throw ulaeseligCsv(e);
  }
  const [hoved, ...data] = raekker;
  if (!hoved) throw new HttpError(422, "UGYLDIG_CSV", "CSV-filen er tom; første linje skal være kolonnenavne.");
  const fejl: Detalje[] = [];
  hoved.forEach((navn, i) => {
    if (!(REGISTER_KOLONNER as readonly string[]).includes(navn)) {
      fejl.push({
        path: `kolonne ${i + 1} ('${navn}')`,
        message: `Ukendt kolonne. Kolonnerne er: ${REGISTER_KOLONNER.join(", ")}.`,
      });
    }
  });
  for (const k of KRAEVEDE)
    if (!hoved.includes(k)) fejl.push({ path: "(kolonner)", message: `Kolonnen '${k}' mangler.` });
  if (fejl.length > 0) throw new HttpError(422, "UGYLDIG_CSV", "CSV-filens kolonner passer ikke.", fejl);
  if (data.length > maxLinjer)
    throw new HttpError(413, "FOR_MANGE", `Højst ${maxLinjer} linjer; filen har ${data.length}.`);

  const samlet = new Map<
    string,
    { linje: number; t: Record<string, unknown>; afdelinger: Record<string, unknown>[] }
  >();
  data.forEach((raekke, i) => {
    const linje = i + 2;
    const celle = (k: string) => {
      const idx = hoved.indexOf(k);
      const v = idx < 0 ? "" : (raekke[idx] ?? "");
      return v === "" ? undefined : v;
    };
    const id = celle("tilbud.id") ?? "";
    const t: Record<string, unknown> = {
      navn: celle("tilbud.navn"),
      type: celle("tilbud.type"),
      kommune: celle("tilbud.kommune"),
      socialtilsyn: celle("tilbud.socialtilsyn"),
      maalgrupper: celle("tilbud.maalgrupper")
        ?.split("|")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    };
    let post = samlet.get(id);
    if (!post) {
      post = { linje, t: { id }, afdelinger: [] };
      samlet.set(id, post);
    }
    for (const f of TILBUD_FELTER) {
      if (t[f] === undefined) continue;
      const tidligere = post.t[f];
      if (tidligere !== undefined && JSON.stringify(tidligere) !== JSON.stringify(t[f])) {
        fejl.push({
          path: `linje ${linje}, kolonne 'tilbud.${f}'`,
          message: `Tilbud '${id}' har en anden værdi på linje ${post.linje}.`,
        });
      } else post.t[f] = t[f];
    }
    const afdelingId = celle("afdeling.id");
    if (afdelingId !== undefined || celle("afdeling.navn") !== undefined) {
      const pladser = celle("afdeling.pladser");
      post.afdelinger.push({
        id: afdelingId,
        navn: celle("afdeling.navn"),
        maalgruppe: celle("afdeling.maalgruppe"),
        pladser: pladser === undefined ? undefined : /^\d{1,6}$/.test(pladser) ? Number(pladser) : pladser,
        linje,
      });
    }
  });
  const ud: TilbudInput[] = [];
  for (const post of samlet.values()) {
    const afdelinger = post.afdelinger.map(({ linje: _l, ...a }) =>
      Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)),
    );
    const t = Object.fromEntries(Object.entries({ ...post.t, afdelinger }).filter(([, v]) => v !== undefined));
    const egne: Detalje[] = [];
    const tjekket = tjekTilbud(t, [], egne);
    // Places in caller's terms: the line and the column, not a JSON path.
    for (const d of egne) {
      const m = /^afdelinger\[(\d+)\]\.?(.*)$/.exec(d.path);
      const afd = m ? post.afdelinger[Number(m[1])] : undefined;
      const linje = afd ? (afd.linje as number) : post.linje;
      const kolonne = m ? `afdeling.${m[2] || "id"}` : `tilbud.${d.path || "id"}`;
      fejl.push({ path: `linje ${linje}, kolonne '${kolonne.replace(/\[\d+\]$/, "")}'`, message: d.message });
    }
    if (tjekket) ud.push(tjekket);
  }
  if (fejl.length > 0) throw new HttpError(422, "UGYLDIGT_REGISTER", "Registret kan ikke indlæses.", fejl);
  return ud;
}
