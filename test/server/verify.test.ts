/**
 * Verification as named checks, each with its own code, on real SQLite with a
 * frozen clock. SYNTHETIC people; terminal keys generated per test.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { UsageView } from '../../core/api';
import { maskIdNumber } from '../../core/mask';
import { assertionRequestDigest, signAdminAssertion, signTerminalAssertion } from '../../server/clients/assertions';
import { ASSERTION_AUDIENCE } from '../../core/policy';
import { CosePresentationSigner } from '../../server/adapters/keys/cose-presentation-signer';
import { base45Decode, base45Encode } from '../../server/token/base45';
import { fromBase64Url } from '../../server/token/bytes';
import { decodeCbor, encodeCbor, type Cbor } from '../../server/token/cbor';
import { TOKEN_PREFIX, type PresentationClaims } from '../../server/token/presentation-token';
import { verifyPresentation } from '../../server/domain/verify-presentation';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled, presentToken, registerTerminal, verifyAs } from '../support/journeys';
import { changeStatus } from '../support/card-status';
import { withStepBefore } from '../support/step-between';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

type Sign1 = [Uint8Array, Map<number | string, Cbor>, Uint8Array, Uint8Array];
/** Takes a token apart, lets a test change one part, and puts it back together with no new signature. */
function tamper(token: string, change: (parts: Sign1) => Sign1): string {
  const message = decodeCbor(base45Decode(token.slice(TOKEN_PREFIX.length))!) as { tag: number; value: Sign1 };
  return TOKEN_PREFIX + base45Encode(encodeCbor({ tag: 18, value: change([...message.value] as Sign1) }));
}

async function cardIdOf(openid: string): Promise<string> {
  const { card } = expectOk(await h.call(openid, { action: 'getCard' })) as unknown as { card: { cardId: string } };
  return card.cardId;
}

/** A token signed by the real issuer key with claims a test chooses. */
async function issuerSigned(openid: string, claims: { scene: number; issuedAt: number; expiresAt: number }): Promise<string> {
  const tokenId = Buffer.from('0123456789ab');
  return signPresentation({ tokenId, cardRef: h.emulator.deps.cardRefs.seal(await cardIdOf(openid), tokenId), ...claims }, h.emulator.issuer.current);
}

/** Signs claims a test chooses with any key, as the issuer's adapter would. */
const signPresentation = (claims: PresentationClaims, key: { keyId: string; privateKey: KeyObject }) => new CosePresentationSigner(key).sign(claims);

const nowSeconds = () => Math.floor(h.clock.now().getTime() / 1000);

describe('a registered terminal receives exactly the scene attributes', () => {
  it('hotel: full name, full ID number, level; and the use is recorded for the holder', async () => {
    const person = await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel'], '如家酒店 (synthetic)');
    const result = expectOk(await verifyAs(h, hotel, await presentToken(h, 'alice', 'hotel'), 'hotel'));
    expect(result.attributes).toEqual({ fullName: person.name, idNumber: person.idNumber, level: 'basic' });

    const { usages } = expectOk(await h.call('alice', { action: 'listUsage' })) as unknown as { usages: UsageView[] };
    expect(usages).toEqual([
      { id: 1, at: h.clock.now().toISOString(), organisation: '如家酒店 (synthetic)', scene: 'hotel', attributes: ['fullName', 'idNumber', 'level'] },
    ]);
  });

  it('internet cafe: full name, masked number, adult', async () => {
    const person = await enrolled(h, 'alice');
    const cafe = await registerTerminal(h, ['internet_cafe']);
    const result = expectOk(await verifyAs(h, cafe, await presentToken(h, 'alice', 'internet_cafe'), 'internet_cafe'));
    expect(result.attributes).toEqual({ fullName: person.name, maskedIdNumber: maskIdNumber(person.idNumber), adult: true });
  });

  it('transport: full name and full number; age check: over 18 only', async () => {
    const person = await enrolled(h, 'alice');
    const gate = await registerTerminal(h, ['transport', 'age_check']);
    expect(expectOk(await verifyAs(h, gate, await presentToken(h, 'alice', 'transport'), 'transport')).attributes).toEqual({
      fullName: person.name,
      idNumber: person.idNumber,
    });
    expect(expectOk(await verifyAs(h, gate, await presentToken(h, 'alice', 'age_check'), 'age_check')).attributes).toEqual({ over18: true });
  });
});

