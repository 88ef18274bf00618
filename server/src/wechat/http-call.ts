import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

// Kept-alive connections to WeChat Pay: a checkout calls it once, and a new TLS (or TCP)
// connection per call costs more than the call itself. Idle sockets do not hold the process open.
const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

function once(url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<HttpAnswer & { staleSocket?: boolean }> {
  const https = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      url,
      {
        method,
        agent: https ? httpsAgent : httpAgent,
        timeout: timeoutMs,
        headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url.host}${url.pathname}: no answer in ${timeoutMs} ms`)));
    req.on('error', (e: NodeJS.ErrnoException) => {
      // the peer closed a kept-alive socket just as we reused it: nothing reached it, send again
      if (req.reusedSocket && e.code === 'ECONNRESET') resolve({ status: 0, headers: {}, text: '', staleSocket: true });
      else reject(e);
    });
    req.end(body);
  });
}

/** One HTTP(S) request over a kept-alive connection; the whole answer as text. */
export async function httpCall(url: URL, method: 'GET' | 'POST', headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<HttpAnswer> {
  for (let attempt = 1; ; attempt++) {
    const answer = await once(url, method, headers, body, timeoutMs);
    if (!answer.staleSocket) return answer;
    if (attempt === 3) throw new Error(`${method} ${url.host}${url.pathname}: connection reset`);
  }
}
