/**
 * A valid event for every action every function accepts, made from what the
 * fuzz world has learnt so far (live face sessions, fresh codes, ids), so
 * that mutations of it reach deep into the use cases. One table per
 * function, typed by its schema's action names: an action added to a schema
 * does not compile here until the fuzzer makes its events too.
 */
import type { z } from 'zod';
import type { FaceChallengeView } from '../../core/api';
import { PRESENTABLE_SCENES, SCENE_NAMES, type Scene } from '../../core/scenes';
import type { adminEvent, citizenEvent, verifierEvent } from '../../core/schemas';
import type { partnerEvent } from '../../core/services-schemas';
import type { SessionMacRequest } from '../../core/terminal-session';
import { PILOT_CITY_CODES } from '../../core/upgrade-directory';
import type { SyntheticPerson } from '../../server/adapters/authority/simulated-authority';
import { signAdminAssertion, withTerminalAssertion, type TerminalCredential } from '../../server/clients/assertions';
import { signPartnerAssertion, type PartnerCredential } from '../../server/clients/partner-kit';
import type { TerminalSessionClient } from '../../server/clients/terminal-session';
import type { Harness } from '../support/harness';
import { pensionManifest, syntheticCreditCode } from '../support/services';
import { Prng, STRANGE_STRINGS } from './random-values';

export type Event = Record<string, unknown>;
type Typed = { name: string; idNumber: string };

/** What a real client would know by now: learnt from answers (FuzzWorld.observe) or set up with the world. */
export interface Known {
  readonly h: Harness;
  readonly people: readonly SyntheticPerson[];
  /** Accounts that hold a card, as far as the answers tell, with the identity they typed. */
  readonly holders: Map<string, Typed>;
  readonly strangers: readonly string[];
  readonly sessions: Map<string, FaceChallengeView>;
  /** Card passwords the holders set. */
  readonly passwords: Map<string, string>;
  /** Accounts whose card was reported lost (and not reinstated since). */
  readonly suspended: Set<string>;
  /** Accounts whose card is in its renewal window and not yet renewed. */
  readonly renewable: Set<string>;
  /** Presented tokens with their scenes, newest last. */
  readonly tokens: Array<{ token: string; scene: string }>;
  /** Upgrade codes with the account that showed them, newest last. */
  readonly upgradeCodes: Array<{ token: string; openid: string }>;
  /** The terminal that verifies (every presentable scene) and the one that upgrades; never disabled by the fuzz. */
  readonly terminal: TerminalCredential;
  readonly upgrader: TerminalCredential;
  /** Their latest terminal sessions, by terminal id. */
  readonly terminalSessions: Map<string, TerminalSessionClient>;
  /** Terminals registered during the run (these the fuzz may disable). */
  readonly terminalIds: string[];
  readonly publicKeys: readonly object[];
  /** The partner and its approved tile that citizens use; neither is suspended by the fuzz. */
  readonly partner: PartnerCredential;
  readonly steadyTileId: string;
  /** Tiles the partner submitted during the run, with their latest version; partners onboarded during the run. */
  readonly tiles: Map<string, number>;
  readonly partnerIds: string[];
  /** One-time codes for the partner, and grant ids with the account that gave them, newest last. */
  readonly codes: string[];
  readonly grants: Array<{ grantId: string; openid: string }>;
}

/** The caller of a citizen event and the face proof its live session allows. */
export interface CitizenCall {
  openid: string | undefined;
  face: { faceSessionId: string; liveness: { actions: readonly string[]; digits: string }; faceCapture: string };
}

type ActionOf<S extends z.ZodTypeAny> = z.infer<S>['action'];
/**
 * How often an action's event comes, relative to the others of its function,
 * how it is made, and (citizen actions) whose account would send it.
 */
export interface Entry<Args extends unknown[]> {
  weight: number;
  caller?: (rng: Prng) => string | undefined;
  make: (rng: Prng, ...args: Args) => Event;
}
type Table<A extends string, Args extends unknown[]> = { [K in A]: Entry<Args> };

export type CitizenAction = ActionOf<typeof citizenEvent>;
export type VerifierAction = ActionOf<typeof verifierEvent>;
export type AdminAction = ActionOf<typeof adminEvent>;
export type PartnerAction = ActionOf<typeof partnerEvent>;

