// Loads data for a view and re-loads when its inputs change; ignores answers that arrive after
// the view moved on.
import { type DependencyList, useCallback, useEffect, useState } from "react";

export interface Hentet<T> {
  data: T | undefined;
  fejl: unknown;
  indlaeser: boolean;
  genindlaes(): void;
}

export function useHent<T>(hent: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Hentet<T> {
  const [tilstand, setTilstand] = useState<{ data?: T; fejl?: unknown; indlaeser: boolean }>({ indlaeser: true });
  const [runde, setRunde] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `hent` depends on; `runde` forces a reload
  const hentStabil = useCallback(hent, [...deps, runde]);
  useEffect(() => {
    const ac = new AbortController();
    setTilstand((t) => ({ ...t, indlaeser: true }));
    hentStabil(ac.signal).then(
      (data) => !ac.signal.aborted && setTilstand({ data, indlaeser: false }),
      (fejl) => !ac.signal.aborted && setTilstand({ fejl, indlaeser: false }),
    );
    return () => ac.abort();
  }, [hentStabil]);
  const genindlaes = useCallback(() => setRunde((r) => r + 1), []);
  return { data: tilstand.data, fejl: tilstand.fejl, indlaeser: tilstand.indlaeser, genindlaes };
}