describe('each failing check has its own code', () => {
  let token: string;
  let hotel: Awaited<ReturnType<typeof registerTerminal>>;
  beforeEach(async () => {
    await enrolled(h, 'alice');
    hotel = await registerTerminal(h, ['hotel', 'age_check']);
    token = await presentToken(h, 'alice', 'age_check');
  });

  const expectCode = async (candidate: unknown, code: string, reason?: string, scene: 'hotel' | 'age_check' = 'age_check') => {
    const failure = expectFailure(await verifyAs(h, hotel, candidate, scene));
    expect(failure.code).toBe(code);
    if (reason) expect(failure.reason).toBe(reason);
    expect(h.rowCounts()).toMatchObject({ usages: 0, spent_tokens: 0 });
  };

  it('tampered payload → CODE_INVALID (signature)', async () => {
    const forged = tamper(token, ([p, u, payload, s]) => {
      const claims = decodeCbor(payload) as Map<number | string, Cbor>;
      claims.set('s', 1); // age check → hotel, which would release the full ID number
      return [p, u, encodeCbor(claims), s];
    });
    await expectCode(forged, 'CODE_INVALID', 'signature', 'hotel');
  });

  it('tampered signature → CODE_INVALID (signature)', async () => {
    await expectCode(tamper(token, ([p, u, payload, s]) => [p, u, payload, s.map((b, i) => (i === 10 ? b ^ 1 : b))]), 'CODE_INVALID', 'signature');
  });

  it('unknown key id, even when well signed → CODE_INVALID (signature)', async () => {
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const forged = signPresentation(
      { tokenId: Buffer.alloc(12, 1), cardRef: Buffer.alloc(16, 2), scene: 4, issuedAt: nowSeconds(), expiresAt: nowSeconds() + 60 },
      { keyId: 'unpublishedKid00', privateKey: stranger },
    );
    await expectCode(forged, 'CODE_INVALID', 'signature');
  });

  it('algorithm confusion: a header claiming HMAC or EdDSA, or the issuer kid in an unprotected header → CODE_INVALID', async () => {
    const kid = fromBase64Url(h.emulator.issuer.current.keyId)!;
    const withHeader = (alg: number) =>
      tamper(token, ([, u, payload, s]) => [encodeCbor(new Map<number, Cbor>([[1, alg], [3, 61], [4, kid]])), u, payload, s]);
    await expectCode(withHeader(5), 'CODE_INVALID', 'structure'); // HMAC 256/256
    await expectCode(withHeader(-8), 'CODE_INVALID', 'structure'); // EdDSA
    await expectCode(tamper(token, ([p, , payload, s]) => [p, new Map<number, Cbor>([[1, -7]]), payload, s]), 'CODE_INVALID', 'structure');
    await expectCode(tamper(token, ([p, u, payload]) => [p, u, payload, new Uint8Array(0)]), 'CODE_INVALID', 'structure');
  });

  it('a high-S copy of a valid token (the same signature as (r, n − s)) → CODE_INVALID (structure): one token, one encoding', async () => {
    const order = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
    const highS = tamper(token, ([p, u, payload, signature]) => {
      const s = BigInt('0x' + Buffer.from(signature.subarray(32)).toString('hex'));
      const flipped = Buffer.from((order - s).toString(16).padStart(64, '0'), 'hex');
      return [p, u, payload, Uint8Array.from([...signature.subarray(0, 32), ...flipped])];
    });
    await expectCode(highS, 'CODE_INVALID', 'structure');
    expectOk(await verifyAs(h, hotel, token, 'age_check')); // the low-S original still verifies
  });

  it('an EID1 token (the retired layout) is refused, not read as EID2', async () => {
    await expectCode('EID1:' + token.slice(TOKEN_PREFIX.length), 'CODE_INVALID', 'structure');
  });

  it('expired (past the 5 s tolerance) → CODE_EXPIRED', async () => {
    h.clock.advance(66_000);
    await expectCode(token, 'CODE_EXPIRED', 'expiry');
  });

  it('accepts a token within the clock tolerance after expiry', async () => {
    h.clock.advance(64_000);
    expectOk(await verifyAs(h, hotel, token, 'age_check'));
  });

  it('not yet valid → CODE_INVALID (not_yet_valid)', async () => {
    const early = await issuerSigned('alice', { scene: 4, issuedAt: nowSeconds() + 30, expiresAt: nowSeconds() + 60 });
    await expectCode(early, 'CODE_INVALID', 'not_yet_valid');
  });

  it('a lifetime over 60 s → CODE_INVALID (lifetime)', async () => {
    const long = await issuerSigned('alice', { scene: 4, issuedAt: nowSeconds(), expiresAt: nowSeconds() + 3600 });
    await expectCode(long, 'CODE_INVALID', 'lifetime');
  });

  it('a scene other than the token’s → SCENE_NOT_ALLOWED', async () => {
    await expectCode(token, 'SCENE_NOT_ALLOWED', 'scene', 'hotel');
  });

  it('a terminal not registered for the scene → SCENE_NOT_ALLOWED (terminal)', async () => {
    const cafe = await registerTerminal(h, ['internet_cafe']);
    const failure = expectFailure(await verifyAs(h, cafe, token, 'age_check'));
    expect(failure).toMatchObject({ code: 'SCENE_NOT_ALLOWED', reason: 'terminal' });
  });

  it('suspended card → CARD_SUSPENDED; revoked → CARD_REVOKED', async () => {
    const cardId = await cardIdOf('alice');
    await changeStatus(h.emulator.deps.store, cardId, 'suspended', h.clock.now());
    await expectCode(token, 'CARD_SUSPENDED');
    await changeStatus(h.emulator.deps.store, cardId, 'revoked', h.clock.now());
    await expectCode(token, 'CARD_REVOKED');
  });

  it('a basic card for a colour scene → LEVEL_TOO_LOW', async () => {
    const gov = await registerTerminal(h, ['gov_online']);
    const colourScene = await issuerSigned('alice', { scene: 5, issuedAt: nowSeconds(), expiresAt: nowSeconds() + 60 });
    const failure = expectFailure(await verifyAs(h, gov, colourScene, 'gov_online'));
    expect(failure.code).toBe('LEVEL_TOO_LOW');
  });

  it('a reused code → CODE_USED, and exactly one usage record', async () => {
    expectOk(await verifyAs(h, hotel, token, 'age_check'));
    expect(expectFailure(await verifyAs(h, hotel, token, 'age_check')).code).toBe('CODE_USED');
    expect(h.rowCounts()).toMatchObject({ usages: 1, spent_tokens: 1 });
  });

  it.each([
    ['empty', '', 'CODE_INVALID'],
    ['garbage', 'hello world', 'CODE_INVALID'],
    ['prefix only', TOKEN_PREFIX, 'CODE_INVALID'],
    ['not Base45', `${TOKEN_PREFIX}abc~~`, 'CODE_INVALID'],
    ['Base45 of nonsense', `${TOKEN_PREFIX}${base45Encode(Buffer.from('{"alg":"none"}'))}`, 'CODE_INVALID'],
    ['huge', `${TOKEN_PREFIX}${'A'.repeat(5000)}`, 'INVALID_INPUT'],
    ['a number', 42, 'INVALID_INPUT'],
    ['an object', { $ne: null }, 'INVALID_INPUT'],
  ])('%s → %s', async (_label, candidate, code) => {
    await expectCode(candidate, code);
  });
});

