/**
 * `npm run audit:verify -- [--data-dir .data | --store cloudbase] [--published <file|url>] [--checkpoint]`:
 * checks every card's usage chain in the store (server/adapters/usage-chain.ts)
 * and names the first broken entry of each broken chain (a revoked card's
 * redacted entries count, and are checked by their content digest and links); then checks every
 * signed checkpoint kept in the store (server/adapters/audit/audit-trail.ts),
 * and, with `--published`, that each checkpoint once published (the JSON of
 * GET /audit/checkpoints, kept by whoever fetched it) is still there.
 * `--checkpoint` then signs and keeps a new checkpoint of the current heads.
 *
 * The store is the emulator's SQLite in the data folder, or with
 * `--store cloudbase` the deployed CloudBase database (EID_CLOUDBASE_ENV_ID,
 * TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY), its issuer key from
 * EID_ISSUER_PRIVATE_KEY and EID_ISSUER_PREVIOUS_PUBLIC_KEYS, as the deployed functions read them.
 */
import { parseArgs } from 'node:util';
import type { Store } from '../domain/store';
import { auditStore, publishCheckpoint, type PublishedCheckpoint } from '../adapters/audit/audit-trail';
import type { IssuerKeys } from '../adapters/keys/issuer-keys';
import type { ChainBreak } from '../adapters/usage-chain';

export interface AuditTarget {
  store: Store;
  issuer: IssuerKeys;
  /** Where the target is, for the report. */
  label: string;
}

export interface AuditIo {
  out(line: string): void;
  /** The store and issuer keys the options name, or a sentence saying why there are none. */
  open(options: { dataDir: string; store: string }): Promise<AuditTarget | string>;
  /** The text of a file or URL. */
  read(source: string): Promise<string>;
  now(): Date;
}

const BREAK: Record<ChainBreak['why'], (broken: ChainBreak) => string> = {
  content: ({ usageId, cardId }) => `usage ${usageId} of card ${cardId} (its content was changed)`,
  link: ({ usageId, cardId }) => `usage ${usageId} of card ${cardId} (the entry before it was removed, inserted or changed)`,
  redacted: ({ usageId, cardId }) => `usage ${usageId} of card ${cardId} (its details were erased, though the card is not revoked)`,
  tail: ({ usageId, cardId }) => `card ${cardId}'s chain ends ${usageId ? `at usage ${usageId}` : 'with no entry'}, short of its head (its newest entries were removed)`,
};

const WHY: Record<string, string> = {
  signature: 'its signature does not verify',
  root: 'the heads kept with it are not the ones it signed',
  order: 'the checkpoint before it was removed or changed',
  missing_head: 'a chain head it names is gone',
  withdrawn: 'it was published but is no longer in the store',
};

/** Returns the exit code: 0 when every chain and checkpoint holds, 1 when one is broken, 2 when the audit could not run. */
export async function runAuditVerify(argv: string[], io: AuditIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string', default: '.data' },
      store: { type: 'string', default: 'sqlite' },
      published: { type: 'string' },
      checkpoint: { type: 'boolean', default: false },
    },
  });
  const target = await io.open({ dataDir: values['data-dir'], store: values.store });
  if (typeof target === 'string') {
    io.out(target);
    return 2;
  }
  try {
    const published = values.published ? publishedIn(await io.read(values.published)) : [];
    const report = await auditStore(target.store, target.issuer.jwks(), published);
    io.out(
      `${target.label}: ${report.usages} usage records checked, ${report.redacted} of them redacted (their card revoked), ${report.chained} chained, across ${report.cards} cards; ${report.checkpoints} checkpoints`,
    );
    for (const broken of report.breaks) io.out(`BROKEN: ${BREAK[broken.why](broken)}`);
    for (const bad of report.badCheckpoints) {
      io.out(`BROKEN: ${bad.why === 'withdrawn' ? 'published ' : ''}checkpoint ${bad.checkpoint} (${WHY[bad.why]})`);
    }
    if (report.retiredKeyCheckpoints > 0) {
      io.out(`note: ${report.retiredKeyCheckpoints} checkpoints are signed by keys that have left the JWKS; their heads were checked, their signatures cannot be`);
    }
    const ok = report.breaks.length === 0 && report.badCheckpoints.length === 0;
    if (ok) io.out('OK: every usage chain and checkpoint holds');
    if (ok && values.checkpoint) {
      const checkpoint = await publishCheckpoint(target.store, target.issuer.current, io.now());
      io.out(`kept a signed checkpoint of ${Object.keys(checkpoint.heads).length} chain heads (published at GET /audit/checkpoints)`);
    }
    return ok ? 0 : 1;
  } finally {
    await target.store.close();
  }
}

function publishedIn(text: string): PublishedCheckpoint[] {
  const parsed = JSON.parse(text) as { checkpoints?: unknown };
  if (!Array.isArray(parsed.checkpoints) || !parsed.checkpoints.every((c) => typeof (c as PublishedCheckpoint)?.token === 'string')) {
    throw new Error('the published checkpoints are not the JSON of GET /audit/checkpoints');
  }
  return parsed.checkpoints as PublishedCheckpoint[];
}
