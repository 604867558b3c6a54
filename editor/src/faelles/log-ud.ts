// Modules that keep state for the signed-in user register here to forget it on sign-out.
const lyttere = new Set<() => void>();

export function vedLogUd(fn: () => void): void {
  lyttere.add(fn);
}

export function meldLogUd(): void {
  for (const fn of lyttere) fn();
}
