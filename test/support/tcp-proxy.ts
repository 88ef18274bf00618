import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy on a loopback port to `target` that a test can cut (no listener, every socket closed) and reopen on the same port. */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((ok, fail) => {
      const srv = createServer((client) => {
        const upstream = createConnection(target);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      srv.once('error', fail);
      srv.listen(port, '127.0.0.1', () => {
        port = (srv.address() as { port: number }).port;
        server = srv;
        ok();
      });
    });
  const cut = async () => {
    const srv = server;
    server = null;
    const closed = srv ? new Promise<void>((r) => srv.close(() => r())) : Promise.resolve();
    for (const s of sockets) s.destroy();
    await closed;
  };
  await listen();
  return { port, cut, reopen: listen, close: cut };
}