const STRONG_PASSWORDS = ['73920561', '55120937', '66203948', '40917352'];
const newest = <T>(items: readonly T[], rng: Prng): T | undefined => (items.length ? (rng.chance(0.6) ? items[items.length - 1] : rng.pick(items)) : undefined);
const someone = (k: Known, rng: Prng): Typed => (k.holders.size && rng.chance(0.6) ? rng.pick([...k.holders.values()]) : typed(rng.pick(k.people)));
const password = (k: Known, openid: string | undefined, rng: Prng): string =>
  (openid !== undefined && rng.chance(0.8) && k.passwords.get(openid)) || (rng.chance(0.7) ? rng.pick(STRONG_PASSWORDS) : String(rng.int(1e8)).padStart(8, '0'));

/** One of `accounts`, mostly one whose face session is still open (a client opens one right before an action that needs it). */
function withFace(k: Known, rng: Prng, accounts: Iterable<string>): string | undefined {
  const all = [...accounts];
  const open = all.filter((openid) => live(k, openid));
  return open.length && rng.chance(0.8) ? rng.pick(open) : all.length ? rng.pick(all) : undefined;
}

const live = (k: Known, openid: string) => Date.parse(k.sessions.get(openid)?.expiresAt ?? '') > k.h.clock.now().getTime();

export function citizenTable(k: Known): Table<CitizenAction, [CitizenCall]> {
  const tileId = (rng: Prng) => (rng.chance(0.8) ? k.steadyTileId : rng.chance(0.5) && k.tiles.size ? rng.pick([...k.tiles.keys()]) : `tl_${rng.int(1e6)}`);
  const holder = (rng: Prng) => withFace(k, rng, k.holders.keys());
  const stranger = (rng: Prng) => withFace(k, rng, k.strangers.filter((openid) => !k.holders.has(openid)));
  return {
    startFace: {
      weight: 4,
      // An account without an open session: a new one would close it.
      caller: (rng) => rng.pick([...k.holders.keys(), ...k.strangers].filter((openid) => !live(k, openid))),
      make: (rng) => ({ action: 'startFace', ...(rng.chance(0.1) && { claim: someone(k, rng), consent: true }) }),
    },
    enroll: { weight: 2, caller: stranger, make: (rng, c) => ({ action: 'enroll', ...typed(rng.pick(k.people)), consent: true, ...c.face }) },
    getCard: { weight: 1, make: () => ({ action: 'getCard' }) },
    reauth: { weight: 2, caller: holder, make: (_, c) => ({ action: 'reauth', ...c.face }) },
    present: { weight: 2, make: (rng) => ({ action: 'present', scene: rng.pick(rng.chance(0.9) ? PRESENTABLE_SCENES : SCENE_NAMES) }) },
    listUsage: {
      weight: 1,
      make: (rng) => ({ action: 'listUsage', ...(rng.chance(0.5) && { before: 1 + rng.int(100) }), ...(rng.chance(0.5) && { limit: 1 + rng.int(50) }) }),
    },
    reportLost: { weight: 0.5, make: () => ({ action: 'reportLost' }) },
    reinstate: { weight: 1.5, caller: (rng) => withFace(k, rng, k.suspended), make: (_, c) => ({ action: 'reinstate', ...c.face }) },
    renew: { weight: 1, caller: (rng) => withFace(k, rng, [...k.renewable].filter((openid) => !k.suspended.has(openid))), make: (_, c) => ({ action: 'renew', ...c.face }) },
    revoke: { weight: 0.5, caller: holder, make: (_, c) => ({ action: 'revoke', ...c.face }) },
    setCardPassword: {
      weight: 1.5,
      caller: holder,
      make: (rng, c) => {
        const old = c.openid === undefined ? undefined : k.passwords.get(c.openid);
        const proof = old && rng.chance(0.5) ? { oldPassword: rng.chance(0.8) ? old : rng.pick(STRONG_PASSWORDS) } : c.face;
        return { action: 'setCardPassword', password: rng.chance(0.9) ? rng.pick(STRONG_PASSWORDS) : rng.pick(['12345678', '00000000', '1234']), ...proof };
      },
    },
    unlockCardPassword: {
      weight: 1,
      caller: (rng) => withFace(k, rng, [...k.passwords.keys()].filter((openid) => !k.suspended.has(openid))),
      make: (_, c) => ({ action: 'unlockCardPassword', ...c.face }),
    },
    presentUpgrade: { weight: 1.5, caller: (rng) => (k.passwords.size ? rng.pick([...k.passwords.keys()]) : undefined), make: () => ({ action: 'presentUpgrade' }) },
    listUpgradeSites: { weight: 0.5, make: (rng) => ({ action: 'listUpgradeSites', ...(rng.chance(0.7) && { city: rng.pick(PILOT_CITY_CODES) }) }) },
    moveCard: { weight: 1, caller: stranger, make: (rng, c) => ({ action: 'moveCard', ...someone(k, rng), consent: true, ...c.face }) },
    listServices: { weight: 0.5, make: (rng) => ({ action: 'listServices', ...(rng.chance(0.3) && { region: rng.pick(['110000', '440100', '990000']) }) }) },
    getTileConsent: { weight: 0.5, make: (rng) => ({ action: 'getTileConsent', tileId: tileId(rng) }) },
    authorize: {
      weight: 1.5,
      caller: holder,
      make: (rng) => {
        if (rng.chance(0.3)) return { action: 'authorize', tileId: tileId(rng) };
        const optional = ['fullName', 'region'].filter(() => rng.chance(0.5));
        return { action: 'authorize', tileId: tileId(rng), consent: { optional, sensitive: optional.filter((s) => s === 'fullName' && rng.chance(0.9)) } };
      },
    },
    listGrants: { weight: 0.5, make: () => ({ action: 'listGrants' }) },
    revokeGrant: {
      weight: 0.5,
      caller: (rng) => newest(k.grants, rng)?.openid,
      make: (rng, c) => {
        const own = k.grants.filter((g) => g.openid === c.openid);
        return { action: 'revokeGrant', grantId: (newest(own.length ? own : k.grants, rng)?.grantId) ?? `gr_${rng.int(1e6)}` };
      },
    },
    listExchanges: { weight: 0.5, make: (rng) => ({ action: 'listExchanges', ...(rng.chance(0.5) && { limit: 1 + rng.int(50) }) }) },
  };
}

