/**
 * The production composition end to end: deployedDeps with keys from a fresh
 * environment, the CloudBase store through tcb-admin-node and WeChat face
 * verification, both pointed at local endpoints that speak their protocols
 * (test/store/cloudbase-endpoint.ts, test/support/wechat-endpoint.ts say what
 * those prove). A SYNTHETIC citizen enrolls, presents a QR code, and a
 * registered terminal verifies it once; then the services journey through
 * deployedServices and the CloudBase services store: an admin onboards a
 * partner, approves its tile, the citizen consents, and the partner exchanges
 * the code once.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { FaceChallengeView, PresentationView, Result } from '../../core/api';
import { freshKeyValues } from '../../server/adapters/keys/key-material';
import { signAdminAssertion, withTerminalAssertion } from '../../server/clients/assertions';
import { signPartnerAssertion } from '../../server/clients/partner-kit';
import { deployedAdminKey, deployedDeps, deployedServices, type DeployedPlatform } from '../../server/deploy/deployed-deps';
import { NotConfigured } from '../../server/deploy/environment';
import { createAdminFunction } from '../../server/functions/admin';
import type { Logger } from '../../server/functions/boundary';
import { createCitizenFunction } from '../../server/functions/citizen';
import { createPartnerFunction } from '../../server/functions/partner';
import { createVerifierFunction } from '../../server/functions/verifier';
import { startCloudBaseEndpoint, syntheticConnection, type CloudBaseEndpoint } from '../store/cloudbase-endpoint';
import { personFor, typed } from '../support/people';
import { pensionManifest, syntheticCreditCode } from '../support/services';
import { startWeChatEndpoint, type WeChatEndpoint } from '../support/wechat-endpoint';

const log: Logger = { info: () => undefined, error: () => undefined };
const env = { ...freshKeyValues(), EID_WECHAT_APPID: 'wx-synthetic-app', EID_WECHAT_APPSECRET: 'synthetic-secret' };

let database: CloudBaseEndpoint;
let wechat: WeChatEndpoint;
let platform: DeployedPlatform;

beforeEach(async () => {
  database = await startCloudBaseEndpoint();
  wechat = await startWeChatEndpoint();
  platform = {
    database: syntheticConnection(database),
    wechatApiBase: wechat.apiBase,
  };
});
afterEach(async () => {
  await database.close();
  await wechat.close();
});

it('enrolls, presents and verifies once through the deployed adapters', async () => {
  const citizenDeps = deployedDeps('citizen', env, platform).deps;
  const citizen = createCitizenFunction(citizenDeps, log);
  const call = (event: object) => citizen(event, { openid: 'synthetic-openid-1' }) as Promise<Result<Record<string, unknown>>>;
  const claim = typed(personFor('ordinary'));

  const face = (await call({ action: 'startFace', claim, consent: true })) as Result<FaceChallengeView>;
  if (!face.ok) throw new Error(face.code);
  expect(await call({ action: 'enroll', ...claim, consent: true, faceSessionId: face.sessionId, faceCapture: face.verifyId })).toMatchObject({ ok: true });
  const presented = (await call({ action: 'present', scene: 'hotel' })) as Result<PresentationView>;
  if (!presented.ok) throw new Error(presented.code);

  const { deps: adminDeps } = deployedDeps('admin', env, platform);
  const admin = createAdminFunction(adminDeps, deployedAdminKey(env), log);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' });
  const registered = (await admin(
    {
      action: 'registerTerminal',
      assertion: signAdminAssertion(deployedAdminKey(env), new Date()),
      organisation: '测试酒店 (synthetic)',
      city: '北京',
      scenes: ['hotel'],
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y },
    },
    {},
  )) as Result<{ terminalId: string }>;
  if (!registered.ok) throw new Error(registered.code);

  const { deps: verifierDeps, keys } = deployedDeps('verifier', env, platform);
  const verifier = createVerifierFunction(verifierDeps, keys, log);
  const verify = () =>
    verifier(withTerminalAssertion({ terminalId: registered.terminalId, privateKey }, new Date(), { action: 'verify', token: presented.token, scene: 'hotel' }), {});
  expect(await verify()).toMatchObject({ ok: true, attributes: { fullName: claim.name } });
  expect(await verify()).toMatchObject({ ok: false, code: 'CODE_USED' });
  // Verifiers of the deployment fetch the issuer's keys from it, with no credential.
  expect(await verifier({ action: 'issuerKeys' }, {})).toEqual({ ok: true, keys: keys.issuer.jwks().keys });
  expect(await call({ action: 'listUsage' })).toMatchObject({ ok: true, usages: [{ scene: 'hotel' }] });
});

it('onboards a partner, serves its tile, and exchanges a citizen’s code once through the deployed services composition', async () => {
  const citizenComposition = deployedDeps('citizen', env, platform);
  const citizen = createCitizenFunction(citizenComposition.deps, log, deployedServices('citizen', env, citizenComposition));
  const call = (event: object) => citizen(event, { openid: 'synthetic-openid-2' }) as Promise<Result<Record<string, unknown>>>;
  const claim = typed(personFor('ordinary'));
  const face = (await call({ action: 'startFace', claim, consent: true })) as Result<FaceChallengeView>;
  if (!face.ok) throw new Error(face.code);
  expect(await call({ action: 'enroll', ...claim, consent: true, faceSessionId: face.sessionId, faceCapture: face.verifyId })).toMatchObject({ ok: true });

  const adminComposition = deployedDeps('admin', env, platform);
  const admin = createAdminFunction(adminComposition.deps, deployedAdminKey(env), log, deployedServices('admin', env, adminComposition));
  const adminCall = (event: object) => admin({ ...event, assertion: signAdminAssertion(deployedAdminKey(env), new Date()) }, {}) as Promise<Result<Record<string, unknown>>>;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' });
  const onboarded = await adminCall({
    action: 'onboardPartner',
    name: '合成测试社保中心 (synthetic)',
    creditCode: syntheticCreditCode(901),
    contact: '信息科 (synthetic contact)',
    scopes: ['birthDate', 'fullName', 'region'],
    domains: ['pension.example.gov.cn'],
    appIds: ['wx0123456789abcdef'],
    publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y },
  });
  if (!onboarded.ok) throw new Error(onboarded.code);
  const credential = { partnerId: onboarded.partnerId as string, privateKey };

  const partnerComposition = deployedDeps('partner', env, platform);
  const partner = createPartnerFunction(partnerComposition.deps, deployedServices('partner', env, partnerComposition), log);
  const partnerCall = (event: object) => partner({ ...event, assertion: signPartnerAssertion(credential, new Date()) }, {}) as Promise<Result<Record<string, unknown>>>;
  const submitted = await partnerCall({ action: 'submitTile', manifest: pensionManifest() });
  if (!submitted.ok) throw new Error(submitted.code);
  expect(await adminCall({ action: 'approveTile', tileId: submitted.tileId, version: 1 })).toMatchObject({ ok: true });

  const authorized = await call({ action: 'authorize', tileId: submitted.tileId, consent: { optional: [], sensitive: [] } });
  if (!authorized.ok) throw new Error(authorized.code);
  const exchanged = await partnerCall({ action: 'exchange', code: authorized.code });
  expect(exchanged).toMatchObject({ ok: true, scopes: ['verified', 'pseudonym', 'birthDate'], attributes: { verified: true, birthDate: expect.any(String) } });
  expect(await partnerCall({ action: 'exchange', code: authorized.code })).toMatchObject({ ok: false, code: 'AUTH_CODE_USED' });
  expect(await call({ action: 'listExchanges' })).toMatchObject({ ok: true, exchanges: [{ scopes: ['verified', 'pseudonym', 'birthDate'] }] });
});

it('names every missing variable of a function, and a malformed key by its variable only', () => {
  expect(() => deployedDeps('citizen', {}, platform)).toThrow(
    new NotConfigured(['EID_PII_ENC_KEY', 'EID_PII_INDEX_KEY', 'EID_ISSUER_PRIVATE_KEY', 'EID_WECHAT_APPID', 'EID_WECHAT_APPSECRET', 'EID_SERVICES_KEY']),
  );
  expect(() => deployedDeps('partner', {}, platform)).toThrow(new NotConfigured(['EID_PII_ENC_KEY', 'EID_PII_INDEX_KEY', 'EID_ISSUER_PRIVATE_KEY', 'EID_SERVICES_KEY']));
  const short = { ...env, EID_SERVICES_KEY: 'c2hvcnQ=' };
  expect(() => deployedServices('partner', short, deployedDeps('partner', short, platform))).toThrow(
    new NotConfigured(['EID_SERVICES_KEY (malformed: at least 32 bytes of base64)']),
  );
  expect(() => deployedDeps('verifier', { ...env, EID_PII_INDEX_KEY: 'c2hvcnQ=' }, platform)).toThrow(new NotConfigured(['EID_PII_INDEX_KEY (malformed)']));
  let failure: Error | undefined;
  try {
    deployedDeps('verifier', { ...env, EID_ISSUER_PRIVATE_KEY: 'synthetic-not-a-pem' }, platform);
  } catch (error) {
    failure = error as Error;
  }
  expect(failure?.message).toBe('not configured for deployment: EID_ISSUER_PRIVATE_KEY (malformed)');
  expect(failure?.message).not.toContain('synthetic-not-a-pem');
});

it('gives each function only its own secrets: the verifier needs no admin key, WeChat secret or services key; admin no services key', () => {
  const { EID_ADMIN_KEY: _admin, EID_WECHAT_APPSECRET: _secret, EID_WECHAT_APPID: _app, EID_SERVICES_KEY: _services, ...storeOnly } = env;
  expect(() => deployedDeps('verifier', storeOnly, platform)).not.toThrow();
  expect(() => deployedDeps('admin', storeOnly, platform)).toThrow(new NotConfigured(['EID_ADMIN_KEY']));
  const adminOnly = { ...storeOnly, EID_ADMIN_KEY: env.EID_ADMIN_KEY };
  expect(() => deployedServices('admin', adminOnly, deployedDeps('admin', adminOnly, platform))).not.toThrow();
});
