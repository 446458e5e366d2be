/** Simulator: POSTs to an emulator-only route under /dev/ (server/emulator/dev-routes.ts); the body never goes into the URL. */
import type { Result } from '../../core/api';

export async function postDevRoute<T>(route: string, body: object): Promise<Result<T>> {
  const response = await fetch(`/dev/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Emulator answered HTTP ${response.status}`);
  return (await response.json()) as Result<T>;
}
