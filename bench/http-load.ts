/**
 * A bounded HTTP load against 127.0.0.1 with autocannon: `total` POSTs at a
 * fixed concurrency over keep-alive connections. autocannon prebuilds its
 * requests and parses responses cheaply, so the load generator takes less of
 * the two cores the server shares with it. Stops by itself.
 */
import autocannon from 'autocannon';

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
  const bodies: unknown[] = [];
  let ok = 0;
  let last = 0;
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url: baseUrl,
    connections: concurrency,
    amount: total,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { path, body, openid } = next();
          return {
            ...request,
            path,
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json', ...(openid && { 'x-dev-openid': openid }) },
          };
        },
        onResponse: (_status, body) => {
          const answer = JSON.parse(body) as { ok: boolean };
          if (answer.ok) ok++;
          bodies.push(answer);
          last = Number(process.hrtime.bigint() - started) / 1e9;
        },
      },
    ],
  });
  return {
    count: result.requests.total,
    ok,
    // Timed to the last response ourselves: autocannon's own duration ends on its one-second ticks.
    perSecond: result.requests.total / last,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bodies,
  };
}
