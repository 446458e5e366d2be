/**
 * What a terminal session's HMAC covers, written once for the terminal that
 * signs and the verifier function that checks: the action (the request's
 * "method"), the counter that makes each request unique, and the request's
 * fields. Newline-separated: no field can contain a newline (the token is
 * Base45, the scene an enum, the counter digits).
 */
export function sessionMacInput(action: 'verify', counter: number, request: { scene: string; token: string }): string {
  return `${action}\n${counter}\n${request.scene}\n${request.token}`;
}
