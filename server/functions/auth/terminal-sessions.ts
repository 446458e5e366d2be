/**
 * Terminal sessions: a terminal proves itself once with its ES256 assertion
 * and gets a session key for at most TERMINAL_SESSION_SECONDS; each request
 * then carries an HMAC of the whole request (core/terminal-session) instead of
 * a signature, which costs microseconds instead of an ES256 verification.
 *
 * The session id is a sealed ticket (AES-256-GCM under a server key) holding
 * the terminal id, the session key and the expiry, so any instance of the
 * function can check a request without a database read. Replays: each counter
 * counts once per session within a window of recent counters, kept in this
 * process. The MAC covers every field, so a replay on another instance can
 * only be the identical request: a replayed verification finds its token
 * spent (spent_tokens); an upgrade's session and counter are spent in the
 * store too (verifier.ts), so a replayed upgrade refused at the password
 * spends no further try on any instance. The caller checks the
 * terminal is still enabled on every request, so disabling a terminal ends
 * its sessions at once.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TerminalSessionView } from '../../../core/api';
import { EidError } from '../../../core/errors';
import { TERMINAL_SESSION_REPLAY_WINDOW, TERMINAL_SESSION_SECONDS } from '../../../core/policy';
import { sessionMacInput, type SessionMacRequest } from '../../../core/terminal-session';
import type { Clock } from '../../domain/ports';

interface OpenSession {
  terminalId: string;
  key: Buffer;
  expiresAt: number;
  highest: number;
  seen: Set<number>;
}

export interface SessionProof {
  id: string;
  counter: number;
  mac: string;
}

const TICKET_VERSION = 's1';
const REMEMBERED_SESSIONS = 10_000;

export class TerminalSessions {
  private readonly open = new Map<string, OpenSession>();

  constructor(
    private readonly ticketKey: Buffer,
    private readonly clock: Clock,
  ) {
    if (ticketKey.length !== 32) throw new TypeError('The session ticket key must be 32 bytes');
  }

  start(terminalId: string): TerminalSessionView {
    const key = randomBytes(32);
    const expiresAt = Math.floor(this.clock.now().getTime() / 1000) + TERMINAL_SESSION_SECONDS;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.ticketKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify({ t: terminalId, k: key.toString('base64url'), e: expiresAt })), cipher.final()]);
    const sessionId = `${TICKET_VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
    return { sessionId, sessionKey: key.toString('base64url'), expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  /**
   * The terminal id of a valid, unexpired, not-replayed request whose MAC
   * covers exactly these fields, with the request's proof id (session and
   * counter) and when its session ends, for a once-only request to spend in
   * the store (verifier.ts); VERIFIER_UNKNOWN otherwise. The counter is spent
   * in this instance's memory.
   */
  authenticate(proof: SessionProof, request: SessionMacRequest): { terminalId: string; proofId: string; keptUntil: Date } {
    const session = this.session(proof.id);
    const now = Math.floor(this.clock.now().getTime() / 1000);
    if (!session || session.expiresAt <= now) throw new EidError('VERIFIER_UNKNOWN', { reason: 'session' });
    const expected = createHmac('sha256', session.key).update(sessionMacInput(proof, request)).digest();
    const given = Buffer.from(proof.mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new EidError('VERIFIER_UNKNOWN', { reason: 'session' });
    this.spendCounter(session, proof.counter);
    return { terminalId: session.terminalId, proofId: `session:${proof.id}:${proof.counter}`, keptUntil: new Date(session.expiresAt * 1000) };
  }

  private spendCounter(session: OpenSession, counter: number): void {
    if (counter <= session.highest - TERMINAL_SESSION_REPLAY_WINDOW || session.seen.has(counter)) {
      throw new EidError('VERIFIER_UNKNOWN', { reason: 'replay' });
    }
    session.seen.add(counter);
    session.highest = Math.max(session.highest, counter);
    // Forget counters that fell out of the window now and then, not on every request.
    if (session.seen.size > 2 * TERMINAL_SESSION_REPLAY_WINDOW) {
      for (const old of session.seen) if (old <= session.highest - TERMINAL_SESSION_REPLAY_WINDOW) session.seen.delete(old);
    }
  }

  private session(id: string): OpenSession | undefined {
    const known = this.open.get(id);
    if (known) return known;
    const opened = this.openTicket(id);
    if (!opened) return undefined;
    if (this.open.size >= REMEMBERED_SESSIONS) this.open.clear();
    this.open.set(id, opened);
    return opened;
  }

  private openTicket(id: string): OpenSession | undefined {
    const [version, payload] = id.split('.');
    if (version !== TICKET_VERSION || !payload) return undefined;
    const raw = Buffer.from(payload, 'base64url');
    // Only the one spelling we issued: replay state is kept per id, so a second
    // spelling of the same ticket (a trailing segment, lenient base64url) would
    // start with a clean slate and let a captured request through again.
    if (id !== `${TICKET_VERSION}.${raw.toString('base64url')}` || raw.length < 12 + 16 + 1) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.ticketKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
      const { t, k, e } = JSON.parse(plain) as { t: string; k: string; e: number };
      return { terminalId: t, key: Buffer.from(k, 'base64url'), expiresAt: e, highest: -1, seen: new Set() };
    } catch {
      return undefined;
    }
  }
}