export function verifierTable(k: Known): Table<VerifierAction, []> {
  /** The request with its proof: the terminal's session MAC when it has a session, half the time, else an assertion made for it. */
  const proven = (terminal: TerminalCredential, rng: Prng, request: SessionMacRequest): Event => {
    const session = k.terminalSessions.get(terminal.terminalId);
    return session && rng.chance(0.5) ? session.withSession(request) : withTerminalAssertion(terminal, k.h.clock.now(), request);
  };
  return {
    openSession: {
      weight: 1,
      make: (rng) => withTerminalAssertion(rng.chance(0.7) ? k.terminal : k.upgrader, k.h.clock.now(), { action: 'openSession' }),
    },
    verify: {
      weight: 6,
      make: (rng) => {
        const presented = newest(k.tokens, rng) ?? { token: 'EID1:', scene: 'hotel' };
        const scene = rng.chance(0.8) ? (presented.scene as Scene) : rng.pick(PRESENTABLE_SCENES);
        return proven(k.terminal, rng, { action: 'verify', token: presented.token, scene });
      },
    },
    issuerKeys: { weight: 0.5, make: () => ({ action: 'issuerKeys' }) },
    upgrade: {
      weight: 3,
      make: (rng) => {
        const code = newest(k.upgradeCodes, rng) ?? { token: 'EID1:', openid: '' };
        const terminal = rng.chance(0.9) ? k.upgrader : k.terminal;
        return proven(terminal, rng, {
          action: 'upgrade',
          token: code.token,
          inPersonCheck: { idCardRead: rng.chance(0.9), faceMatch: rng.chance(0.9) },
          password: password(k, code.openid, rng),
        });
      },
    },
  };
}

