/** Journey steps shared by the presentation and verification tests: enroll, register a terminal, present, verify. */
import { generateKeyPairSync } from 'node:crypto';
import type { PresentationView, Result, VerificationView } from '../../core/api';
import type { Scene } from '../../core/scenes';
import type { VerifyEvent } from '../../core/schemas';
import { signAdminAssertion, withTerminalAssertion, type TerminalCredential } from '../../server/clients/assertions';
import { expectOk, faceCheck, type Harness } from './harness';
import { personFor, typed } from './people';

/** One enrollment attempt with a fresh face session, as the enroll page makes it; `overrides` change any field (another face, a wrong answer). */
export async function attemptEnroll(h: Harness, openid: string, person: { name: string; idNumber: string }, overrides: Record<string, unknown> = {}) {
  const { answer } = await faceCheck(h, openid);
  return h.call(openid, { action: 'enroll', name: person.name, idNumber: person.idNumber, consent: true, ...answer, ...overrides });
}

/** Enrolls a synthetic person; the enrollment's face check also counts for presenting for five minutes. */
export async function enrolled(h: Harness, openid: string, kase: Parameters<typeof personFor>[0] = 'ordinary', nth = 0) {
  const person = personFor(kase, nth);
  expectOk(await attemptEnroll(h, openid, typed(person)));
  return person;
}

export async function registerTerminal(h: Harness, scenes: Scene[], organisation = '测试酒店 (synthetic)', city = '北京'): Promise<TerminalCredential> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' });
  const result = await h.emulator.functions.admin(
    {
      action: 'registerTerminal',
      assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()),
      organisation,
      city,
      scenes,
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y },
    },
    {},
  );
  const { terminalId } = expectOk(result) as unknown as { terminalId: string };
  return { terminalId, privateKey };
}

export async function presentToken(h: Harness, openid: string, scene: Scene): Promise<string> {
  const presentation = expectOk(await h.call(openid, { action: 'present', scene })) as unknown as PresentationView;
  return presentation.token;
}

/** A verification as `terminal`, with an assertion made for this token and scene (`token` may be anything: the schema refuses a malformed one first). */
export function verifyAs(h: Harness, terminal: TerminalCredential, token: unknown, scene: Scene): Promise<Result<VerificationView>> {
  const request = { action: 'verify', token, scene } as Pick<VerifyEvent, 'action' | 'token' | 'scene'>;
  return h.emulator.functions.verifier(withTerminalAssertion(terminal, h.clock.now(), request), {}) as Promise<Result<VerificationView>>;
}

/** A synthetic open upgrade site in Guangzhou (440100), and an upgrade terminal registered there: upgrades need a supported city. */
export async function registerUpgradeTerminal(h: Harness, organisation = '广州市天河区政务服务中心 (synthetic)'): Promise<TerminalCredential> {
  expectOk(
    await h.emulator.functions.admin(
      {
        action: 'putUpgradeSite',
        assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()),
        id: 'synthetic-gz-site',
        city: '440100',
        name: '天河区政务服务中心 (synthetic)',
        address: '广州市天河区 (synthetic)',
        hours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59' },
        status: 'open',
      },
      {},
    ),
  );
  return registerTerminal(h, ['upgrade'], organisation, '440100');
}
