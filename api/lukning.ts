// Graceful shutdown that never cuts a response. Node's http `server.close()` destroys every
// connection without a request in progress — including one whose large response has been handed
// to the socket but not yet flushed, which truncates it. Here the listener is closed, idle
// connections are ended (end() flushes before FIN), busy ones are ended when their last response
// finishes, and only after `tidsgraenseMs` is anything destroyed.
import type { Server } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

export interface Lukning {
  /** Stops accepting connections and resolves when every connection has closed. */
  luk(tidsgraenseMs: number): Promise<void>;
}

export function sporForbindelser(server: Server): Lukning {
  const igang = new Map<Socket, number>();
  let lukker = false;
  server.on("connection", (socket: Socket) => {
    igang.set(socket, 0);
    socket.on("close", () => igang.delete(socket));
  });
  server.on("request", (req, res) => {
    const socket = req.socket;
    igang.set(socket, (igang.get(socket) ?? 0) + 1);
    if (lukker) res.setHeader("Connection", "close");
    res.on("finish", () => {
      const n = Math.max(0, (igang.get(socket) ?? 1) - 1);
      igang.set(socket, n);
      if (lukker && n === 0) socket.end();
    });
  });
  return {
    luk(tidsgraenseMs) {
      lukker = true;
      const lukket = new Promise<void>((resolve) => {
        // net.Server's close: stop listening, without http's destroying of "idle" connections.
        NetServer.prototype.close.call(server, () => resolve());
      });
      for (const [socket, n] of igang) if (n === 0) socket.end();
      const tvang = setTimeout(() => {
        for (const socket of igang.keys()) socket.destroy();
      }, tidsgraenseMs);
      tvang.unref();
      return lukket.finally(() => clearTimeout(tvang));
    },
  };
}
