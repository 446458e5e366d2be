/**
 * Issue 11, terminal-id oracle: whether a terminal id is registered must not
 * show in the answer to a bad assertion, nor in the work done to reach it.
 */
import nodeCrypto from 'node:crypto'; // the module object itself, which jsonwebtoken's ES256 check calls into
import jwt from 'jsonwebtoken';
import { ASSERTION_AUDIENCE } from '../../core/policy';
import type { TerminalRequest } from '../../core/terminal-request';
import { assertionRequestDigest } from '../../server/clients/assertions';
import { createHarness, expectFailure, type Harness } from '../support/harness';
import { registerTerminal } from '../support/journeys';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => {
  jest.restoreAllMocks();
  return h.close();
});

const REQUEST = { action: 'verify', token: 'EID1:', scene: 'hotel' } as const;

/** An assertion for `request` that names `terminalId` but is signed with a key nobody registered. */
function forgedAssertion(terminalId: string, request: TerminalRequest = REQUEST): string {
  const { privateKey } = nodeCrypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const iat = Math.floor(h.clock.now().getTime() / 1000);
  const claims = { iat, exp: iat + 120, iss: terminalId, aud: ASSERTION_AUDIENCE.terminal, req: assertionRequestDigest(request) };
  return jwt.sign(claims, privateKey, { algorithm: 'ES256', keyid: terminalId });
}

const verifyWith = (assertion: string) => h.emulator.functions.verifier({ ...REQUEST, assertion }, {});

it('terminal-id oracle: a known and an unknown terminal id get the same answer (code and reason)', async () => {
  const hotel = await registerTerminal(h, ['hotel']);
  const known = expectFailure(await verifyWith(forgedAssertion(hotel.terminalId)));
  const unknown = expectFailure(await verifyWith(forgedAssertion('vt_not_registered_anywhere')));
  expect(known.code).toBe('VERIFIER_UNKNOWN');
  expect(unknown).toEqual(known);
});

it('terminal-id oracle: an unknown terminal id costs one ES256 signature check too, like a known one', async () => {
  // Timing is not measured here (a shared 2-core machine makes a bounded measurement flaky): the
  // test pins the cause of the difference instead, that only a known id had its signature checked.
  const hotel = await registerTerminal(h, ['hotel']);
  const knownAssertion = forgedAssertion(hotel.terminalId);
  const unknownAssertion = forgedAssertion('vt_not_registered_anywhere');
  const verifies = jest.spyOn(nodeCrypto, 'createVerify');

  await verifyWith(knownAssertion);
  const forKnown = verifies.mock.calls.map(([algorithm]) => algorithm);
  verifies.mockClear();
  await verifyWith(unknownAssertion);
  const forUnknown = verifies.mock.calls.map(([algorithm]) => algorithm);

  expect(forKnown).toEqual(['RSA-SHA256']); // jwa's ES256 check: SHA-256 under an EC key
  expect(forUnknown).toEqual(forKnown);
});

it('terminal-id oracle: a forged assertion made for another request is a bad assertion for a known and an unknown id alike, after one ES256 check each', async () => {
  // Only a validly signed assertion is told its `req` does not match (reason assertion_request), so the request binding adds no oracle.
  const hotel = await registerTerminal(h, ['hotel']);
  const another = { action: 'openSession' } as const;
  const verifies = jest.spyOn(nodeCrypto, 'createVerify');
  const known = expectFailure(await verifyWith(forgedAssertion(hotel.terminalId, another)));
  const unknown = expectFailure(await verifyWith(forgedAssertion('vt_not_registered_anywhere', another)));
  expect(known).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'assertion' });
  expect(unknown).toEqual(known);
  expect(verifies.mock.calls.map(([algorithm]) => algorithm)).toEqual(['RSA-SHA256', 'RSA-SHA256']);
});

it('a terminal assertion whose payload is not JSON is VERIFIER_UNKNOWN, not INTERNAL (found by the fuzz suite)', async () => {
  const hotel = await registerTerminal(h, ['hotel']);
  const [header, , signature] = forgedAssertion(hotel.terminalId).split('.');
  const notJson = Buffer.from('{"iat":').toString('base64url');
  const failure = expectFailure(await verifyWith([header, notJson, signature].join('.')));
  expect(failure).toEqual(expectFailure(await verifyWith(forgedAssertion(hotel.terminalId))));
});
