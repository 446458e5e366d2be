/**
 * The WeChat face verification 2.0 adapter against a local endpoint with the
 * documented request and reply shapes (test/support/wechat-endpoint.ts):
 * what it sends, every verify_ret class, the access token's one fetch and its
 * renewal, and the citizen journeys through it (SQLite, a frozen clock,
 * SYNTHETIC people). The endpoint compares no faces: each test picks the
 * verify_ret.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaceChallengeView, Failure, Result } from '../../core/api';
import { InProcessCheckBudget } from '../../server/adapters/in-process/in-process-check-budget';
import { developmentKeys } from '../../server/adapters/keys/key-material';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { cryptoRandom } from '../../server/adapters/system';
import { postJsonWithin } from '../../server/adapters/wechat-face/post-json';
import { WeChatFaceAuthority, certHash } from '../../server/adapters/wechat-face/wechat-face-authority';
import { composeDeps } from '../../server/composition/compose-deps';
import { AuthorityUnavailable } from '../../server/domain/ports';
import type { Logger } from '../../server/functions/boundary';
import { createCitizenFunction } from '../../server/functions/citizen';
import { FrozenClock } from '../support/frozen-clock';
import { personFor, typed } from '../support/people';
import { startWeChatEndpoint, type WeChatEndpoint } from '../support/wechat-endpoint';

const CLAIM = typed(personFor('ordinary'));
const SESSION = { sessionId: 'synthetic-session-0001', holder: 'synthetic-openid-1' };
const GETVERIFYID = '/cityservice/face/identify/getverifyid';
const QUERYVERIFYINFO = '/cityservice/face/identify/queryverifyinfo';

let endpoint: WeChatEndpoint;
let clock: FrozenClock;
let authority: WeChatFaceAuthority;

beforeEach(async () => {
  endpoint = await startWeChatEndpoint();
  clock = new FrozenClock();
  authority = new WeChatFaceAuthority({
    credentials: { appId: 'wx-synthetic-app', appSecret: 'synthetic-secret' },
    post: postJsonWithin(2000),
    clock,
    apiBase: endpoint.apiBase,
  });
});
afterEach(() => endpoint.close());

/** A check begun and finished on the device with `verifyRet`, as the adapter then judges it. */
async function checkEndingWith(verifyRet: number) {
  endpoint.setVerifyRet(verifyRet);
  const { verifyId } = await authority.begin({ ...SESSION, claim: CLAIM });
  return authority.verify({ ...SESSION, claim: CLAIM, challenge: authority.issueChallenge(), answer: undefined, faceCapture: verifyId });
}

