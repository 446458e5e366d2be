/** Regression tests, each named after the defect a review found. SYNTHETIC people only. */
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { keysFromEnvironment } from '../../server/adapters/keys/key-material';
import { assertionRequestDigest, signAdminAssertion } from '../../server/clients/assertions';
import { ASSERTION_AUDIENCE, REAUTH_VALID_SECONDS } from '../../core/policy';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled, presentToken, registerTerminal } from '../support/journeys';
import { personFor, typed } from '../support/people';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const seconds = () => Math.floor(h.clock.now().getTime() / 1000);

it('failed enrollments with a holder’s ID number do not lock the holder out of the face re-check', async () => {
  const person = personFor('ordinary');
  await enrolled(h, 'holder');
  for (let i = 0; i < 6; i++) {
    const { answer } = await faceCheck(h, `attacker-${i}`);
    await h.call(`attacker-${i}`, { action: 'enroll', ...typed(person), consent: true, ...answer, liveness: { actions: [], digits: '0000' } });
  }
  h.clock.advance(REAUTH_VALID_SECONDS * 1000 + 1000);
  const { answer } = await faceCheck(h, 'holder');
  expectOk(await h.call('holder', { action: 'reauth', ...answer }));
  expectOk(await h.call('holder', { action: 'present', scene: 'hotel' }));
});

describe('assertions signed for the future', () => {
  it('a terminal assertion with an iat a year ahead is refused', async () => {
    await enrolled(h, 'alice');
    const terminal = await registerTerminal(h, ['hotel']);
    const iat = seconds() + 365 * 86400;
    const token = await presentToken(h, 'alice', 'hotel');
    const request = { action: 'verify', token, scene: 'hotel' } as const;
    const assertion = jwt.sign({ iat, exp: iat + 300, iss: terminal.terminalId, aud: ASSERTION_AUDIENCE.terminal, req: assertionRequestDigest(request) }, terminal.privateKey, {
      algorithm: 'ES256',
      keyid: terminal.terminalId,
    });
    const failure = expectFailure(await h.emulator.functions.verifier({ ...request, assertion }, {}));
    expect(failure).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'assertion' });
  });

  it('an admin assertion without exp, or with a future iat, is refused', async () => {
    const register = (assertion: string) =>
      h.emulator.functions.admin({ action: 'setTerminalEnabled', assertion, terminalId: 'vt_x', enabled: false }, {});
    const noExp = jwt.sign({ iat: seconds(), aud: ASSERTION_AUDIENCE.admin }, h.emulator.adminKey, { algorithm: 'HS256' });
    const future = jwt.sign({ iat: seconds() + 86400, exp: seconds() + 86500, aud: ASSERTION_AUDIENCE.admin }, h.emulator.adminKey, { algorithm: 'HS256' });
    expect(expectFailure(await register(noExp)).code).toBe('ADMIN_UNAUTHORIZED');
    expect(expectFailure(await register(future)).code).toBe('ADMIN_UNAUTHORIZED');
    expect(expectFailure(await register(signAdminAssertion(h.emulator.adminKey, h.clock.now()))).code).toBe('VERIFIER_UNKNOWN');
  });
});

it('an admin assertion is accepted once: a captured one cannot register a terminal later (found in review)', async () => {
  const assertion = signAdminAssertion(h.emulator.adminKey, h.clock.now());
  const disable = () => h.emulator.functions.admin({ action: 'setTerminalEnabled', assertion, terminalId: 'vt_x', enabled: false }, {});
  expect(expectFailure(await disable()).code).toBe('VERIFIER_UNKNOWN'); // authenticated, then no such terminal
  h.clock.advance(30_000);
  const { x, y } = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const replayed = await h.emulator.functions.admin(
    { action: 'registerTerminal', assertion, organisation: 'replayed (synthetic)', city: '北京', scenes: ['hotel'], publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y } },
    {},
  );
  expect(expectFailure(replayed)).toMatchObject({ code: 'ADMIN_UNAUTHORIZED', reason: 'replay' });
  expect(h.rowCounts()).toMatchObject({ terminals: 0 });
});

it('an admin assertion without a jti is refused', async () => {
  const noJti = jwt.sign({ iat: seconds(), exp: seconds() + 60, aud: ASSERTION_AUDIENCE.admin }, h.emulator.adminKey, { algorithm: 'HS256' });
  const failure = expectFailure(await h.emulator.functions.admin({ action: 'setTerminalEnabled', assertion: noJti, terminalId: 'vt_x', enabled: false }, {}));
  expect(failure).toMatchObject({ code: 'ADMIN_UNAUTHORIZED', reason: 'admin_assertion' });
});

it('a terminal assertion whose kid is not a string is VERIFIER_UNKNOWN, not INTERNAL', async () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const assertion = jwt.sign({ aud: ASSERTION_AUDIENCE.terminal }, privateKey, { algorithm: 'ES256', header: { alg: 'ES256', kid: { $ne: null } as unknown as string } });
  const failure = expectFailure(await h.emulator.functions.verifier({ action: 'verify', assertion, token: 'EID1:', scene: 'hotel' }, {}));
  expect(failure.code).toBe('VERIFIER_UNKNOWN');
});

it('registration refuses a key off the curve and a blank organisation, writing nothing', async () => {
  const register = (organisation: string, x: string) =>
    h.emulator.functions.admin(
      {
        action: 'registerTerminal',
        assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()),
        organisation,
        city: '北京',
        scenes: ['hotel'],
        publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y: 'A'.repeat(43) },
      },
      {},
    );
  expect(expectFailure(await register('synthetic hotel', 'A'.repeat(43)))).toMatchObject({ code: 'INVALID_INPUT', reason: 'public_key' });
  const { x } = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  expect(expectFailure(await register('   ', x!)).code).toBe('INVALID_INPUT');
  expect(h.rowCounts()).toMatchObject({ terminals: 0 });
});

it('an admin key shorter than 32 bytes is refused at start-up', () => {
  const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const key = Buffer.alloc(32, 1).toString('base64');
  const env = { EID_PII_ENC_KEY: key, EID_PII_INDEX_KEY: key, EID_ISSUER_PRIVATE_KEY: issuer };
  expect(() => keysFromEnvironment({ ...env, EID_ADMIN_KEY: 'changeme' })).toThrow(/at least 32 bytes/);
  expect(keysFromEnvironment({ ...env, EID_ADMIN_KEY: key })).not.toBeNull();
});
