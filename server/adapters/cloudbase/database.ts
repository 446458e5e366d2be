/**
 * The CloudBase database through tcb-admin-node, the SDK the product owner
 * named (its database API is the one WeChat cloud functions use).
 *
 * Its pinned dependencies, and why untrusted input does not reach them:
 * - `jsonwebtoken` ^8 is used only by its auth module (tickets, user info),
 *   which this adapter never calls; our own tokens use jsonwebtoken 9
 *   (server/functions/auth) and nothing of the SDK's copy.
 * - `request` ^2 (deprecated) carries every database call, but only to the
 *   SDK's fixed CloudBase service URL (or `serviceUrl`, set by configuration
 *   in tests): no URL, header, proxy or redirect target is made from a
 *   caller's input, and what it sends is a JSON body the SDK builds from our
 *   documents. Its known weaknesses are in following redirects and in
 *   proxies, which need the CloudBase service itself to be hostile.
 * - `xml2js` serves its WeChat-pay module, never loaded by the database API.
 * Caller input reaches the SDK only as JSON values inside documents and
 * equality conditions whose keys are ours; the event schemas
 * (core/schemas.ts) refuse an object where a string belongs, so no caller
 * can turn a value into an operator such as {"$gt": ""}.
 * Only server/adapters/cloudbase imports tcb-admin-node
 * (.dependency-cruiser.cjs), and only the functions that hold a store bundle
 * it (SDK_ALLOWED in scripts/function-bundles.ts: all four, since the partner
 * function holds the services store).
 */
import tcb, { type Database } from 'tcb-admin-node';
import { TRANSPORT_FAILED } from './cloudbase-error';

export interface CloudBaseConnection {
  /** The CloudBase environment id; omitted inside a deployed function, which uses its own (TCB_ENV). */
  env?: string;
  /** Omitted inside a deployed function: the runtime's temporary credentials (TENCENTCLOUD_SECRETID…) are used. */
  secretId?: string;
  secretKey?: string;
  /** Where the SDK posts database calls; only tests set it (a local endpoint). */
  serviceUrl?: string;
  timeoutMs?: number;
}

type SendingClass = new (config: unknown) => { send(action: string, params?: unknown): Promise<unknown> };
const SETTLES = Symbol('eid: send settles with a value');

/**
 * Three query methods of the SDK's database module (where().update(),
 * count(), remove()) chain .then without .catch on the request, so a
 * transport failure would leave their promise pending forever and reject
 * unhandled. The module sends through one static class, Db.reqClass, which
 * tcb-admin-node sets in database(); this wraps it so that a failed send
 * resolves with an error value ({ code: TRANSPORT_FAILED }), which every
 * caller in the SDK already handles. It must be applied after each
 * database() call, which resets the class.
 */
function makeSendsSettle(db: Database): void {
  const Db = db.constructor as unknown as { reqClass: SendingClass & { [SETTLES]?: true } };
  const Original = Db.reqClass;
  if (Original[SETTLES]) return;
  class SettlingRequest extends Original {
    static readonly [SETTLES] = true as const;
    async send(action: string, params?: unknown): Promise<unknown> {
      try {
        return await super.send(action, params);
      } catch {
        return { code: TRANSPORT_FAILED, message: 'the request to CloudBase failed' };
      }
    }
  }
  Db.reqClass = SettlingRequest;
}

export function openDatabase({ env, secretId, secretKey, serviceUrl, timeoutMs = 5000 }: CloudBaseConnection): Database {
  const app = tcb.init({
    env: env ?? tcb.SYMBOL_CURRENT_ENV,
    ...(secretId !== undefined && { secretId, secretKey }),
    ...(serviceUrl !== undefined && { serviceUrl }),
    timeout: timeoutMs,
    isUpdateSelfConfig: false,
  });
  const db = app.database();
  makeSendsSettle(db);
  return db;
}
