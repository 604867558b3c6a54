// One shape for every problem the engine reports: where (a JSON path in the caller's document)
// and what (a sentence in Danish). The API sends it as `detaljer`, the editor turns the pointer
// into a line and column.

/** A problem as the API reports it in `detaljer`; the pointer only where the place is in a document. */
export interface Detalje {
  /** Readable path, e.g. `parametre[2].niveauer.hoej.betingelser.all[0].value`. */
  path: string;
  /** RFC 6901 JSON pointer to the same place, for mapping to a position in the text. */
  pointer?: string;
  message: string;
}

/** A problem in a document the engine read: always with its pointer. */
export interface Problem extends Detalje {
  pointer: string;
}

export type Sti = ReadonlyArray<string | number>;

export function problem(sti: Sti, message: string): Problem {
  return { path: visSti(sti), pointer: pointerFor(sti), message };
}

export function visSti(sti: Sti): string {
  let out = "";
  for (const del of sti) {
    if (typeof del === "number") out += `[${del}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(del)) out += out === "" ? del : `.${del}`;
    else out += `[${JSON.stringify(del)}]`;
  }
  return out === "" ? "(roden)" : out;
}

export function pointerFor(sti: Sti): string {
  return sti.map((d) => `/${String(d).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

export function stiFromPointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((d) => d.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((d) => (/^(0|[1-9][0-9]*)$/.test(d) ? Number(d) : d));
}

/** The engine's one typed error: a machine code plus the problems that caused it. */
export class EngineError extends Error {
  constructor(
    readonly code: "UGYLDIGT_REGELSAET" | "UGYLDIGT_VURDERINGSGRUNDLAG" | "FORKERT_MAALGRUPPE" | "UGYLDIGT_SCENARIE",
    message: string,
    readonly detaljer: Problem[] = [],
  ) {
    super(message);
    this.name = "EngineError";
  }
}
