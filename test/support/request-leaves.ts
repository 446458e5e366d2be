/** Walks a terminal request's fields, for tests that change each one in turn and expect its proof to stop matching. */

/** Every leaf of a request as a path, e.g. ['inPersonCheck', 'faceMatch']. */
export function leaves(value: object, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, v]) => (v !== null && typeof v === 'object' ? leaves(v, [...prefix, key]) : [[...prefix, key]]));
}

/** A copy of `request` with the leaf at `path` changed to another value of its type. */
export function changed<T extends object>(request: T, path: string[]): T {
  const copy = structuredClone(request) as Record<string, unknown>;
  const parent = path.slice(0, -1).reduce((at, key) => at[key] as Record<string, unknown>, copy);
  const key = path[path.length - 1];
  const old = parent[key];
  parent[key] = typeof old === 'boolean' ? !old : typeof old === 'number' ? old + 1 : key === 'scene' ? 'transport' : `${String(old)}0`;
  return copy as T;
}
