// Inputs for one field of a vurderingsgrundlag, where an empty choice means "ikke oplyst".
import { useId } from "react";
import { ListeFelt } from "../faelles/ListeFelt.js";

/** A label may end in "|skjult" parts: the text after the bar is for screen readers only. */
function LabelTekst({ tekst }: { tekst: string }) {
  const [synlig, skjult] = tekst.split("|");
  return (
    <>
      {synlig}
      {skjult && <span className="skjult">{skjult}</span>}
    </>
  );
}

export function JaNej({
  label,
  vaerdi,
  saet,
}: {
  label: string;
  vaerdi: unknown;
  saet: (v: boolean | undefined) => void;
}) {
  const id = useId();
  return (
    <label htmlFor={id}>
      <LabelTekst tekst={label} />
      <select
        id={id}
        value={vaerdi === true ? "ja" : vaerdi === false ? "nej" : ""}
        onChange={(e) => saet(e.target.value === "" ? undefined : e.target.value === "ja")}
      >
        <option value="">Ikke oplyst</option>
        <option value="ja">Ja</option>
        <option value="nej">Nej</option>
      </select>
    </label>
  );
}

export function Valg({
  label,
  vaerdi,
  saet,
  valg,
  tomTekst = "Ikke oplyst",
}: {
  label: string;
  vaerdi: unknown;
  saet: (v: string | undefined) => void;
  valg: [string, string][];
  tomTekst?: string;
}) {
  const id = useId();
  return (
    <label htmlFor={id}>
      <LabelTekst tekst={label} />
      <select
        id={id}
        value={typeof vaerdi === "string" ? vaerdi : ""}
        onChange={(e) => saet(e.target.value || undefined)}
      >
        <option value="">{tomTekst}</option>
        {valg.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Tal({
  label,
  vaerdi,
  saet,
  heltal = true,
}: {
  label: string;
  vaerdi: unknown;
  saet: (v: number | undefined) => void;
  heltal?: boolean;
}) {
  const id = useId();
  return (
    <label htmlFor={id}>
      <LabelTekst tekst={label} />
      <input
        id={id}
        type="number"
        min={0}
        step={heltal ? 1 : "any"}
        value={typeof vaerdi === "number" ? vaerdi : ""}
        placeholder="Ikke oplyst"
        onChange={(e) => saet(e.target.value === "" ? undefined : Number(e.target.value))}
      />
    </label>
  );
}

export function Tekst({
  label,
  vaerdi,
  saet,
  paakraevet,
}: {
  label: string;
  vaerdi: unknown;
  saet: (v: string | undefined) => void;
  paakraevet?: boolean;
}) {
  const id = useId();
  return (
    <label htmlFor={id}>
      <LabelTekst tekst={label} />
      <input
        id={id}
        type="text"
        value={typeof vaerdi === "string" ? vaerdi : ""}
        required={paakraevet}
        onChange={(e) => saet(e.target.value || undefined)}
      />
    </label>
  );
}

export function Liste({
  label,
  vaerdi,
  saet,
}: {
  label: string;
  vaerdi: unknown;
  saet: (v: string[] | undefined) => void;
}) {
  const id = useId();
  return (
    <label htmlFor={id}>
      <LabelTekst tekst={label} />
      <ListeFelt
        id={id}
        vaerdi={Array.isArray(vaerdi) ? (vaerdi as string[]) : []}
        onAendring={(v) => saet(v.length ? v : undefined)}
      />
    </label>
  );
}
