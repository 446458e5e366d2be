/**
 * The emulator-only route behind the h5 upgrade terminal page,
 * POST /dev/upgrade-as-demo-terminal, against a running emulator: it acts as
 * the SIMULATED upgrade terminal with a fresh assertion for each call (so two
 * identical submissions are two tries, never a replay), through the same
 * verifier function and its named checks. SYNTHETIC person.
 */
import type { FaceChallengeView } from '../../core/api';
import { startEmulator, type RunningEmulator } from '../support/emulator-process';
import { enrollOverHttp, post } from '../support/http-citizen';
import { personFor, typed } from '../support/people';

const PASSWORD = '73920561';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
}, 30000);
afterAll(() => emulator.stop());

const upgradeAsDemo = (body: unknown) => post(emulator.baseUrl, '/dev/upgrade-as-demo-terminal', body);

async function upgradeCodeFor(openid: string, person: number): Promise<string> {
  expect(await enrollOverHttp(emulator.baseUrl, openid, typed(personFor('ordinary', person)))).toMatchObject({ ok: true });
  const face = (await post(emulator.baseUrl, '/fn/citizen', { action: 'startFace' }, openid)) as unknown as FaceChallengeView;
  const proof = { faceSessionId: face.sessionId, liveness: { actions: face.actions, digits: face.digits }, faceCapture: 'simulated-capture:http' };
  expect(await post(emulator.baseUrl, '/fn/citizen', { action: 'setCardPassword', password: PASSWORD, ...proof }, openid)).toMatchObject({ ok: true });
  return ((await post(emulator.baseUrl, '/fn/citizen', { action: 'presentUpgrade' }, openid)) as { token?: string }).token!;
}

it('the upgrade terminal page’s route: refusals by their named checks, each call a try of its own, then the card turns colour', async () => {
  const openid = 'dev-upgrade-route';
  const token = await upgradeCodeFor(openid, 3);
  const both = { idCardRead: true, faceMatch: true };

  expect(await upgradeAsDemo({ token, password: PASSWORD, inPersonCheck: { idCardRead: true, faceMatch: false } })).toMatchObject({
    ok: false,
    code: 'IN_PERSON_CHECK_FAILED',
    reason: 'face',
  });
  expect(await upgradeAsDemo({ token, password: PASSWORD, inPersonCheck: { idCardRead: false, faceMatch: true } })).toMatchObject({ code: 'IN_PERSON_CHECK_FAILED', reason: 'id_card' });
  // The same wrong password twice: two tries counted, not a replayed proof refused.
  expect(await upgradeAsDemo({ token, password: '00011122', inPersonCheck: both })).toMatchObject({ ok: false, code: 'PASSWORD_WRONG', details: { triesLeft: 4 } });
  expect(await upgradeAsDemo({ token, password: '00011122', inPersonCheck: both })).toMatchObject({ ok: false, code: 'PASSWORD_WRONG', details: { triesLeft: 3 } });

  expect(await upgradeAsDemo({ token, password: PASSWORD, inPersonCheck: both })).toMatchObject({ ok: true, level: 'colour' });
  expect(await post(emulator.baseUrl, '/fn/citizen', { action: 'getCard' }, openid)).toMatchObject({ card: { level: 'colour' } });
  expect(await upgradeAsDemo({ token, password: PASSWORD, inPersonCheck: both })).toMatchObject({ ok: false, code: 'CARD_ALREADY_COLOUR' });
}, 60000);

it('the upgrade terminal page’s route: a malformed body is refused by the verifier’s schema as INVALID_INPUT, never a crash', async () => {
  for (const body of [{}, { token: 'EID2:x', password: PASSWORD }, { token: 'EID2:x', password: PASSWORD, inPersonCheck: null }, { token: 'EID2:x', password: '123', inPersonCheck: {} }, [], 'text']) {
    expect(await upgradeAsDemo(body)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  }
  // The emulator still answers afterwards.
  expect(await post(emulator.baseUrl, '/fn/citizen', { action: 'getCard' }, 'dev-upgrade-route-after')).toEqual({ ok: true, card: null });
});
