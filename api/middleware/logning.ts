// Structured request logs (pino-http) with a request id that is echoed in X-Request-Id. Only
// method, path, status and timing are logged: never headers (the Authorization key), query
// strings or bodies. Answered requests log at `debug` (LOG_LEVEL=debug for a full access log),
// refused ones (4xx) at `info` and failures (5xx) at `error`: at the default level an operator sees
// what went wrong, and a page load does not scroll the first start's admin key away.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";

const SIKKERT_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function logning(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const indkommende = req.headers["x-request-id"];
      // An API key fits the id pattern; a client that puts it here must not get it into the log.
      const id =
        typeof indkommende === "string" && SIKKERT_ID.test(indkommende) && !indkommende.startsWith("smk_")
          ? indkommende
          : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split("?")[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "info" : "debug",
    customProps: (_req, res) => {
      const noegle = (res as ServerResponse & { locals?: { noegle?: { navn: string } } }).locals?.noegle;
      return noegle ? { noegle: noegle.navn } : {};
    },
  });
}
