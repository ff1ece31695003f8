export interface Timing {
  name: string;
  runs: number;
  p50: number;
  p95: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Runs `call` once per parameter set (after one warm-up call) and returns p50 / p95 in ms. */
export async function measure<T>(name: string, params: T[], call: (param: T) => Promise<number>): Promise<Timing> {
  const first = params[0];
  if (first !== undefined) await call(first);
  const times: number[] = [];
  for (const param of params) times.push(await call(param));
  times.sort((a, b) => a - b);
  return { name, runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Wall time of a full GET (status checked, body read), in ms. */
export async function timeGet(url: string, token: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  return performance.now() - started;
}

/** Time until the first body bytes of a GET arrive, in ms. */
export async function timeFirstByte(url: string, token: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const reader = res.body?.getReader();
  if (!reader || res.status !== 200) throw new Error(`${url} → ${res.status}`);
  await reader.read();
  const elapsed = performance.now() - started;
  await reader.cancel();
  return elapsed;
}
