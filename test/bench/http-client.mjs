// A lean keep-alive HTTP/1.1 client for the load benchmarks. node:http's client costs about as much
// CPU per request as the server's framework, and the load generator shares the two cores with the
// server, MariaDB and the simulator: every millisecond it spends is taken from what is measured.
// Like autocannon or wrk it writes requests straight onto sockets and reads just enough of the
// answer (status, Content-Length or chunked, Connection) to frame it.
import net from 'node:net';

const IDLE_MS = 4000; // below Node servers' 5 s keep-alive timeout, so a reused socket is never one being closed
const TIMEOUT_MS = 30_000;
const HEAD_END = Buffer.from('\r\n\r\n');

/** Connections to one port on 127.0.0.1, reused one request at a time. */
export class KeepAlivePool {
  constructor(port) {
    this.port = port;
    this.idle = [];
  }

  /** Resolves { status, text, ms }; never rejects (status 0 = network error or timeout). */
  request(method, path, { headers = {}, body } = {}) {
    const t0 = performance.now();
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    let head = `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    if (payload) head += `content-type: application/json\r\ncontent-length: ${payload.length}\r\n`;
    else if (method !== 'GET' && method !== 'HEAD') head += 'content-length: 0\r\n';
    head += '\r\n';
    const conn = this.take();
    return new Promise((resolve) => {
      conn.pending = (status, text) => {
        conn.pending = null;
        clearTimeout(timer);
        if (status && conn.keepAlive) this.put(conn);
        else conn.socket.destroy();
        resolve({ status, text, ms: performance.now() - t0 });
      };
      const timer = setTimeout(() => conn.fail('client timeout (30 s)'), TIMEOUT_MS);
      conn.socket.write(payload ? Buffer.concat([Buffer.from(head), payload]) : head);
    });
  }

  destroy() {
    for (const c of this.idle) c.socket.destroy();
    this.idle = [];
  }

  take() {
    const now = performance.now();
    while (this.idle.length) {
      const c = this.idle.pop();
      if (!c.closed && now - c.idleSince < IDLE_MS) return c;
      c.socket.destroy();
    }
    return new Connection(this.port);
  }

  put(conn) {
    conn.idleSince = performance.now();
    this.idle.push(conn);
  }
}

class Connection {
  constructor(port) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.buf = null;
    this.pending = null;
    this.closed = false;
    this.keepAlive = true;
    this.socket.on('data', (chunk) => this.onData(chunk));
    this.socket.on('error', (e) => this.fail(e.message));
    this.socket.on('close', () => {
      this.closed = true;
      this.fail('connection closed');
    });
  }

  fail(message) {
    this.keepAlive = false;
    this.buf = null;
    this.pending?.(0, message);
  }

  onData(chunk) {
    this.buf = this.buf ? Buffer.concat([this.buf, chunk]) : chunk;
    const res = parseResponse(this.buf);
    if (!res) return; // not all of it yet
    this.buf = null;
    this.keepAlive = res.keepAlive;
    this.pending?.(res.status, res.text);
  }
}

/** A whole response from the start of buf, or null when more bytes are needed. */
function parseResponse(buf) {
  const headEnd = buf.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const lines = buf.toString('latin1', 0, headEnd).split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  let length = 0;
  let chunked = false;
  let keepAlive = true;
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(':');
    const name = lines[i].slice(0, colon).toLowerCase();
    const value = lines[i].slice(colon + 1).trim().toLowerCase();
    if (name === 'content-length') length = Number(value);
    else if (name === 'transfer-encoding') chunked = value.includes('chunked');
    else if (name === 'connection') keepAlive = value !== 'close';
  }
  const start = headEnd + 4;
  if (!chunked) return buf.length < start + length ? null : { status, keepAlive, text: buf.toString('utf8', start, start + length) };
  const parts = [];
  for (let at = start; ; ) {
    const lineEnd = buf.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
    if (buf.length < lineEnd + 2 + size + 2) return null;
    if (size === 0) return { status, keepAlive, text: Buffer.concat(parts).toString('utf8') };
    parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
