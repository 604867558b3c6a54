// Dates and numbers the Danish way.
export function datoTid(iso: string | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("da-DK", { dateStyle: "medium", timeStyle: "short" });
}

export function kortHash(hash: string | undefined): string {
  if (!hash) return "–";
  const [algo, hex = ""] = hash.includes(":") ? hash.split(":") : ["", hash];
  return `${algo ? `${algo}:` : ""}${hex.slice(0, 12)}…`;
}

export function tal(n: number, decimaler = 3): string {
  return n.toLocaleString("da-DK", { maximumFractionDigits: decimaler });
}
