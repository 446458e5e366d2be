/** A citizen and a terminal speaking to a running emulator over HTTP, as the h5 app and a counter would. */
import type { FaceChallengeView, Result } from '../../core/api';

export async function post(baseUrl: string, path: string, body: unknown, openid?: string): Promise<Result<Record<string, unknown>>> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(openid && { 'X-Dev-Openid': openid }) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Result<Record<string, unknown>>;
}

export async function enrollOverHttp(baseUrl: string, openid: string, person: { name: string; idNumber: string }) {
  const face = (await post(baseUrl, '/fn/citizen', { action: 'startFace' }, openid)) as unknown as FaceChallengeView;
  return post(
    baseUrl,
    '/fn/citizen',
    {
      action: 'enroll',
      ...person,
      consent: true,
      faceSessionId: face.sessionId,
      liveness: { actions: face.actions, digits: face.digits },
      faceCapture: 'simulated-capture:http',
    },
    openid,
  );
}
