/**
 * The world the fuzz suite attacks: the emulator's composition on real SQLite
 * with enrolled SYNTHETIC citizens whose cards are in their renewal window, a
 * verifying and an upgrade terminal, an onboarded partner with an approved
 * tile, and the admin key; valid events for every action of every function
 * (valid-events.ts), and the mutations that make them hostile. Valid events
 * carry live session ids, correct liveness answers, fresh tokens, upgrade
 * codes, card passwords and partner codes, so that mutations reach deep into
 * the use cases.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { FaceChallengeView, FunctionName } from '../../core/api';
import { PRESENTABLE_SCENES, SCENE_NAMES } from '../../core/scenes';
import { RENEWAL_WINDOW_DAYS } from '../../core/policy';
import { KNOWN_ACTIONS } from '../../core/schemas';
import { loadSyntheticPopulation } from '../../server/adapters/authority/simulated-authority';
import { ScryptPasswordHasher, SCRYPT_PARAMETERS } from '../../server/adapters/keys/scrypt-password-hasher';
import { TerminalSessionClient } from '../../server/clients/terminal-session';
import { cardValidityFrom } from '../../server/domain/card-validity';
import { createHarness, expectOk } from '../support/harness';
import { enrolled, registerTerminal, registerUpgradeTerminal } from '../support/journeys';
import { typed } from '../support/people';
import { approvedTile, onboardedPartner } from '../support/services';
import { hostileValue, Prng, STRANGE_STRINGS } from './random-values';
import { adminTable, citizenTable, partnerTable, pickEntry, verifierTable, type Event, type Known } from './valid-events';

export const FUZZED_FUNCTIONS: readonly FunctionName[] = ['citizen', 'verifier', 'partner', 'admin'];

const DAY_MS = 24 * 60 * 60 * 1000;

export class FuzzWorld {
  private readonly tables;
  /** ID numbers and names (of three characters or more) that must never come back in a refusal. */
  readonly personalData: readonly string[];
  /** The account whose face session opened last. */
  private faceCaller: string | undefined;

  private constructor(readonly known: Known) {
    this.tables = { citizen: citizenTable(known), verifier: verifierTable(known), admin: adminTable(known), partner: partnerTable(known) };
    this.personalData = known.people.flatMap((p) => [p.idNumber, ...([p.name, p.registeredName].filter((n) => n && [...n].length >= 3) as string[])]);
  }

  static async create(): Promise<FuzzWorld> {
    const h = createHarness();
    // The fuzz is about answers, not the cost of guessing: a cheaper scrypt (its parameters are in each hash) keeps
    // the bounded run fast; the production cost is measured by `npm run bench`.
    h.emulator.deps.passwords = new ScryptPasswordHasher({ ...SCRYPT_PARAMETERS, N: 2 ** 10 });
    const holders = new Map<string, { name: string; idNumber: string }>();
    for (let i = 0; i < 4; i++) holders.set(`fuzz-holder-${i}`, typed(await enrolled(h, `fuzz-holder-${i}`, 'ordinary', 10 + i)));
    // Into the cards' renewal window, so that a renewal can succeed; codes and sessions are all made after this.
    h.clock.advance(cardValidityFrom(h.clock.now()).getTime() - h.clock.now().getTime() - (RENEWAL_WINDOW_DAYS / 2) * DAY_MS);
    // One card starts reported lost, so that a reinstatement can succeed whichever way the events fall.
    const lost = 'fuzz-holder-3';
    expectOk(await h.call(lost, { action: 'reportLost' }));
    const partner = await onboardedPartner(h, { scopes: ['birthDate', 'fullName', 'region', 'cardLevel'] });
    return new FuzzWorld({
      h,
      people: loadSyntheticPopulation().people,
      holders,
      strangers: Array.from({ length: 20 }, (_, i) => `fuzz-caller-${i}`),
      sessions: new Map(),
      passwords: new Map(),
      suspended: new Set([lost]),
      renewable: new Set(holders.keys()),
      tokens: [],
      upgradeCodes: [],
      terminal: await registerTerminal(h, [...PRESENTABLE_SCENES], 'Fuzz terminal (synthetic)'),
      upgrader: await registerUpgradeTerminal(h, 'Fuzz upgrade terminal (synthetic)'),
      terminalSessions: new Map(),
      terminalIds: [],
      publicKeys: Array.from({ length: 3 }, () => {
        const { x, y } = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
        return { kty: 'EC', crv: 'P-256', x, y };
      }),
      partner,
      steadyTileId: await approvedTile(h, partner),
      tiles: new Map(),
      partnerIds: [],
      codes: [],
      grants: [],
    });
  }

  get h() {
    return this.known.h;
  }

  /** Valid values of other fields, to put where they do not belong (not the verifier's terminal id: disabling it would end the verifier's coverage). */
  private related(): unknown[] {
    const k = this.known;
    return [
      ...k.tokens.slice(-3).map((t) => t.token),
      ...k.upgradeCodes.slice(-2).map((c) => c.token),
      ...k.terminalIds.slice(-2),
      ...k.codes.slice(-2),
      ...k.grants.slice(-1).map((g) => g.grantId),
      ...k.partnerIds.slice(-1),
      k.steadyTileId,
      ...k.passwords.values(),
      ...SCENE_NAMES,
      k.people[0].idNumber,
      k.people[0].name,
    ];
  }

  /** A valid event of `fn` and the caller it comes from. */
  validEvent(fn: FunctionName, rng: Prng): { event: Event; openid?: string } {
    switch (fn) {
      case 'citizen':
        return this.citizenEvent(rng);
      case 'verifier':
      case 'admin':
      case 'partner':
        return { event: pickEntry(this.tables[fn], rng).make(rng) };
    }
  }

  private citizenEvent(rng: Prng): { event: Event; openid?: string } {
    const k = this.known;
    const entry = pickEntry(this.tables.citizen, rng);
    // Mostly an account that would send this action; otherwise often the account that just opened a face session.
    const openid = rng.chance(0.05)
      ? undefined
      : rng.chance(0.05)
        ? rng.pick(STRANGE_STRINGS)
        : ((rng.chance(0.7) && entry.caller?.(rng)) ||
          (this.faceCaller !== undefined && rng.chance(0.3) ? this.faceCaller : rng.chance(0.5) ? rng.pick([...k.holders.keys()]) : rng.pick(k.strangers)));
    const session = openid === undefined ? undefined : k.sessions.get(openid);
    const face = {
      faceSessionId: session?.sessionId ?? `session-${rng.int(1e6)}`,
      liveness: session ? { actions: session.actions, digits: session.digits } : { actions: ['blink'], digits: '1234' },
      faceCapture: rng.chance(0.7) ? 'simulated-capture:fuzz' : 'someone-else',
    };
    return { event: entry.make(rng, { openid, face }), openid };
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
            const nestedKey = rng.pick(['actions', 'digits', 'x', 'kty', 'id', 'counter', 'mac', 'idCardRead', 'faceMatch', 'days', 'opens', 'optional', 'sensitive', 'title', 'target', this.personalData[0]]);
            mutated[key] = { ...(mutated[key] as Event), [nestedKey]: hostileValue(rng, this.related()) };
          }
          break;
        default:
          if (typeof mutated[key] === 'string') mutated[key] = flipCharacter(mutated[key] as string, rng);
      }
    }
    return mutated;
  }

  /** Learns from an answer what a real client would: session ids, tokens, codes, passwords set, ids made. */
  observe(event: unknown, openid: string | undefined, result: { ok: boolean } & Record<string, unknown>): void {
    if (!result.ok || !event || typeof event !== 'object') return;
    const k = this.known;
    const sent = event as Event;
    const keep = <T>(list: T[], item: T, max = 40) => list.push(item) > max && list.shift();
    // A face session that passed is spent.
    if (openid !== undefined && 'faceSessionId' in sent) k.sessions.delete(openid);
    switch (sent.action) {
      case 'startFace':
        if (openid !== undefined) k.sessions.set(openid, result as unknown as FaceChallengeView);
        this.faceCaller = openid;
        break;
      case 'present':
        if (typeof result.token === 'string' && typeof result.scene === 'string') keep(k.tokens, { token: result.token, scene: result.scene });
        break;
      case 'presentUpgrade':
        if (openid !== undefined && typeof result.token === 'string') keep(k.upgradeCodes, { token: result.token, openid });
        break;
      case 'enroll':
      case 'moveCard':
        if (openid !== undefined && typeof sent.name === 'string' && typeof sent.idNumber === 'string') {
          // A move takes the card from the account that held it.
          for (const [other, person] of k.holders) if (person.idNumber === sent.idNumber) this.forget(other);
          this.forget(openid);
          k.holders.set(openid, { name: sent.name, idNumber: sent.idNumber });
        }
        break;
      case 'reportLost':
        if (openid !== undefined) k.suspended.add(openid);
        break;
      case 'reinstate':
        if (openid !== undefined) k.suspended.delete(openid);
        break;
      case 'renew':
        if (openid !== undefined) k.renewable.delete(openid);
        break;
      case 'revoke':
        if (openid !== undefined) this.forget(openid);
        break;
      case 'setCardPassword':
        if (openid !== undefined && typeof sent.password === 'string') k.passwords.set(openid, sent.password);
        break;
      case 'authorize':
        if (typeof result.code === 'string') keep(k.codes, result.code);
        if (typeof result.grantId === 'string' && openid !== undefined) keep(k.grants, { grantId: result.grantId, openid });
        break;
      case 'registerTerminal':
        if (typeof result.terminalId === 'string') k.terminalIds.push(result.terminalId);
        break;
      case 'openSession':
        if (typeof result.sessionId === 'string' && typeof result.sessionKey === 'string') {
          const terminalId = issuerOf(sent.assertion);
          if (terminalId) k.terminalSessions.set(terminalId, new TerminalSessionClient({ sessionId: result.sessionId, sessionKey: result.sessionKey }));
        }
        break;
      case 'submitTile':
        if (typeof result.tileId === 'string' && typeof result.version === 'number') k.tiles.set(result.tileId, result.version);
        break;
      case 'onboardPartner':
        if (typeof result.partnerId === 'string') keep(k.partnerIds, result.partnerId);
        break;
    }
  }

  /** The account holds no card any more (revoked, or moved to another account). */
  private forget(openid: string): void {
    for (const accounts of [this.known.holders, this.known.passwords, this.known.suspended, this.known.renewable]) accounts.delete(openid);
  }

  /** Time moves on now and then: sessions, tokens and assertions expire; rarely an hour passes and limits lift. */
  passTime(rng: Prng): void {
    if (rng.chance(0.002)) this.h.clock.advance(60 * 60 * 1000);
    else if (rng.chance(0.05)) this.h.clock.advance(rng.int(30_000));
  }
}

/** The `iss` of a terminal assertion (its terminal id), read without checking it: the terminal's own knowledge of whom it signed as. */
function issuerOf(assertion: unknown): string | undefined {
  if (typeof assertion !== 'string') return undefined;
  try {
    const iss = (JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown }).iss;
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

/** One character replaced, or the string cut short or doubled: bit-flips for tokens, assertions and ids. */
function flipCharacter(text: string, rng: Prng): string {
  if (text.length === 0 || rng.chance(0.2)) return rng.chance(0.5) ? text.slice(0, rng.int(text.length + 1)) : text + text;
  const at = rng.int(text.length);
  return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << rng.int(7))) + text.slice(at + 1);
}
