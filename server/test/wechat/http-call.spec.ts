import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { httpCall } from '../../src/wechat/http-call';

/** WeChat's servers (and the simulator's) may close a kept-alive connection just as we reuse it. */
describe('httpCall: kept-alive connections to WeChat', () => {
  let server: Server;
  let base: string;
  const connections = new Set<Socket>();
  let resetReusedConnections = false;

  beforeAll(async () => {
    const requestsOnSocket = new WeakMap<Socket, number>();
    server = createServer((req, res) => {
      const n = (requestsOnSocket.get(req.socket) ?? 0) + 1;
      requestsOnSocket.set(req.socket, n);
      if (resetReusedConnections && n > 1) {
        req.socket.destroy(); // a reset instead of an answer, on a connection that served before
        return;
      }
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ method: req.method, url: req.url, body, requestOnConnection: n }));
      });
    });
    server.on('connection', (s) => {
      connections.add(s);
      s.on('close', () => connections.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const s of connections) s.destroy();
    await new Promise((r) => server.close(r));
  });

  it('sends the body and reuses the connection for the next call', async () => {
    resetReusedConnections = false;
    const first = await httpCall(new URL(`${base}/v3/a?x=1`), 'POST', { 'Content-Type': 'application/json' }, '{"总额":1}', 5_000);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toMatchObject({ method: 'POST', url: '/v3/a?x=1', body: '{"总额":1}', requestOnConnection: 1 });
    const second = await httpCall(new URL(`${base}/v3/b`), 'GET', {}, undefined, 5_000);
    expect(JSON.parse(second.text)).toMatchObject({ method: 'GET', url: '/v3/b', body: '', requestOnConnection: 2 });
  });

  it('sends again on a new connection when a reused one is reset', async () => {
    resetReusedConnections = false;
    await httpCall(new URL(`${base}/warm`), 'GET', {}, undefined, 5_000);
    resetReusedConnections = true;
    const answer = await httpCall(new URL(`${base}/v3/after-reset`), 'POST', {}, '{}', 5_000);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ url: '/v3/after-reset', requestOnConnection: 1 });
  });

  it('gives up with an error when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(httpCall(new URL(`http://127.0.0.1:${port}/x`), 'GET', {}, undefined, 1_000)).rejects.toThrow(/ECONNREFUSED/);
  });
});
