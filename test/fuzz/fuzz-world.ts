/**
 * The world the fuzz suite attacks: the emulator's composition on real SQLite
 * with enrolled SYNTHETIC citizens, a registered terminal and the admin key;
 * valid events for every action of every function, and the mutations that
 * make them hostile. Valid events carry live session ids, correct liveness
 * answers and fresh tokens, so that mutations reach deep into the use cases.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { FaceChallengeView, FunctionName } from '../../core/api';
import { PRESENTABLE_SCENES, SCENE_NAMES, type Scene } from '../../core/scenes';
import { KNOWN_ACTIONS } from '../../core/schemas';
import { loadSyntheticPopulation, type SyntheticPerson } from '../../server/adapters/authority/simulated-authority';
import { signAdminAssertion, withTerminalAssertion, type TerminalCredential } from '../../server/clients/assertions';
import { TerminalSessionClient } from '../../server/clients/terminal-session';
import { createHarness, type Harness } from '../support/harness';
import { enrolled, registerTerminal } from '../support/journeys';
import { hostileValue, Prng, STRANGE_STRINGS } from './random-values';

export const FUZZED_FUNCTIONS: readonly FunctionName[] = ['citizen', 'verifier', 'partner', 'admin'];

type Event = Record<string, unknown>;

export class FuzzWorld {
  readonly people: readonly SyntheticPerson[] = loadSyntheticPopulation().people;
  /** ID numbers and names (of three characters or more) that must never come back in a refusal. */
  readonly personalData: readonly string[] = this.people.flatMap((p) => [p.idNumber, ...([p.name, p.registeredName].filter((n) => n && [...n].length >= 3) as string[])]);
  private readonly holders: string[] = [];
  private readonly strangers = Array.from({ length: 20 }, (_, i) => `fuzz-caller-${i}`);
  private readonly sessions = new Map<string, FaceChallengeView>();
  /** Presented tokens with their scenes, newest last. */
  private readonly tokens: Array<{ token: string; scene: string }> = [];
  private readonly terminalIds: string[] = [];
  /** The terminal's latest session (openSession), for verify requests with an HMAC instead of an assertion. */
  private terminalSession: TerminalSessionClient | undefined;
  private readonly publicKeys = Array.from({ length: 3 }, () => {
    const { x, y } = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    return { kty: 'EC', crv: 'P-256', x, y };
  });

  private constructor(
    readonly h: Harness,
    private readonly terminal: TerminalCredential,
  ) {}

  static async create(): Promise<FuzzWorld> {
    const h = createHarness();
    const world = new FuzzWorld(h, await registerTerminal(h, [...PRESENTABLE_SCENES], 'Fuzz terminal (synthetic)'));
    for (let i = 0; i < 4; i++) {
      world.holders.push(`fuzz-holder-${i}`);
      await enrolled(h, `fuzz-holder-${i}`, 'ordinary', 10 + i);
    }
    return world;
  }

  /** Valid values of other fields, to put where they do not belong (not the verifier's terminal id: disabling it would end the verifier's coverage). */
  private related(): unknown[] {
    return [...this.tokens.slice(-3).map((t) => t.token), ...this.terminalIds.slice(-2), ...SCENE_NAMES, this.people[0].idNumber, this.people[0].name];
  }

  /** A valid event of `fn` and the caller it comes from. */
  validEvent(fn: FunctionName, rng: Prng): { event: Event; openid?: string } {
    const now = this.h.clock.now();
    switch (fn) {
      case 'citizen':
        return this.citizenEvent(rng);
      case 'verifier': {
        if (rng.chance(0.1)) return { event: withTerminalAssertion(this.terminal, now, { action: 'openSession' }) };
        const presented = this.tokens.length ? (rng.chance(0.6) ? this.tokens[this.tokens.length - 1] : rng.pick(this.tokens)) : { token: 'EID1:', scene: 'hotel' };
        const scene = rng.chance(0.8) ? presented.scene : rng.pick(PRESENTABLE_SCENES);
        const request = { action: 'verify', scene: scene as Scene, token: presented.token } as const;
        return { event: this.terminalSession && rng.chance(0.5) ? this.terminalSession.withSession(request) : withTerminalAssertion(this.terminal, now, request) };
      }
      case 'admin': {
        const assertion = signAdminAssertion(this.h.emulator.adminKey, now);
        if (rng.chance(0.5)) {
          const scenes = PRESENTABLE_SCENES.filter(() => rng.chance(0.5));
          return { event: { action: 'registerTerminal', assertion, organisation: 'Fuzz hotel (synthetic)', city: '北京', scenes: scenes.length ? scenes : ['hotel'], publicKeyJwk: rng.pick(this.publicKeys) } };
        }
        const terminalId = this.terminalIds.length && rng.chance(0.7) ? rng.pick(this.terminalIds) : `vt_${rng.int(1e9)}`;
        return { event: { action: 'setTerminalEnabled', assertion, terminalId, enabled: rng.chance(0.5) } };
      }
      case 'partner':
        return { event: { action: rng.pick(['exchangeCode', 'listTiles', 'verify']), code: `code-${rng.int(1e6)}` } };
    }
  }

  private citizenEvent(rng: Prng): { event: Event; openid?: string } {
    const openid = rng.chance(0.05) ? undefined : rng.chance(0.05) ? rng.pick(STRANGE_STRINGS) : rng.chance(0.4) ? rng.pick(this.holders) : rng.pick(this.strangers);
    const session = openid === undefined ? undefined : this.sessions.get(openid);
    const face = {
      faceSessionId: session?.sessionId ?? `session-${rng.int(1e6)}`,
      liveness: session ? { actions: session.actions, digits: session.digits } : { actions: ['blink'], digits: '1234' },
      faceCapture: rng.chance(0.7) ? 'simulated-capture:fuzz' : 'someone-else',
    };
    const person = rng.pick(this.people);
    const events: Event[] = [
      { action: 'startFace' },
      { action: 'enroll', name: person.name, idNumber: person.idNumber, consent: true, ...face },
      { action: 'getCard' },
      { action: 'reauth', ...face },
      { action: 'present', scene: rng.pick(SCENE_NAMES) },
      { action: 'listUsage', ...(rng.chance(0.5) && { before: 1 + rng.int(100) }), ...(rng.chance(0.5) && { limit: 1 + rng.int(50) }) },
    ];
    return { event: rng.pick(events), openid };
  }

  /** Up to three mutations of a valid event, or a hostile value in its place. */
  mutate(event: Event, rng: Prng): unknown {
    if (rng.chance(0.04)) return hostileValue(rng, this.related());
    const mutated: Event = { ...event };
    for (let n = rng.int(4); n > 0; n--) {
      const keys = Object.keys(mutated);
      const key = keys.length ? rng.pick(keys) : 'action';
      switch (rng.int(6)) {
        case 0:
          delete mutated[key];
          break;
        case 1:
          mutated[rng.pick([...this.personalData.slice(0, 6), 'role', 'holder', 'userInfo', 'openid', '😀', 'k'.repeat(300)])] = hostileValue(rng, this.related()) ?? true;
          break;
        case 2:
          mutated[key] = hostileValue(rng, this.related());
          break;
        case 3:
          mutated.action = rng.chance(0.7) ? rng.pick([...KNOWN_ACTIONS]) : rng.pick(STRANGE_STRINGS);
          break;
        case 4:
          if (mutated[key] && typeof mutated[key] === 'object' && !Array.isArray(mutated[key])) {
            const nestedKey = rng.pick(['actions', 'digits', 'x', 'kty', 'id', 'counter', 'mac', this.personalData[0]]);
            mutated[key] = { ...(mutated[key] as Event), [nestedKey]: hostileValue(rng, this.related()) };
          }
          break;
        default:
          if (typeof mutated[key] === 'string') mutated[key] = flipCharacter(mutated[key] as string, rng);
      }
    }
    return mutated;
  }

  /** Learns from an answer what a real client would: session ids, tokens, terminal ids. */
  observe(event: unknown, openid: string | undefined, result: { ok: boolean } & Record<string, unknown>): void {
    if (!result.ok || !event || typeof event !== 'object') return;
    const action = (event as Event).action;
    if (action === 'startFace' && openid !== undefined) this.sessions.set(openid, result as unknown as FaceChallengeView);
    if (action === 'present' && typeof result.token === 'string' && typeof result.scene === 'string') {
      if (this.tokens.push({ token: result.token, scene: result.scene }) > 40) this.tokens.shift();
    }
    if (action === 'registerTerminal' && typeof result.terminalId === 'string') this.terminalIds.push(result.terminalId);
    if (action === 'openSession' && typeof result.sessionId === 'string' && typeof result.sessionKey === 'string') {
      this.terminalSession = new TerminalSessionClient({ sessionId: result.sessionId, sessionKey: result.sessionKey });
    }
  }

  /** Time moves on now and then: sessions, tokens and assertions expire; rarely an hour passes and limits lift. */
  passTime(rng: Prng): void {
    if (rng.chance(0.002)) this.h.clock.advance(60 * 60 * 1000);
    else if (rng.chance(0.05)) this.h.clock.advance(rng.int(30_000));
  }
}

/** One character replaced, or the string cut short or doubled: bit-flips for tokens, assertions and ids. */
function flipCharacter(text: string, rng: Prng): string {
  if (text.length === 0 || rng.chance(0.2)) return rng.chance(0.5) ? text.slice(0, rng.int(text.length + 1)) : text + text;
  const at = rng.int(text.length);
  return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << rng.int(7))) + text.slice(at + 1);
}
