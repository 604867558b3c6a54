// CORS is closed by default: no Access-Control headers unless the origin is configured
// (CORS_ORIGINS). The editor is served from the same origin and needs none.
import type { RequestHandler } from "express";

export function cors(tilladte: readonly string[]): RequestHandler {
  const saet = new Set(tilladte);
  return (req, res, next) => {
    const origin = req.get("origin");
    if (origin === undefined || !saet.has(origin)) {
      next();
      return;
    }
    res.vary("Origin");
    res.set({
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Expose-Headers": "ETag, Location, Regelsaet-Version, Regelsaet-Hash, X-Request-Id, Retry-After",
    });
    if (req.method === "OPTIONS" && req.get("access-control-request-method")) {
      res.set({
        "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE",
        "Access-Control-Allow-Headers": "Authorization, Content-Type, If-Match, If-None-Match, X-Request-Id",
        "Access-Control-Max-Age": "600",
      });
      res.status(204).end();
      return;
    }
    next();
  };
}