describe('WeChatFaceAuthority: the documented requests', () => {
  it('begins with getverifyid: the session as out_seq_no, the claim as cert_info, the OPENID, the token in the query', async () => {
    const { verifyId } = await authority.begin({ ...SESSION, claim: CLAIM });
    expect(verifyId).toBe('synthetic-verify-1');
    const [tokenCall, call] = endpoint.calls;
    expect(tokenCall).toEqual({
      path: '/cgi-bin/stable_token',
      accessToken: null,
      body: { grant_type: 'client_credential', appid: 'wx-synthetic-app', secret: 'synthetic-secret', force_refresh: false },
    });
    expect(call).toEqual({
      path: GETVERIFYID,
      accessToken: 'synthetic-token-1',
      body: { out_seq_no: SESSION.sessionId, cert_info: { cert_type: 'IDENTITY_CARD', cert_name: CLAIM.name, cert_no: CLAIM.idNumber }, openid: SESSION.holder },
    });
  });

  it('asks queryverifyinfo with the verifyId the device returns, the same out_seq_no and OPENID, and the claim’s cert_hash', async () => {
    await checkEndingWith(10000);
    const query = endpoint.calls.find((c) => c.path === QUERYVERIFYINFO)!;
    expect(query.body).toEqual({ verify_id: 'synthetic-verify-1', out_seq_no: SESSION.sessionId, cert_hash: certHash(CLAIM), openid: SESSION.holder });
    expect(certHash(CLAIM)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fetches the access token once and shares it between calls, also concurrent ones', async () => {
    await Promise.all([authority.begin({ ...SESSION, claim: CLAIM }), authority.begin({ ...SESSION, claim: CLAIM })]);
    await checkEndingWith(10000);
    expect(endpoint.calls.filter((c) => c.path === '/cgi-bin/stable_token')).toHaveLength(1);
  });

  it('fetches a new token when WeChat says the old one is invalid or expired, and tries the call once more', async () => {
    await authority.begin({ ...SESSION, claim: CLAIM });
    endpoint.expireTokens();
    await expect(authority.begin({ ...SESSION, claim: CLAIM })).resolves.toEqual({ verifyId: 'synthetic-verify-2' });
    expect(endpoint.calls.filter((c) => c.path === '/cgi-bin/stable_token')).toHaveLength(2);
    endpoint.failNext(GETVERIFYID, 42001);
    endpoint.failNext(GETVERIFYID, 42001);
    await expect(authority.begin({ ...SESSION, claim: CLAIM })).rejects.toEqual(new AuthorityUnavailable('unexpected_reply'));
  });

  it('fetches a new token once the cached one nears its expiry', async () => {
    await authority.begin({ ...SESSION, claim: CLAIM });
    clock.advance(7200 * 1000 - 30_000);
    await authority.begin({ ...SESSION, claim: CLAIM });
    expect(endpoint.calls.filter((c) => c.path === '/cgi-bin/stable_token')).toHaveLength(2);
  });

  it('reports a wrong AppID, secret or IP allow-list as not configured, and a missing qualification too', async () => {
    endpoint.failNext('/cgi-bin/stable_token', 40164);
    await expect(authority.begin({ ...SESSION, claim: CLAIM })).rejects.toEqual(new AuthorityUnavailable('not_configured'));
    endpoint.failNext(GETVERIFYID, 48001);
    await expect(authority.begin({ ...SESSION, claim: CLAIM })).rejects.toEqual(new AuthorityUnavailable('not_configured'));
  });

  it('reports an unreachable WeChat as network', async () => {
    await endpoint.close();
    await expect(authority.begin({ ...SESSION, claim: CLAIM })).rejects.toEqual(new AuthorityUnavailable('network'));
    endpoint = await startWeChatEndpoint(); // for afterEach
  });

  it('refuses to begin without an identity to compare the face with', async () => {
    await expect(authority.begin({ ...SESSION, claim: null })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'claim' } });
    expect(endpoint.calls).toHaveLength(0);
  });

  it('fails a check whose device sent no verifyId, without asking WeChat', async () => {
    const verdict = await authority.verify({ ...SESSION, claim: CLAIM, challenge: authority.issueChallenge(), answer: undefined, faceCapture: '' });
    expect(verdict.liveness).toBe('fail');
    expect(endpoint.calls).toHaveLength(0);
  });
});

describe('WeChatFaceAuthority: every verify_ret class', () => {
  const PASS = { liveness: 'pass', face: 'match', identity: 'match' };
  const FACE_MISMATCH = { liveness: 'pass', face: 'mismatch' };
  const LIVENESS_FAILED = { liveness: 'fail', face: 'not_checked' };

  it.each([
    [10000, 'passed', PASS],
    [10004, 'face mismatch', FACE_MISMATCH],
    [10003, 'name and number mismatch, told as a face mismatch', FACE_MISMATCH],
    [10002, 'no usable face', LIVENESS_FAILED],
    [10300, 'check not completed', LIVENESS_FAILED],
    [90002, 'user cancelled', LIVENESS_FAILED],
    [90008, 'camera not authorised', LIVENESS_FAILED],
    [90001, 'device unsupported', LIVENESS_FAILED],
    [90017, 'timed out', LIVENESS_FAILED],
  ])('verify_ret %i (%s) is a verdict', async (verifyRet, _label, verdict) => {
    expect(await checkEndingWith(verifyRet)).toMatchObject(verdict);
  });

  it.each([
    [10005, 'still checking', 'network'],
    [90007, 'network error on the device', 'network'],
    [90012, 'upload failed', 'network'],
    [10006, 'AppID without permission', 'not_configured'],
    [10001, 'parameter error', 'unexpected_reply'],
    [90018, 'system error', 'unexpected_reply'],
    [12345, 'a value not documented', 'unexpected_reply'],
  ] as const)('verify_ret %i (%s) is no verdict: %s', async (verifyRet, _label, why) => {
    await expect(checkEndingWith(verifyRet)).rejects.toEqual(new AuthorityUnavailable(why));
  });

  it('passes only with 10000', async () => {
    for (const verifyRet of [0, 1, 9999, 10001, 10007, 20000, 90000, 90200]) {
      const outcome = await checkEndingWith(verifyRet).catch((error: unknown) => error);
      expect(outcome).not.toEqual(PASS);
    }
  });
});

