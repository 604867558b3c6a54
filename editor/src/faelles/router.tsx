// A small history-API router: the server answers every page path with index.html, so paths
// like /regelsaet/autisme can be bookmarked and reloaded.
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";

const lyttere = new Set<() => void>();

function abonner(fn: () => void): () => void {
  lyttere.add(fn);
  window.addEventListener("popstate", fn);
  return () => {
    lyttere.delete(fn);
    window.removeEventListener("popstate", fn);
  };
}

const nuvaerende = () => window.location.pathname + window.location.search;

export function naviger(til: string, erstat = false): void {
  if (til === nuvaerende()) return;
  if (erstat) window.history.replaceState(null, "", til);
  else window.history.pushState(null, "", til);
  for (const fn of lyttere) fn();
  window.scrollTo(0, 0);
}

/** The current path and query, e.g. `/regelsaet/autisme?version=2`. */
export function useSti(): { sti: string; query: URLSearchParams } {
  const fuld = useSyncExternalStore(abonner, nuvaerende);
  const [sti = "/", q = ""] = fuld.split("?");
  return { sti, query: new URLSearchParams(q) };
}

/** Matches `/regelsaet/:maalgruppe` style patterns; returns the parameters or null. */
export function match(moenster: string, sti: string): Record<string, string> | null {
  const a = moenster.split("/").filter(Boolean);
  const b = sti.split("/").filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (const [i, del] of a.entries()) {
    const v = b[i] ?? "";
    if (del.startsWith(":")) params[del.slice(1)] = decodeURIComponent(v);
    else if (del !== v) return null;
  }
  return params;
}

export function Link({ til, ...rest }: { til: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const klik = (e: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    naviger(til);
  };
  return <a {...rest} href={til} onClick={klik} />;
}