describe('a card that changes between its check and the spend (security review: a code verified after reportLost returned)', () => {
  /** Verifies `token` for the hotel scene with `meanwhile` run after the use case checked the card and before the store spends the code. */
  async function verifyWithStepBefore(token: string, meanwhile: () => Promise<unknown>) {
    const hotel = await registerTerminal(h, ['hotel']);
    const terminal = (await h.emulator.deps.store.getTerminal(hotel.terminalId))!;
    const deps = { ...h.emulator.deps, store: withStepBefore(h.emulator.deps.store, 'recordVerification', meanwhile) };
    return verifyPresentation(deps, terminal, { token, scene: 'hotel' });
  }

  it('reported lost meanwhile: CARD_SUSPENDED, no name or ID number released, no usage, the code unspent', async () => {
    await enrolled(h, 'alice');
    const token = await presentToken(h, 'alice', 'hotel');
    const verified = verifyWithStepBefore(token, async () => expectOk(await h.call('alice', { action: 'reportLost' })));
    await expect(verified).rejects.toMatchObject({ code: 'CARD_SUSPENDED' });
    expect(h.rowCounts()).toMatchObject({ usages: 0, spent_tokens: 0 });
  });

  it('revoked meanwhile: CARD_REVOKED, and nothing written', async () => {
    await enrolled(h, 'alice');
    const token = await presentToken(h, 'alice', 'hotel');
    const { answer } = await faceCheck(h, 'alice');
    const verified = verifyWithStepBefore(token, async () => expectOk(await h.call('alice', { action: 'revoke', ...answer })));
    await expect(verified).rejects.toMatchObject({ code: 'CARD_REVOKED' });
    expect(h.rowCounts()).toMatchObject({ usages: 0, spent_tokens: 0 });
  });
});

