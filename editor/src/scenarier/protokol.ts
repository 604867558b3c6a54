// Messages between the scenario view and its evaluation worker.
import type { Aendringer, Fordeling, Problem, Regelsaet, Sammenligning, Scenarie } from "../../../engine/index.js";

export interface Foelsomhed {
  taerskel: string;
  vaerdier: number[];
  /** Providers per level at each value, in the order of `vaerdier`. */
  fordelinger: Fordeling[];
}

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
  | { type: "graensetilfaelde"; regelsaet: Regelsaet; aendringer?: Aendringer; leverandoerer: unknown[] };

export type Resultat<O extends Opgave["type"]> = O extends "sammenlign"
  ? Sammenligning
  : O extends "foelsomhed"
    ? Foelsomhed
    : Graensetilfaelde[];

export type Besked =
  | { type: "fremdrift"; faerdige: number; ialt: number }
  | { type: "resultat"; data: unknown }
  | { type: "fejl"; besked: string; detaljer: Problem[] };
