// The server's summary of what changed between two versions (GET …/diff): thresholds, weights,
// parameters, conditions, policy and golden cases, in words. Parameters are named by their
// Danish names (the summary gives ids), fields by what they mean (diff-tekster.ts), thresholds'
// values in the unit each version declares, numbers and levels the Danish way.
import type { ReactNode } from "react";
import type { Testtilfaelde } from "../../../engine/index.js";
import { tal } from "../faelles/format.js";
import { niveauNavn } from "../faelles/niveau.js";
import { egenPost } from "../faelles/opslag.js";
import {
  type Enheder,
  generelFelt,
  parameterTekstFelt,
  politikFelt,
  taerskelFelt,
  taerskelVaerdier,
  vaerdiTekst,
} from "./diff-tekster.js";

type Felt = { felt: string; fra?: unknown; til?: unknown };

export interface DiffSvar {
  identisk?: boolean;
  antal?: number;
  generelt?: Felt[];
  taerskler?: {
    tilfoejet?: { navn: string; vaerdi: unknown }[];
    fjernet?: { navn: string; vaerdi: unknown }[];
    aendret?: { navn: string; aendringer: Felt[] }[];
  };
  parametre?: {
    tilfoejet?: { id: string; navn: string }[];
    fjernet?: { id: string; navn: string }[];
    aktiveret?: string[];
    deaktiveret?: string[];
    vaegte?: { id: string; fra: number; til: number }[];
    tekster?: { id: string; aendringer: Felt[] }[];
    betingelser?: { id: string; niveau: string }[];
  };
  indplacering?: Felt[];
  testtilfaelde?: { tilfoejet?: string[]; fjernet?: string[]; aendret?: string[] };
}

function FraTil({ navn, fra, til }: { navn: ReactNode; fra: string; til: string }) {
  return (
    <>
      {navn}: <strong>{fra}</strong> → <strong>{til}</strong>
    </>
  );
}

/**
 * `navne`: parameter id → name, from the two versions compared (an id without a name is shown as
 * is). `enheder`: each threshold's declared `enhed` in the older and the newer version; without
 * it, threshold values are plain numbers.
 */
/** A golden case's changed expectation and note, in words (the diff names only the case). */
function testtilfaeldeAendring(
  fra: Testtilfaelde | undefined,
  til: Testtilfaelde | undefined,
  navn: (id: string) => string,
): ReactNode {
  if (!fra || !til) return null;
  const dele: string[] = [];
  if (fra.forventet.niveau !== til.forventet.niveau)
    dele.push(
      `forventet samlet niveau ${niveauNavn(fra.forventet.niveau).toLowerCase()} → ${niveauNavn(til.forventet.niveau).toLowerCase()}`,
    );
  const ids = new Set([...Object.keys(fra.forventet.parametre ?? {}), ...Object.keys(til.forventet.parametre ?? {})]);
  for (const id of ids) {
    const a = fra.forventet.parametre?.[id];
    const b = til.forventet.parametre?.[id];
    if (a !== b)
      dele.push(`${navn(id)} ${a ? niveauNavn(a).toLowerCase() : "–"} → ${b ? niveauNavn(b).toLowerCase() : "–"}`);
  }
  return (
    <>
      {dele.length > 0 && <>: {dele.join("; ")}</>}
      {til.note && til.note !== fra.note && <> · Note: «{til.note}»</>}
    </>
  );
}

