/**
 * @jest-environment jsdom
 *
 * The weapp face page on the BUILT weapp (dist/weapp) in miniprogram-simulate
 * when the server runs WeChat face verification: startFace sends the claimed
 * identity with consent and answers with a verifyId, the page says which
 * authority checks and hands over to wx.requestFacialVerify (stubbed here),
 * explains each way the check can stop without calling the server, and sends
 * only the verifyId, no simulated liveness, with the enrollment. SYNTHETIC data.
 */
import type { FaceChallengeView } from '../../core/api';
import { translator } from '../../src/i18n/translate';
import { personFor } from '../support/people';
import { openFacePage, until } from './support/journeys';
import { loadWeapp, type Weapp } from './support/load-weapp';

const t = translator('zh');
const ordinary = personFor('ordinary');
const WECHAT_LABEL = 'WeChat face verification 2.0 (微信人脸核身)';

const PLATFORM_SESSION: FaceChallengeView = {
  sessionId: 'face-session-platform',
  expiresAt: '2099-01-01T00:00:00.000Z',
  actions: [],
  digits: '0000',
  attemptsLeft: 3,
  authority: WECHAT_LABEL,
  verifyId: 'verify-id-synthetic-1',
};

type FacialVerify = (options: { verifyId: string; success: () => void; fail: (res: { errCode?: number }) => void }) => void;

let weapp: Weapp;
const calls: Array<{ action: string; data: Record<string, unknown> }> = [];
const wechatFaceCalls: string[] = [];
let facialVerify: (verifyId: string, options: Parameters<FacialVerify>[0]) => void;

beforeAll(() => {
  weapp = loadWeapp();
  weapp.onCallFunction((_name, data) => {
    const event = data as Record<string, unknown> & { action: string };
    calls.push({ action: event.action, data: event });
    if (event.action === 'startFace') return { ok: true, ...PLATFORM_SESSION };
    if (event.action === 'enroll') return { ok: false, code: 'FACE_MISMATCH', message: 'synthetic', details: { attemptsLeft: 2 } };
    return { ok: false, code: 'INTERNAL', message: 'not in this test' };
  });
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const request: FacialVerify = (options) => {
    wechatFaceCalls.push(options.verifyId);
    facialVerify(options.verifyId, options);
  };
  wx.requestFacialVerify = request;
});

afterEach(async () => {
  calls.length = 0;
  wechatFaceCalls.length = 0;
  await weapp?.closeAll();
});



it('sends the claim with consent, says WeChat checks, and shows no simulated steps', async () => {
  const face = await openFacePage(weapp, ordinary, '#face-platform-start');
  expect(calls.filter((c) => c.action === 'startFace')).toEqual([
    { action: 'startFace', data: { action: 'startFace', claim: { name: ordinary.name, idNumber: ordinary.idNumber }, consent: true } },
  ]);
  expect(face.get('#face-authority').dom?.textContent).toBe(WECHAT_LABEL);
  expect(face.find('#face-step-blink')).toBeFalsy();
  expect(face.find('#face-digits')).toBeFalsy();
});

it('explains a missing camera permission and sends nothing to the server', async () => {
  const face = await openFacePage(weapp, ordinary, '#face-platform-start');
  facialVerify = (_id, options) => options.fail({ errCode: 90008 });
  await face.tap('#face-platform-start');
  await until(face, '#face-platform-stopped');
  expect(face.get('#face-platform-stopped').dom?.textContent).toContain(t('face.platform.needs_permission.camera'));
  expect(wechatFaceCalls).toEqual([PLATFORM_SESSION.verifyId]);
  expect(calls.some((c) => c.action === 'enroll')).toBe(false);
});

it('on a finished check sends the verifyId as the capture with no liveness', async () => {
  const face = await openFacePage(weapp, ordinary, '#face-platform-start');
  facialVerify = (_id, options) => options.success();
  await face.tap('#face-platform-start');
  for (let i = 0; i < 200 && !calls.some((c) => c.action === 'enroll'); i++) await face.settle();
  const enroll = calls.find((c) => c.action === 'enroll');
  expect(enroll?.data).toMatchObject({ faceSessionId: PLATFORM_SESSION.sessionId, faceCapture: PLATFORM_SESSION.verifyId, consent: true });
  expect(enroll?.data).not.toHaveProperty('liveness');
});
