// A number input that lets the user type freely ("0," or "") and reports only valid numbers.
// Shares (0–1) can be shown as percentages. Numbers are shown the Danish way (2,875), and a dot
// typed by the user is accepted too.
import { useEffect, useId, useState } from "react";

interface Props {
  id?: string;
  label: string;
  vaerdi: number | undefined;
  onAendring: (v: number) => void;
  procent?: boolean;
  min?: number;
  max?: number;
  trin?: number;
  kunLaes?: boolean;
  beskrivelseId?: string;
  skyder?: boolean;
  skjulLabel?: boolean;
  /** The label is a threshold's dotted name (`uddannelse.moderat.minAndel`): shown as code. */
  kode?: boolean;
  /**
   * Why a number is not allowed ("Højst 60 borgere."), or undefined: a refused number is shown
   * with its reason and never reported.
   */
  tjek?: (v: number) => string | undefined;
  /** A smaller line under the label, e.g. the threshold's code name. */
  underLabel?: string;
}

const rund = (v: number) => Math.round(v * 1e6) / 1e6;

export function TalFelt(p: Props) {
  const autoId = useId();
  const id = p.id ?? autoId;
  const vis = (v: number | undefined) =>
    v === undefined ? "" : String(rund(p.procent ? v * 100 : v)).replace(".", ",");
  const [tekst, setTekst] = useState(vis(p.vaerdi));
  const [ugyldig, setUgyldig] = useState(false);
  const [grund, setGrund] = useState<string | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of the value resets the text
  useEffect(() => {
    const tal = Number(tekst.replace(",", "."));
    const fra = p.procent ? tal / 100 : tal;
    if (tekst === "" || !Number.isFinite(tal) || rund(fra) !== rund(p.vaerdi ?? Number.NaN)) {
      setTekst(vis(p.vaerdi));
      setUgyldig(false);
      setGrund(undefined);
    }
  }, [p.vaerdi, p.procent]);

  const skift = (ny: string) => {
    setTekst(ny);
    const tal = Number(ny.replace(",", "."));
    const ok = ny.trim() !== "" && Number.isFinite(tal);
    const v = rund(p.procent ? tal / 100 : tal);
    const brud = ok ? p.tjek?.(v) : undefined;
    setUgyldig(!ok || brud !== undefined);
    setGrund(brud);
    if (ok && brud === undefined) p.onAendring(v);
  };

  const faktor = p.procent ? 100 : 1;
  const min = p.min === undefined ? undefined : p.min * faktor;
  const max = p.max === undefined ? undefined : p.max * faktor;
  const trin = p.trin ?? (p.procent ? 1 : "any");
  return (
    <span className="talfelt">
      <label htmlFor={id} className={p.skjulLabel ? "skjult" : undefined}>
        {p.kode ? <code>{p.label}</code> : p.label}
        {p.underLabel && <span className="diskret mono under-label">{p.underLabel}</span>}
      </label>
      <span className="talfelt-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={tekst}
          onChange={(e) => skift(e.target.value)}
          readOnly={p.kunLaes}
          aria-invalid={ugyldig || undefined}
          aria-describedby={[p.beskrivelseId, grund ? `${id}-grund` : undefined].filter(Boolean).join(" ") || undefined}
          size={6}
        />
        {p.procent && <span aria-hidden="true">%</span>}
      </span>
      {p.skyder && min !== undefined && max !== undefined && (
        <input
          type="range"
          aria-label={`${p.label} (skyder)`}
          min={min}
          max={max}
          step={trin}
          value={Number(tekst.replace(",", ".")) || 0}
          disabled={p.kunLaes}
          onChange={(e) => skift(e.target.value.replace(".", ","))}
        />
      )}
      {grund && (
        <span id={`${id}-grund`} role="alert" className="felt-fejl">
          {grund}
        </span>
      )}
    </span>
  );
}