export function DiffOversigt({
  d,
  navne = {},
  enheder = { fra: {}, til: {} },
  etiketter = {},
  testtilfaelde,
}: {
  d: DiffSvar;
  navne?: Readonly<Record<string, string>>;
  enheder?: { fra: Enheder; til: Enheder };
  /** Each threshold's Danish label ("Aktiv praksis · højt · mindst antal borgere"), by name. */
  etiketter?: Readonly<Record<string, string>>;
  /** The golden cases of the two versions, to say how a changed case changed. */
  testtilfaelde?: { fra: Testtilfaelde[]; til: Testtilfaelde[] };
}) {
  if (d.identisk) return <p>De to versioner er ens.</p>;
  const taerskelNavn = (t: string) => {
    const e = egenPost(etiketter, t);
    return e ? <span title={t}>«{e}»</span> : <code>{t}</code>;
  };
  const navn = (id: string) => egenPost(navne, id) ?? id;
  const enhed = (side: Enheder, t: string) => egenPost(side, t);
  const punkter: { noegle: string; indhold: ReactNode }[] = [];
  for (const f of d.generelt ?? [])
    punkter.push({
      noegle: `g${f.felt}`,
      indhold: (
        <FraTil navn={`Regelsættets ${generelFelt(f.felt)}`} fra={vaerdiTekst(f.fra)} til={vaerdiTekst(f.til)} />
      ),
    });
  for (const t of d.taerskler?.tilfoejet ?? [])
    punkter.push({
      noegle: `t+${t.navn}`,
      indhold: (
        <>
          Ny tærskel {taerskelNavn(t.navn)} = {vaerdiTekst(t.vaerdi, enhed(enheder.til, t.navn))}
        </>
      ),
    });
  for (const t of d.taerskler?.fjernet ?? [])
    punkter.push({
      noegle: `t-${t.navn}`,
      indhold: <>Tærsklen {taerskelNavn(t.navn)} er fjernet</>,
    });
  for (const t of d.taerskler?.aendret ?? [])
    for (const f of t.aendringer) {
      const [fra, til] = taerskelVaerdier(f.felt, f.fra, f.til, {
        fra: enhed(enheder.fra, t.navn),
        til: enhed(enheder.til, t.navn),
      });
      punkter.push({
        noegle: `t${t.navn}${f.felt}`,
        indhold: (
          <FraTil
            navn={
              <>
                Tærskel {taerskelNavn(t.navn)}, {taerskelFelt(f.felt).navn}
              </>
            }
            fra={fra}
            til={til}
          />
        ),
      });
    }
  const p = d.parametre;
  for (const x of p?.tilfoejet ?? []) punkter.push({ noegle: `p+${x.id}`, indhold: <>Ny parameter {x.navn}</> });
  for (const x of p?.fjernet ?? [])
    punkter.push({ noegle: `p-${x.id}`, indhold: <>Parameteren {x.navn} er fjernet</> });
  for (const id of p?.aktiveret ?? []) punkter.push({ noegle: `pa${id}`, indhold: <>{navn(id)} er slået til</> });
  for (const id of p?.deaktiveret ?? []) punkter.push({ noegle: `pd${id}`, indhold: <>{navn(id)} er slået fra</> });
  for (const v of p?.vaegte ?? [])
    punkter.push({
      noegle: `pv${v.id}`,
      indhold: <FraTil navn={`Vægt for ${navn(v.id)}`} fra={tal(v.fra, 6)} til={tal(v.til, 6)} />,
    });
  for (const t of p?.tekster ?? [])
    for (const f of t.aendringer)
      punkter.push({
        noegle: `pt${t.id}${f.felt}`,
        indhold:
          f.felt === "navn" ? (
            <FraTil navn="Parameterens navn" fra={vaerdiTekst(f.fra)} til={vaerdiTekst(f.til)} />
          ) : (
            <>
              Tekst i {navn(t.id)}: {parameterTekstFelt(f.felt)} er ændret
            </>
          ),
      });
  for (const b of p?.betingelser ?? [])
    punkter.push({
      noegle: `pb${b.id}${b.niveau}`,
      indhold: (
        <>
          Betingelserne for {navn(b.id)} på {niveauNavn(b.niveau).toLowerCase()} niveau er ændret
        </>
      ),
    });
  for (const f of d.indplacering ?? []) {
    const p = politikFelt(f.felt, f.fra, f.til, navn);
    punkter.push({
      noegle: `i${f.felt}`,
      indhold: <FraTil navn={`Indplaceringspolitik, ${p.navn}`} fra={p.fra} til={p.til} />,
    });
  }
  const tt = d.testtilfaelde;
  for (const n of tt?.tilfoejet ?? []) punkter.push({ noegle: `tt+${n}`, indhold: <>Nyt testtilfælde: {n}</> });
  for (const n of tt?.fjernet ?? []) punkter.push({ noegle: `tt-${n}`, indhold: <>Testtilfælde fjernet: {n}</> });
  const tilfaelde = (side: Testtilfaelde[] | undefined, n: string) => side?.find((t) => t.navn === n);
  for (const n of tt?.aendret ?? [])
    punkter.push({
      noegle: `tt${n}`,
      indhold: (
        <>
          Testtilfælde ændret: {n}
          {testtilfaeldeAendring(tilfaelde(testtilfaelde?.fra, n), tilfaelde(testtilfaelde?.til, n), navn)}
        </>
      ),
    });
  return (
    <div className="aendringsliste" data-testid="diff-oversigt">
      <p>
        {d.antal ?? punkter.length} ændring{(d.antal ?? punkter.length) === 1 ? "" : "er"}:
      </p>
      <ul>
        {punkter.map((x) => (
          <li key={x.noegle}>{x.indhold}</li>
        ))}
      </ul>
    </div>
  );
}
