// A comma-separated list input that keeps what the user types (trailing commas, spaces) and
// reports the parsed list.
import { useEffect, useState } from "react";

interface Props {
  vaerdi: string[];
  onAendring: (v: string[]) => void;
  kunLaes?: boolean;
  id?: string;
  beskrivelseId?: string;
}

const somListe = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export function ListeFelt({ vaerdi, onAendring, kunLaes, id, beskrivelseId }: Props) {
  const [tekst, setTekst] = useState(vaerdi.join(", "));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of the list resets the text
  useEffect(() => {
    if (somListe(tekst).join("\u0000") !== vaerdi.join("\u0000")) setTekst(vaerdi.join(", "));
  }, [vaerdi]);
  return (
    <input
      id={id}
      type="text"
      value={tekst}
      readOnly={kunLaes}
      aria-describedby={beskrivelseId}
      onChange={(e) => {
        setTekst(e.target.value);
        onAendring(somListe(e.target.value));
      }}
    />
  );
}
