/**
 * Interop: what the issuer publishes verifies with libraries that share no
 * code with ours: cose-js (over elliptic) for presentation tokens, and jose
 * for the card signatures against the JWKS.
 */
import cose from 'cose-js';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { CardView } from '../../core/api';
import { base45Decode } from '../../server/token/base45';
import { TOKEN_PREFIX } from '../../server/token/presentation-token';
import { createHarness, expectOk, type Harness } from '../support/harness';
import { enrolled, presentToken } from '../support/journeys';

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
