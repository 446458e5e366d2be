/**
 * A bounded HTTP load: `total` POSTs at a fixed concurrency over keep-alive
 * connections to 127.0.0.1, recording each latency. Stops by itself.
 */
import http from 'node:http';

export interface LoadResult {
  count: number;
  ok: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  bodies: unknown[];
}

type NextRequest = () => { path: string; body: unknown; openid?: string };

export async function httpLoad(baseUrl: string, total: number, concurrency: number, next: NextRequest): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const bodies: unknown[] = [];
  let ok = 0;
  let issued = 0;

  const one = (path: string, payload: string, openid?: string) =>
    new Promise<unknown>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...(openid && { 'X-Dev-Openid': openid }) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });

  const worker = async () => {
    while (issued < total) {
      issued++;
      const { path, body, openid } = next();
      const started = process.hrtime.bigint();
      const answer = (await one(path, JSON.stringify(body), openid)) as { ok: boolean };
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (answer.ok) ok++;
      bodies.push(answer);
    }
  };

  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { count: latencies.length, ok, perSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), bodies };
}
