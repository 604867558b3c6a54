// Messages between the scenario view and its evaluation worker.
import type {
  Aendringer,
  EnkeltVirkning,
  Fordeling,
  Problem,
  Regelsaet,
  Sammenligning,
  Scenarie,
} from "../../../engine/index.js";

export interface Foelsomhed {
  taerskel: string;
  vaerdier: number[];
  /** Providers per level at each value, in the order of `vaerdier`. */
  fordelinger: Fordeling[];
  /** The threshold's value under the scenario (marked on the sweep). */
  nuvaerende: number;
}

/** Per scenario (by name), each of its changes alone against the starting regelsæt. */
export type Enkeltvis = { scenarie: string; udgangspunkt?: Fordeling; aendringer: EnkeltVirkning[] }[];

export interface Graensetilfaelde {
  leverandoer: { id: string; navn?: string; afdeling?: string };
  /** The provider's level now. */
  niveau: string;
  /** Thresholds whose change by one step (up or down) moves the provider, with the level it would get. */
  taerskler: { taerskel: string; retning: "op" | "ned"; vaerdi: number; niveau: string }[];
}

export type Opgave =
  | { type: "sammenlign"; regelsaet: Regelsaet; scenarier: Scenarie[]; leverandoerer: unknown[] }
  | {
      type: "foelsomhed";
      regelsaet: Regelsaet;
      aendringer?: Aendringer;
      taerskel: string;
      vaerdier: number[];
      leverandoerer: unknown[];
    }
  | { type: "graensetilfaelde"; regelsaet: Regelsaet; aendringer?: Aendringer; leverandoerer: unknown[] }
  | { type: "enkeltvis"; regelsaet: Regelsaet; scenarier: Scenarie[]; leverandoerer: unknown[] };

export type Resultat<O extends Opgave["type"]> = O extends "sammenlign"
  ? Sammenligning
  : O extends "foelsomhed"
    ? Foelsomhed
    : O extends "enkeltvis"
      ? Enkeltvis
      : Graensetilfaelde[];

export type Besked =
  | { type: "fremdrift"; faerdige: number; ialt: number }
  | { type: "resultat"; data: unknown }
  | { type: "fejl"; besked: string; detaljer: Problem[] };
