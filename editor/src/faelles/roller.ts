// Roles in rising order of rights; each role has the rights of those before it (issue 3).
export const ROLLER = ["laeser", "tilsyn", "forfatter", "admin"] as const;
export type Rolle = (typeof ROLLER)[number];

export const ROLLE_NAVN: Record<Rolle, string> = {
  laeser: "Læser",
  tilsyn: "Tilsyn",
  forfatter: "Forfatter",
  admin: "Administrator",
};

export function erRolle(v: unknown): v is Rolle {
  return typeof v === "string" && (ROLLER as readonly string[]).includes(v);
}

/** True when `rolle` has at least the rights of `mindst`. */
export function harRolle(rolle: Rolle | undefined, mindst: Rolle): boolean {
  return rolle !== undefined && ROLLER.indexOf(rolle) >= ROLLER.indexOf(mindst);
}
