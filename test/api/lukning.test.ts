// Graceful shutdown: a large response that has been handed to the socket but not yet flushed
// is delivered whole; idle keep-alive connections close at once, busy ones when their response
// is done.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { sporForbindelser } from "../../api/lukning.js";

const STOR = "x".repeat(20_000_000);

describe("lukning", () => {
  it("leverer et stort svar helt, selv når lukningen kommer lige efter, at det er afsendt", async () => {
    let afsendt: () => void = () => {};
    const erAfsendt = new Promise<void>((r) => {
      afsendt = r;
    });
    const server = http.createServer((_req, res) => {
      res.end(STOR);
      afsendt();
    });
    const lukning = sporForbindelser(server);
    server.listen(0);
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as AddressInfo;
    const svar = fetch(`http://127.0.0.1:${port}/`);
    await erAfsendt;
    const lukket = lukning.luk(10_000);
    const tekst = await (await svar).text();
    expect(tekst.length).toBe(STOR.length);
    await lukket;
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("lukker ledige forbindelser med det samme og venter på igangværende", async () => {
    let slip: () => void = () => {};
    const server = http.createServer((req, res) => {
      if (req.url === "/langsom") {
        slip = () => res.end("færdig");
      } else res.end("hurtig");
    });
    const lukning = sporForbindelser(server);
    server.listen(0);
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as AddressInfo;
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("hurtig");
    const langsom = fetch(`http://127.0.0.1:${port}/langsom`);
    await new Promise((r) => setTimeout(r, 100));
    let faerdig = false;
    const lukket = lukning.luk(10_000).then(() => {
      faerdig = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(faerdig).toBe(false);
    slip();
    const svar = await langsom;
    expect(await svar.text()).toBe("færdig");
    await lukket;
    expect(faerdig).toBe(true);
  });
});
