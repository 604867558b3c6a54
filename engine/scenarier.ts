// Scenarios (DOMAIN.md §6): named changes to a regelsæt — thresholds, weights, active
// parameters, policy — and their comparison over a set of providers: the count per level, the
// transition matrix between scenarios and the providers that move, with the parameters why.
import type { Evaluator, Udfald } from "./evaluator.js";
import { type ForberedtRegelsaet, forbered } from "./indplacer.js";
import { evaluerScenarier } from "./kompileret.js";
import { INDPLACERINGSNIVEAUER, type Indplaceringsniveau } from "./politik.js";
import { EngineError, type Problem, problem, type Sti } from "./problem.js";
import type { Indplaceringspolitik, ParameterNiveau, Regelsaet } from "./schema/regelsaet.js";
import type { Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";
import { validateRegelsaet, validateVurderingsgrundlag } from "./validate.js";

export interface Aendringer {
  /** `navn` changes the base value, `navn@variant` one variant. */
  taerskler?: Record<string, number | string[]>;
  vaegte?: Record<string, number>;
  aktive?: Record<string, boolean>;
  indplacering?: Partial<Indplaceringspolitik>;
}

export interface Scenarie {
  navn: string;
  beskrivelse?: string;
  aendringer?: Aendringer;
}

export type Fordeling = Record<Indplaceringsniveau, number>;

export interface Overgang {
  fra: string;
  til: string;
  /** matrix[fraNiveau][tilNiveau] = number of providers. */
  matrix: Record<Indplaceringsniveau, Fordeling>;
}

export interface Flytning {
  leverandoer: { id: string; navn?: string; afdeling?: string };
  /** The provider's level in each scenario, by scenario name. */
  niveauer: Record<string, Indplaceringsniveau>;
  /** For each scenario whose level differs from the first: the parameters that changed level. */
  aarsager: {
    scenarie: string;
    fra: Indplaceringsniveau;
    til: Indplaceringsniveau;
    parametre: { id: string; fra: ParameterNiveau | "slaaet-fra"; til: ParameterNiveau | "slaaet-fra" }[];
    /** True when no parameter changed level: the policy, weights or limits moved the provider. */
    politik: boolean;
  }[];
}

export interface Sammenligning {
  scenarier: { navn: string; beskrivelse?: string; hash: string; fordeling: Fordeling }[];
  overgange: Overgang[];
  flyttede: Flytning[];
  antalLeverandoerer: number;
}

export const tomFordeling = (): Fordeling => ({ "ikke-indplaceret": 0, let: 0, moderat: 0, hoej: 0 });

/** Applies a scenario's changes to a copy of the regelsæt; the original is never changed. */
export function anvendAendringer(r: Regelsaet, a: Aendringer | undefined, rod: Sti = ["aendringer"]): Regelsaet {
  const kopi: Regelsaet = JSON.parse(JSON.stringify(r));
  if (!a) return kopi;
  const fejl: Problem[] = [];
  for (const [fuldtNavn, vaerdi] of Object.entries(a.taerskler ?? {})) {
    const [navn = "", variantNavn] = fuldtNavn.split("@");
    const sti = [...rod, "taerskler", fuldtNavn];
    const t = Object.hasOwn(kopi.taerskler, navn) ? kopi.taerskler[navn] : undefined;
    if (!t) {
      fejl.push(problem(sti, `Tærsklen '${navn}' findes ikke i regelsættet.`));
      continue;
    }
    const maal = variantNavn === undefined ? t : t.varianter?.find((v) => v.navn === variantNavn);
    if (!maal) {
      fejl.push(problem(sti, `Tærsklen '${navn}' har ingen variant '${variantNavn}'.`));
      continue;
    }
    const erListe = Array.isArray(t.vaerdi);
    const gyldig = erListe
      ? Array.isArray(vaerdi) && vaerdi.every((x) => typeof x === "string")
      : typeof vaerdi === "number" && Number.isFinite(vaerdi);
    if (!gyldig) {
      fejl.push(problem(sti, `Tærsklen '${fuldtNavn}' skal være ${erListe ? "en liste af tekster" : "et tal"}.`));
      continue;
    }
    maal.vaerdi = vaerdi;
  }
  const parameter = (id: string, felt: string) => {
    const p = kopi.parametre.find((x) => x.id === id);
    if (!p) fejl.push(problem([...rod, felt, id], `Parameteren '${id}' findes ikke i regelsættet.`));
    return p;
  };
  for (const [id, vaegt] of Object.entries(a.vaegte ?? {})) {
    const p = parameter(id, "vaegte");
    if (p && (typeof vaegt !== "number" || !Number.isFinite(vaegt) || vaegt < 0)) {
      fejl.push(problem([...rod, "vaegte", id], "En vægt skal være et tal på mindst 0."));
    } else if (p) p.vaegt = vaegt;
  }
  for (const [id, aktiv] of Object.entries(a.aktive ?? {})) {
    const p = parameter(id, "aktive");
    if (p && typeof aktiv !== "boolean") fejl.push(problem([...rod, "aktive", id], "Skal være true eller false."));
    else if (p) p.aktiv = aktiv;
  }
  if (a.indplacering) kopi.indplacering = { ...kopi.indplacering, ...a.indplacering };
  if (fejl.length === 0) {
    for (const f of validateRegelsaet(kopi).fejl) {
      fejl.push(problem(rod, `Efter ændringerne er regelsættet ugyldigt ved ${f.path}: ${f.message}`));
    }
  }
  if (fejl.length > 0) throw new EngineError("UGYLDIGT_SCENARIE", "Scenariet kan ikke anvendes på regelsættet.", fejl);
  return kopi;
}

export interface SammenlignOptions {
  /** Evaluates a provider with one scenario's regelsæt; defaults to the compiled evaluator. */
  evaluator?: Evaluator;
  /** Structurally an AbortSignal; the engine carries no DOM or Node types. */
  signal?: { aborted: boolean; reason?: unknown };
  onProgress?: (faerdige: number, ialt: number) => void;
}

export async function sammenlignScenarier(
  r: Regelsaet,
  scenarier: Scenarie[],
  leverandoerer: unknown[],
  options: SammenlignOptions = {},
): Promise<Sammenligning> {
  if (scenarier.length === 0)
    throw new EngineError("UGYLDIGT_SCENARIE", "Der skal være mindst ét scenarie.", [
      problem(["scenarier"], "Listen er tom."),
    ]);
  const navne = new Set<string>();
  scenarier.forEach((s, i) => {
    if (navne.has(s.navn))
      throw new EngineError("UGYLDIGT_SCENARIE", `Scenarienavnet '${s.navn}' bruges to gange.`, [
        problem(["scenarier", i, "navn"], "Navnet skal være entydigt."),
      ]);
    navne.add(s.navn);
  });
  const inputFejl = leverandoerer.flatMap((l, i) => {
    const fejl = validateVurderingsgrundlag(l, ["vurderingsgrundlag", i]);
    if (fejl.length === 0 && (l as Vurderingsgrundlag).maalgruppe !== r.maalgruppe) {
      return [
        problem(
          ["vurderingsgrundlag", i, "maalgruppe"],
          `Gælder '${(l as Vurderingsgrundlag).maalgruppe}', ikke '${r.maalgruppe}'.`,
        ),
      ];
    }
    return fejl;
  });
  if (inputFejl.length > 0)
    throw new EngineError("UGYLDIGT_VURDERINGSGRUNDLAG", "Et eller flere vurderingsgrundlag er ugyldige.", inputFejl);
  const input = leverandoerer as Vurderingsgrundlag[];

  const forberedte = scenarier.map((s, i) =>
    forbered(anvendAendringer(r, s.aendringer, ["scenarier", i, "aendringer"])),
  );
  // Default: the compiled evaluator, all scenarios at once (conditions they share are evaluated
  // once per provider). A given evaluator runs scenario by scenario.
  const udfald = options.evaluator
    ? await evaluerHverForSig(options.evaluator, forberedte, input, options)
    : evaluerScenarier(forberedte, input, options);

  const resultat: Sammenligning = {
    scenarier: scenarier.map((s, i) => {
      const fordeling = tomFordeling();
      for (const u of udfald[i] ?? []) fordeling[u.niveau]++;
      const out: Sammenligning["scenarier"][number] = { navn: s.navn, hash: forberedte[i]?.hash ?? "", fordeling };
      if (s.beskrivelse) out.beskrivelse = s.beskrivelse;
      return out;
    }),
    overgange: [],
    flyttede: [],
    antalLeverandoerer: input.length,
  };
  for (let a = 0; a < scenarier.length; a++) {
    for (let b = a + 1; b < scenarier.length; b++) {
      const matrix = Object.fromEntries(INDPLACERINGSNIVEAUER.map((n) => [n, tomFordeling()])) as Overgang["matrix"];
      input.forEach((_, li) => {
        const fra = udfald[a]?.[li]?.niveau;
        const til = udfald[b]?.[li]?.niveau;
        if (fra && til) matrix[fra][til]++;
      });
      resultat.overgange.push({ fra: scenarier[a]?.navn ?? "", til: scenarier[b]?.navn ?? "", matrix });
    }
  }
  input.forEach((l, li) => {
    const basis = udfald[0]?.[li];
    if (!basis) return;
    const aarsager: Flytning["aarsager"] = [];
    for (let s = 1; s < scenarier.length; s++) {
      const u = udfald[s]?.[li];
      if (!u || u.niveau === basis.niveau) continue;
      const parametre = parameterForskel(basis.parametre, u.parametre);
      aarsager.push({
        scenarie: scenarier[s]?.navn ?? "",
        fra: basis.niveau,
        til: u.niveau,
        parametre,
        politik: parametre.length === 0,
      });
    }
    if (aarsager.length === 0) return;
    const leverandoer: Flytning["leverandoer"] = { id: l.leverandoer.id };
    if (l.leverandoer.navn) leverandoer.navn = l.leverandoer.navn;
    if (l.leverandoer.afdeling) leverandoer.afdeling = l.leverandoer.afdeling;
    const niveauer = Object.fromEntries(
      scenarier.map((sc, s) => [sc.navn, udfald[s]?.[li]?.niveau ?? "ikke-indplaceret"]),
    );
    resultat.flyttede.push({ leverandoer, niveauer, aarsager });
  });
  return resultat;
}

type ParameterForskel = Flytning["aarsager"][number]["parametre"];
// The compiled evaluator shares one parameter map between providers with equal levels, so the
// thousands of moved providers have only a few distinct pairs: compute each pair's diff once.
const forskelle = new WeakMap<
  ReadonlyMap<string, ParameterNiveau>,
  WeakMap<ReadonlyMap<string, ParameterNiveau>, ParameterForskel>
>();

function parameterForskel(
  fra: ReadonlyMap<string, ParameterNiveau>,
  til: ReadonlyMap<string, ParameterNiveau>,
): ParameterForskel {
  let raekke = forskelle.get(fra);
  if (!raekke) {
    raekke = new WeakMap();
    forskelle.set(fra, raekke);
  }
  let forskel = raekke.get(til);
  if (!forskel) {
    const ids = new Set([...fra.keys(), ...til.keys()]);
    forskel = [...ids]
      .map((id): ParameterForskel[number] => ({
        id,
        fra: fra.get(id) ?? "slaaet-fra",
        til: til.get(id) ?? "slaaet-fra",
      }))
      .filter((p) => p.fra !== p.til);
    raekke.set(til, forskel);
  }
  return forskel;
}

async function evaluerHverForSig(
  evaluator: Evaluator,
  forberedte: ForberedtRegelsaet[],
  input: Vurderingsgrundlag[],
  options: SammenlignOptions,
): Promise<Udfald[][]> {
  const udfald: Udfald[][] = [];
  const ialt = forberedte.length * input.length;
  for (const [si, f] of forberedte.entries()) {
    const ev = evaluator(f);
    const rows: Udfald[] = [];
    for (const [li, l] of input.entries()) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error("Afbrudt");
      rows.push(await ev(l));
      if (options.onProgress && (li % 256 === 0 || li === input.length - 1)) {
        options.onProgress(si * input.length + li + 1, ialt);
      }
    }
    udfald.push(rows);
  }
  return udfald;
}