export function adminTable(k: Known): Table<AdminAction, []> {
  const assertion = () => signAdminAssertion(k.h.emulator.adminKey, k.h.clock.now());
  const reviewed = (rng: Prng) => {
    const known = k.tiles.size && rng.chance(0.8) ? rng.pick([...k.tiles.entries()]) : [`tl_${rng.int(1e6)}`, 1];
    return { assertion: assertion(), tileId: known[0], version: rng.chance(0.8) ? known[1] : 1 + rng.int(3) };
  };
  return {
    registerTerminal: {
      weight: 3,
      make: (rng) => {
        const scenes = SCENE_NAMES.filter(() => rng.chance(0.4));
        const publicKeyJwk = rng.pick(k.publicKeys);
        return { action: 'registerTerminal', assertion: assertion(), organisation: 'Fuzz hotel (synthetic)', city: '北京', scenes: scenes.length ? scenes : ['hotel'], publicKeyJwk };
      },
    },
    setTerminalEnabled: {
      weight: 3,
      make: (rng) => {
        const terminalId = k.terminalIds.length && rng.chance(0.7) ? rng.pick(k.terminalIds) : `vt_${rng.int(1e9)}`;
        return { action: 'setTerminalEnabled', assertion: assertion(), terminalId, enabled: rng.chance(0.5) };
      },
    },
    putUpgradeSite: {
      weight: 2,
      make: (rng) => ({
        action: 'putUpgradeSite',
        assertion: assertion(),
        id: `fuzz-site-${rng.int(20)}`,
        city: rng.pick(PILOT_CITY_CODES),
        name: '合成测试政务服务中心 (synthetic)',
        address: rng.pick(['天河路 1 号 (synthetic)', ...STRANGE_STRINGS.slice(9, 14)]),
        hours: { days: [1, 2, 3, 4, 5, 6, 7].filter(() => rng.chance(0.7)).concat(rng.chance(0.5) ? [] : [1]), opens: '09:00', closes: rng.pick(['17:30', '23:59']) },
        status: rng.chance(0.8) ? 'open' : 'closed',
      }),
    },
    // Rare: each rotation writes a key file, and every key stays in the JWKS for years.
    rotateIssuerKey: { weight: 0.2, make: () => ({ action: 'rotateIssuerKey', assertion: assertion() }) },
    onboardPartner: {
      weight: 1,
      make: (rng) => ({
        action: 'onboardPartner',
        assertion: assertion(),
        name: `合成测试合作方 ${rng.int(100)} (synthetic)`,
        creditCode: syntheticCreditCode(100 + rng.int(200)),
        contact: '信息科 (synthetic contact)',
        scopes: ['birthDate', 'fullName', 'region', 'cardLevel'].filter((_, i) => i === 0 || rng.chance(0.5)),
        domains: ['pension.example.gov.cn'],
        appIds: rng.chance(0.5) ? ['wx0123456789abcdef'] : [],
        publicKeyJwk: rng.pick(k.publicKeys),
      }),
    },
    listPartners: { weight: 0.5, make: () => ({ action: 'listPartners', assertion: assertion() }) },
    setPartnerStatus: {
      weight: 1,
      make: (rng) => ({
        action: 'setPartnerStatus',
        assertion: assertion(),
        partnerId: newest(k.partnerIds, rng) ?? `pt_${rng.int(1e6)}`,
        status: rng.chance(0.5) ? 'active' : 'suspended',
      }),
    },
    listTiles: { weight: 0.5, make: (rng) => ({ action: 'listTiles', assertion: assertion(), ...(rng.chance(0.5) && { status: rng.pick(['pending', 'approved']) }) }) },
    approveTile: { weight: 1.5, make: (rng) => ({ action: 'approveTile', ...reviewed(rng) }) },
    rejectTile: { weight: 1, make: (rng) => ({ action: 'rejectTile', ...reviewed(rng), reason: rng.pick(['目的不清 (synthetic)', 'Purpose unclear']) }) },
    suspendTile: {
      weight: 1,
      make: (rng) => {
        const { assertion, tileId } = reviewed(rng);
        return { action: 'suspendTile', assertion, tileId, suspended: rng.chance(0.5) };
      },
    },
  };
}

export function partnerTable(k: Known): Table<PartnerAction, []> {
  const assertion = () => signPartnerAssertion(k.partner, k.h.clock.now());
  return {
    // Every tile listing reads all the partner's tiles and versions: few submissions keep them few.
    submitTile: {
      weight: 0.5,
      make: (rng) => {
        const update = k.tiles.size && (k.tiles.size >= 8 || rng.chance(0.4)) ? { tileId: rng.pick([...k.tiles.keys()]) } : {};
        const manifest = pensionManifest({ minLevel: rng.chance(0.8) ? 'basic' : 'colour', ...(rng.chance(0.3) && { regions: ['440000'] }) });
        return { action: 'submitTile', assertion: assertion(), ...update, manifest };
      },
    },
    tileStatus: { weight: 1, make: (rng) => ({ action: 'tileStatus', assertion: assertion(), ...(rng.chance(0.5) && { tileId: rng.chance(0.5) ? k.steadyTileId : `tl_${rng.int(1e6)}` }) }) },
    exchange: {
      weight: 3,
      make: (rng) => ({
        action: 'exchange',
        assertion: assertion(),
        code: newest(k.codes, rng) ?? `code-${rng.int(1e6)}`,
        ...(rng.chance(0.3) && { scopes: ['verified', 'birthDate', 'fullName'].filter(() => rng.chance(0.6)) }),
      }),
    },
  };
}

/** An action's entry, drawn by the weights. */
export function pickEntry<Args extends unknown[]>(table: Record<string, Entry<Args>>, rng: Prng): Entry<Args> {
  const entries = Object.values(table);
  let roll = rng.next() * entries.reduce((sum, e) => sum + e.weight, 0);
  for (const entry of entries) {
    roll -= entry.weight;
    if (roll < 0) return entry;
  }
  return entries[entries.length - 1];
}

function typed(person: SyntheticPerson): Typed {
  return { name: person.name, idNumber: person.idNumber };
}
