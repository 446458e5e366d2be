/**
 * What the partner and admin CLIs share: where a function answers (the
 * emulator's `POST <url>/fn/<name>`, or a deployed function's own URL with
 * --endpoint) and how a refusal is printed (its stable code and message).
 */
import type { Result } from '../../core/api';
import type { FunctionName } from '../../core/api';

export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:8787';

export interface FunctionCliIo {
  out(line: string): void;
  postJson(url: string, body: unknown): Promise<unknown>;
  now(): Date;
  readFile(path: string): string;
  /** Writes a file readable by its owner only (a private key). */
  writeSecretFile(path: string, text: string): void;
  env: Record<string, string | undefined>;
}

/** The options every function CLI takes: where the function answers, and the emulator's data folder (its development keys). */
export const ENDPOINT_OPTIONS = {
  url: { type: 'string' },
  endpoint: { type: 'string' },
  'data-dir': { type: 'string', default: '.data' },
} as const;

export const endpointOf = (name: FunctionName, values: { url?: string; endpoint?: string }) =>
  values.endpoint ?? `${(values.url ?? DEFAULT_EMULATOR_URL).replace(/\/+$/, '')}/fn/${name}`;

/** The answer's body on success; on a refusal, prints its code and returns null. */
export function answerOf<T>(answer: unknown, io: FunctionCliIo): T | null {
  const result = answer as Result<T>;
  if (result.ok) return result;
  io.out(`REFUSED ${result.code}${result.reason ? ` (${result.reason})` : ''}${result.details ? ` ${JSON.stringify(result.details)}` : ''}: ${result.message}`);
  return null;
}

export const csv = (value: string | undefined): string[] => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);
