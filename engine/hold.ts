// Objects kept alive so that V8's optimised code stays valid. V8 specialises hot code on the
// hidden classes of the objects it sees, and keeps a class's hidden classes only while some object
// of them lives. When every object of one batch run (a comparison's compiled group, a hasher) has
// been collected, the next run's optimised code is thrown away and its first thousands of
// providers run in the interpreter while V8 learns the new classes. Measured on Node 20 after a
// full collection: a 4-scenario comparison over 10,000 providers ~155 ms without, ~120 ms with;
// a SHA-256 of a 75 kB regelsæt ~7 ms without, ~0.8 ms with. Each kind keeps its latest objects
// only, replaced by the next run of that kind: compiled rules and empty collectors, never the
// providers or the results. The compiled rules refer to the regelsæt variants they were compiled
// from, so what stays alive until the next run is measured (autisme, heap after a full GC): a
// comparison of 4 scenarios ~3 MB, a 30-value sweep ~8 MB, the borderline flag (two variants per
// numeric threshold) ~16 MB.

const HOLDT = new Map<string, readonly unknown[]>();

/** Keeps `objekter` alive until the next call for the same `slags`. */
export function holdTilNaeste(slags: string, ...objekter: unknown[]): void {
  HOLDT.set(slags, objekter);
}
