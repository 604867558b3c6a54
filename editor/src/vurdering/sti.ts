// Immutable edits of a vurderingsgrundlag at a path. Setting `undefined` removes the field and any
// object left empty, so "ikke oplyst" is absent in the JSON — never zero or false.
export type Sti = (string | number)[];

export function hentVed(o: unknown, sti: Sti): unknown {
  let x = o;
  for (const d of sti) {
    if (x === null || typeof x !== "object") return undefined;
    x = (x as Record<string | number, unknown>)[d];
  }
  return x;
}

export function saetVed<T>(o: T, sti: Sti, vaerdi: unknown): T {
  const [forst, ...rest] = sti;
  if (forst === undefined) return vaerdi as T;
  const kopi: Record<string | number, unknown> = Array.isArray(o)
    ? ([...o] as unknown as Record<number, unknown>)
    : { ...(o as Record<string, unknown>) };
  const ny = rest.length === 0 ? vaerdi : saetVed(kopi[forst] ?? (typeof rest[0] === "number" ? [] : {}), rest, vaerdi);
  const tom =
    ny === undefined || (typeof ny === "object" && ny !== null && !Array.isArray(ny) && Object.keys(ny).length === 0);
  if (tom && !Array.isArray(kopi)) delete kopi[forst];
  else kopi[forst] = ny;
  return kopi as T;
}
