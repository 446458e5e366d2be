/**
 * Interop: what the issuer publishes verifies with libraries that share no
 * code with ours: cose-js (over elliptic) and @ldclabs/cose-ts (a CWT reader,
 * over @noble/curves and cborg) for presentation tokens, and jose for the
 * card signatures against the JWKS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cose from 'cose-js';
import { buildSync } from 'esbuild';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { CardView } from '../../core/api';
import { base45Decode } from '../../server/token/base45';
import { decodePresentation, TOKEN_PREFIX } from '../../server/token/presentation-token';
import { createHarness, expectOk, type Harness } from '../support/harness';
import { enrolled, presentToken } from '../support/journeys';

/** The ESM-only reader, bundled once to CommonJS (it imports extensionless paths that Node's ESM loader refuses). */
let bundled: string | undefined;
function readerBundle(): string {
  if (!bundled) {
    bundled = join(mkdtempSync(join(tmpdir(), 'eid-cwt-reader-')), 'reader.cjs');
    buildSync({ entryPoints: [join(__dirname, 'read-with-cose-ts.mjs')], bundle: true, platform: 'node', format: 'cjs', outfile: bundled, logLevel: 'error' });
  }
  return bundled;
}

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

describe('independent verification', () => {
  it('cose-js verifies a presentation token with the JWKS key, and refuses a tampered one', async () => {
    await enrolled(h, 'alice');
    const token = await presentToken(h, 'alice', 'hotel');
    const message = Buffer.from(base45Decode(token.slice(TOKEN_PREFIX.length))!);
    const jwk = h.emulator.issuer.jwks().keys[0];
    const verifier = { key: { x: Buffer.from(jwk.x!, 'base64url'), y: Buffer.from(jwk.y!, 'base64url'), kid: jwk.kid } };

    const payload: Buffer = await cose.sign.verify(message, verifier);
    expect(payload.length).toBeGreaterThan(40);

    const tampered = Buffer.from(message);
    tampered[tampered.length - 70] ^= 0x01; // a payload byte, just before the 64-byte signature
    await expect(cose.sign.verify(tampered, verifier)).rejects.toThrow();
  });

  it('a standard CWT reader (@ldclabs/cose-ts) checks the signature with the JWKS key and reads exp, iat and cti by their registered names', async () => {
    await enrolled(h, 'alice');
    const token = await presentToken(h, 'alice', 'hotel');
    const messageHex = Buffer.from(base45Decode(token.slice(TOKEN_PREFIX.length))!).toString('hex');
    const jwk = h.emulator.issuer.jwks().keys[0];
    const now = Math.floor(h.clock.now().getTime() / 1000);
    const read = (hex: string, nowSeconds: number) => JSON.parse(execFileSync('node', [readerBundle(), JSON.stringify({ messageHex: hex, jwk, nowSeconds })], { encoding: 'utf8' }));

    expect(read(messageHex, now)).toEqual({
      signature: 'valid',
      iat: now,
      exp: now + 60,
      cti: Buffer.from(decodePresentation(token)!.claims.tokenId).toString('hex'),
      contentType: 61, // application/cwt
      kid: jwk.kid,
      validAtNow: true,
    });
    expect(read(messageHex, now + 61)).toMatchObject({ signature: 'valid', validAtNow: false });
    const tampered = messageHex.slice(0, -140) + (messageHex.slice(-140, -138) === '00' ? '01' : '00') + messageHex.slice(-138);
    expect(read(tampered, now)).toMatchObject({ signature: 'refused' });
  });

  it('jose verifies the card signature against the published JWKS', async () => {
    await enrolled(h, 'alice');
    const { card } = expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: CardView };
    const jwks = createLocalJWKSet(h.emulator.issuer.jwks() as Parameters<typeof createLocalJWKSet>[0]);
    const { payload, protectedHeader } = await jwtVerify(card.issuerSignature, jwks, {
      algorithms: ['ES256'],
      issuer: 'e-id-card',
      currentDate: h.clock.now(),
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: card.keyId });
    expect(payload).toMatchObject({ sub: card.cardId, lvl: 'basic' });
  });
});