describe('terminals', () => {
  it('an unknown or disabled terminal, or a bad assertion → VERIFIER_UNKNOWN', async () => {
    await enrolled(h, 'alice');
    const token = await presentToken(h, 'alice', 'hotel');
    const hotel = await registerTerminal(h, ['hotel']);
    const request = { action: 'verify', token, scene: 'hotel' } as const;
    const call = (assertion: string) => h.emulator.functions.verifier({ ...request, assertion }, {});

    const impostor = { terminalId: hotel.terminalId, privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey };
    expect(expectFailure(await call(signTerminalAssertion(impostor, h.clock.now(), request))).code).toBe('VERIFIER_UNKNOWN');
    expect(expectFailure(await call(signTerminalAssertion({ ...hotel, terminalId: 'vt_nobody' }, h.clock.now(), request))).code).toBe('VERIFIER_UNKNOWN');
    expect(expectFailure(await call('not.a.jwt')).code).toBe('VERIFIER_UNKNOWN');

    const stale = signTerminalAssertion(hotel, new Date(h.clock.now().getTime() - 10 * 60_000), request);
    expect(expectFailure(await call(stale)).code).toBe('VERIFIER_UNKNOWN');

    // Algorithm confusion: HS256 with the terminal's public key as the HMAC secret.
    const { x, y } = (await h.emulator.deps.store.getTerminal(hotel.terminalId))!.publicKeyJwk;
    const iat = Math.floor(h.clock.now().getTime() / 1000);
    const req = assertionRequestDigest(request);
    const hs = jwt.sign({ iat, exp: iat + 60, iss: hotel.terminalId, aud: ASSERTION_AUDIENCE.terminal, req }, JSON.stringify({ x, y }), {
      algorithm: 'HS256',
      keyid: hotel.terminalId,
    });
    expect(expectFailure(await call(hs))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'assertion' });

    expectOk(
      await h.emulator.functions.admin(
        { action: 'setTerminalEnabled', assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()), terminalId: hotel.terminalId, enabled: false },
        {},
      ),
    );
    expect(expectFailure(await verifyAs(h, hotel, token, 'hotel')).code).toBe('VERIFIER_UNKNOWN');
    expect(h.rowCounts()).toMatchObject({ usages: 0 });
  });

  it('registration needs an admin assertion signed with the admin key', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { x, y } = publicKey.export({ format: 'jwk' });
    const wrongKey = jwt.sign({ aud: 'e-id-admin' }, 'guessed-secret', { algorithm: 'HS256' });
    const failure = expectFailure(
      await h.emulator.functions.admin(
        { action: 'registerTerminal', assertion: wrongKey, organisation: 'x', city: 'y', scenes: ['hotel'], publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y } },
        {},
      ),
    );
    expect(failure.code).toBe('ADMIN_UNAUTHORIZED');
    expect(h.rowCounts()).toMatchObject({ terminals: 0 });
  });
});

describe('usage page data', () => {
  it('pages newest first', async () => {
    await enrolled(h, 'alice');
    const gate = await registerTerminal(h, ['age_check']);
    for (let i = 0; i < 5; i++) {
      expectOk(await verifyAs(h, gate, await presentToken(h, 'alice', 'age_check'), 'age_check'));
      h.clock.advance(1000);
    }
    const first = expectOk(await h.call('alice', { action: 'listUsage', limit: 2 })) as unknown as { usages: UsageView[]; nextBefore: number };
    expect(first.usages.map((r) => r.id)).toEqual([5, 4]);
    const second = expectOk(await h.call('alice', { action: 'listUsage', limit: 2, before: first.nextBefore })) as unknown as { usages: UsageView[]; nextBefore: number };
    expect(second.usages.map((r) => r.id)).toEqual([3, 2]);
    const last = expectOk(await h.call('alice', { action: 'listUsage', limit: 2, before: second.nextBefore }));
    expect(last).toMatchObject({ usages: [{ id: 1 }], nextBefore: null });
  });
});