describe('citizen journeys through WeChat face verification', () => {
  let dataDir: string;
  let store: SqliteStore;
  let citizen: ReturnType<typeof createCitizenFunction>;
  const log: Logger = { info: () => undefined, error: () => undefined };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'eid-wechat-'));
    store = SqliteStore.open(join(dataDir, 'eid.sqlite'));
    const deps = composeDeps({
      store,
      authority,
      checkBudget: new InProcessCheckBudget(store),
      keys: developmentKeys(dataDir),
      clock,
      random: cryptoRandom,
    });
    citizen = createCitizenFunction(deps, log);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (openid: string, event: object) => citizen(event, { openid }) as Promise<Result<Record<string, unknown>>>;
  const startEnrollment = async (openid: string) =>
    (await call(openid, { action: 'startFace', claim: CLAIM, consent: true })) as Result<FaceChallengeView & Record<string, unknown>>;
  const enrollWith = (openid: string, verifyId: string, sessionId: string) =>
    call(openid, { action: 'enroll', ...CLAIM, consent: true, faceSessionId: sessionId, faceCapture: verifyId });

  it('enrolls: startFace with the claim returns a verifyId and no challenge, enroll with it returns a card', async () => {
    const started = await startEnrollment('synthetic-openid-1');
    if (!started.ok) throw new Error(started.code);
    expect(started).toMatchObject({ actions: [], digits: '', verifyId: 'synthetic-verify-1', authority: expect.stringMatching(/WeChat/) });
    const enrolled = await enrollWith('synthetic-openid-1', started.verifyId!, started.sessionId);
    expect(enrolled).toMatchObject({ ok: true, card: { level: 'basic', status: 'active' } });
  });

  it('re-checks a card holder against the card’s identity, which the caller does not send', async () => {
    const started = await startEnrollment('synthetic-openid-1');
    if (!started.ok) throw new Error(started.code);
    await enrollWith('synthetic-openid-1', started.verifyId!, started.sessionId);
    const recheck = (await call('synthetic-openid-1', { action: 'startFace' })) as unknown as FaceChallengeView;
    const getVerifyIds = endpoint.calls.filter((c) => c.path === GETVERIFYID);
    expect(getVerifyIds[1].body.cert_info).toEqual({ cert_type: 'IDENTITY_CARD', cert_name: CLAIM.name, cert_no: CLAIM.idNumber });
    expect(await call('synthetic-openid-1', { action: 'reauth', faceSessionId: recheck.sessionId, faceCapture: recheck.verifyId })).toMatchObject({ ok: true });
  });

  it('needs consent before it sends a typed claim anywhere, and an identity to check against', async () => {
    expect(await call('synthetic-openid-1', { action: 'startFace', claim: CLAIM })).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
    expect(await call('synthetic-openid-1', { action: 'startFace' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(endpoint.calls.filter((c) => c.path === GETVERIFYID)).toHaveLength(0);
  });

  it('gives a stranger one answer whether the name or the face was wrong (10003 and 10004 alike)', async () => {
    const answers: Failure[] = [];
    for (const [openid, verifyRet] of [['synthetic-openid-a', 10003], ['synthetic-openid-b', 10004]] as const) {
      endpoint.setVerifyRet(verifyRet);
      const started = await startEnrollment(openid);
      if (!started.ok) throw new Error(started.code);
      const outcome = await enrollWith(openid, started.verifyId!, started.sessionId);
      if (outcome.ok) throw new Error('expected a refusal');
      answers.push(outcome);
    }
    expect(answers[0]).toMatchObject({ code: 'FACE_MISMATCH', details: { attemptsLeft: 2 } });
    expect(answers[1]).toEqual(answers[0]);
  });

  it('answers INTERNAL network when WeChat cannot answer, and counts no failure', async () => {
    endpoint.setVerifyRet(90007);
    for (let i = 0; i < 6; i++) {
      const started = await startEnrollment('synthetic-openid-1');
      if (!started.ok) throw new Error(started.code);
      expect(await enrollWith('synthetic-openid-1', started.verifyId!, started.sessionId)).toMatchObject({ ok: false, code: 'INTERNAL', reason: 'network' });
    }
    expect(await store.countFailures('caller:synthetic-openid-1', new Date(0))).toBe(0);
  });

  it('does not accept a verifyId of another session: WeChat binds it to out_seq_no', async () => {
    const first = await startEnrollment('synthetic-openid-1');
    const second = await startEnrollment('synthetic-openid-1');
    if (!first.ok || !second.ok) throw new Error('start failed');
    expect(await enrollWith('synthetic-openid-1', first.verifyId!, second.sessionId)).toMatchObject({ ok: false, code: 'INTERNAL' });
  });
});
