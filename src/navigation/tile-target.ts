/** Where a tile's one-time code goes: appended to a web target's address, or in a mini-program's extraData. */
import type { TileTarget } from '../../core/tile-manifest';

export function webTargetWithCode(url: string, code: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}code=${encodeURIComponent(code)}`;
}

export type OpenOutcome = { kind: 'opened' } | { kind: 'unsupported' } | { kind: 'failed' };

export type OpenTarget = (target: TileTarget, code: string) => Promise<OpenOutcome>;
