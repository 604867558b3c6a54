// Inputs for one field of a vurderingsgrundlag, where an empty choice means "ikke oplyst".
import { type ReactNode, useId } from "react";
import { ListeFelt } from "../faelles/ListeFelt.js";

interface FeltProps<T> {
  /** May end in "|…": the text after the bar is for screen readers only (a table cell's label). */
  label: string;
  vaerdi: unknown;
  saet: (v: T | undefined) => void;
}

/** The label around one control; the control takes the id, so the label names it. */
function Felt({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  const [synlig, skjult] = label.split("|");
  return (
    <label htmlFor={id}>
      {synlig}
      {skjult && <span className="skjult">{skjult}</span>}
      {children(id)}
    </label>
  );
}

export function Valg({
  label,
  vaerdi,
  saet,
  valg,
  tomTekst = "Ikke oplyst",
}: FeltProps<string> & { valg: [string, string][]; tomTekst?: string }) {
  return (
    <Felt label={label}>
      {(id) => (
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
      )}
    </Felt>
  );
}

const JA_NEJ: [string, string][] = [
  ["ja", "Ja"],
  ["nej", "Nej"],
];

/** A yes/no choice: the JSON holds true or false, or nothing when it is not given. */
export function JaNej({ label, vaerdi, saet }: FeltProps<boolean>) {
  return (
    <Valg
      label={label}
      vaerdi={vaerdi === true ? "ja" : vaerdi === false ? "nej" : undefined}
      saet={(v) => saet(v === undefined ? undefined : v === "ja")}
      valg={JA_NEJ}
    />
  );
}

export function Tal({ label, vaerdi, saet, heltal = true }: FeltProps<number> & { heltal?: boolean }) {
  return (
    <Felt label={label}>
      {(id) => (
        <input
          id={id}
          type="number"
          min={0}
          step={heltal ? 1 : "any"}
          value={typeof vaerdi === "number" ? vaerdi : ""}
          placeholder="Ikke oplyst"
          onChange={(e) => saet(e.target.value === "" ? undefined : Number(e.target.value))}
        />
      )}
    </Felt>
  );
}

export function Tekst({ label, vaerdi, saet, paakraevet }: FeltProps<string> & { paakraevet?: boolean }) {
  return (
    <Felt label={label}>
      {(id) => (
        <input
          id={id}
          type="text"
          value={typeof vaerdi === "string" ? vaerdi : ""}
          required={paakraevet}
          onChange={(e) => saet(e.target.value || undefined)}
        />
      )}
    </Felt>
  );
}

/** A comma-separated list; an empty list is "ikke oplyst", not []. */
export function Liste({ label, vaerdi, saet }: FeltProps<string[]>) {
  return (
    <Felt label={label}>
      {(id) => (
        <ListeFelt
          id={id}
          vaerdi={Array.isArray(vaerdi) ? (vaerdi as string[]) : []}
          onAendring={(v) => saet(v.length ? v : undefined)}
        />
      )}
    </Felt>
  );
}
