// A TCP forwarder on loopback that a test can take down and bring back, to
// make Slack or PostgreSQL unreachable while the app under test runs:
// down() refuses new connections (ECONNREFUSED) and cuts the open ones.
import { connect, createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface TcpProxy {
  readonly port: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** `target` is read for each new connection, so it may be set after the proxy starts. */
export async function startTcpProxy(target: () => { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  };
  const make = (): Server =>
    createServer((client) => {
      const { host, port } = target();
      const upstream = connect(port, host);
      track(client);
      track(upstream);
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
  let server: Server | null = make();
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const down = async () => {
    if (!server) return;
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    port,
    down,
    async up() {
      if (server) return;
      server = make();
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    },
    close: down,
  };
}
