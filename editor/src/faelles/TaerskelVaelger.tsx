// A threshold picker in domain words: options grouped by parameter ("Aktiv praksis"), each named
// by level and meaning ("højt · mindst antal borgere") with its current value in its unit; the
// value sent is the threshold's stable name (`aktivPraksis.hoej.minBorgere`, `navn@variant`).
import { type Regelsaet, taerskelGrupper, taerskelVaerdiTekst } from "../../../engine/index.js";

interface Props {
  id: string;
  regelsaet: Pick<Regelsaet, "parametre" | "taerskler">;
  vaerdi: string;
  onValg: (navn: string) => void;
  /** Only thresholds with a number (sweeps, borderline steps). */
  kunTal?: boolean;
  /** Names left out (e.g. already changed in the scenario). */
  undtag?: readonly string[];
  /** A first, empty option, e.g. "+ Tærskel …". */
  tomTekst?: string;
  /**
   * Options carry the parameter's name too: a closed select shows only the chosen option, and
   * "moderat · mindst andel" alone does not say which parameter.
   */
  fuldeNavne?: boolean;
}

export function TaerskelVaelger({ id, regelsaet, vaerdi, onValg, kunTal, undtag = [], tomTekst, fuldeNavne }: Props) {
  const grupper = taerskelGrupper(regelsaet, { kunTal });
  return (
    <select id={id} value={vaerdi} onChange={(e) => onValg(e.target.value)}>
      {tomTekst !== undefined && <option value="">{tomTekst}</option>}
      {grupper.map((g) => (
        <optgroup key={g.gruppe} label={g.navn}>
          {g.taerskler
            .filter((t) => !undtag.includes(t.navn))
            .map((t) => {
              const [navn = "", variant] = t.navn.split("@");
              const def = regelsaet.taerskler[navn];
              const v = variant === undefined ? def?.vaerdi : def?.varianter?.find((x) => x.navn === variant)?.vaerdi;
              const egen = fuldeNavne ? t.tekst : t.tekst.slice(g.navn.length).replace(/^ · /, "") || t.tekst;
              return (
                <option key={t.navn} value={t.navn}>
                  {egen}
                  {v !== undefined && typeof v === "number" ? ` (${taerskelVaerdiTekst(v, def?.enhed)})` : ""}
                </option>
              );
            })}
        </optgroup>
      ))}
    </select>
  );
}
