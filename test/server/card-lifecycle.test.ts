/**
 * The card's one state machine, transition by transition, allowed and refused,
 * at frozen instants. No store: the machine is a pure function of the card and the time.
 */
import { CARD_TRANSITIONS, type CardStatus, type CardTransition } from '../../core/card';
import { EidError } from '../../core/errors';
import { RENEWAL_WINDOW_DAYS } from '../../core/policy';
import { cardState, nextStatus, renewalOpensAt } from '../../server/domain/card-lifecycle';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-28T08:00:00Z');
const card = (status: CardStatus, expiresInDays = 1000) => ({ status, expiresAt: new Date(NOW.getTime() + expiresInDays * DAY) });

function refusal(run: () => unknown): { code: string; reason?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof EidError) return { code: error.code, reason: error.reason };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('card state', () => {
  it('is the stored status until the validity ends, then expired (active or suspended); revoked stays revoked', () => {
    expect(cardState(card('active'), NOW)).toBe('active');
    expect(cardState(card('suspended'), NOW)).toBe('suspended');
    expect(cardState(card('active', 0), NOW)).toBe('expired');
    expect(cardState(card('suspended', -1), NOW)).toBe('expired');
    expect(cardState(card('revoked', -1), NOW)).toBe('revoked');
  });
});

describe('allowed transitions', () => {
  it.each<[CardStatus, CardTransition, CardStatus]>([
    ['active', 'report_lost', 'suspended'],
    ['suspended', 'reinstate', 'active'],
    ['active', 'revoke', 'revoked'],
    ['suspended', 'revoke', 'revoked'],
  ])('%s --%s--> %s', (from, transition, to) => {
    expect(nextStatus(card(from), transition, NOW)).toBe(to);
  });

  it('revokes an expired card too, so its holder can always have the personal data deleted', () => {
    expect(nextStatus(card('active', -1), 'revoke', NOW)).toBe('revoked');
  });

  it('renews an expired card, active or reported lost when it expired: the window does not close at expiry', () => {
    expect(nextStatus(card('active', 0), 'renew', NOW)).toBe('active');
    expect(nextStatus(card('suspended', -400), 'renew', NOW)).toBe('active');
  });

  it(`renews an active card from ${RENEWAL_WINDOW_DAYS} days before expiry up to the last instant`, () => {
    const c = card('active', RENEWAL_WINDOW_DAYS);
    expect(renewalOpensAt(c)).toEqual(NOW);
    expect(nextStatus(c, 'renew', NOW)).toBe('active');
    expect(nextStatus(card('active', 1), 'renew', NOW)).toBe('active');
  });
});

describe('refused transitions, each with its own code and the transition as reason', () => {
  it.each<[string, string, ReturnType<typeof card>, CardTransition]>([
    ['report lost twice', 'CARD_ALREADY_SUSPENDED', card('suspended'), 'report_lost'],
    ['report lost after expiry', 'CARD_EXPIRED', card('active', -1), 'report_lost'],
    ['report lost after revocation', 'CARD_REVOKED', card('revoked'), 'report_lost'],
    ['reinstate an active card', 'CARD_NOT_SUSPENDED', card('active'), 'reinstate'],
    ['reinstate after expiry', 'CARD_EXPIRED', card('suspended', -1), 'reinstate'],
    ['reinstate a revoked card', 'CARD_REVOKED', card('revoked'), 'reinstate'],
    ['revoke twice', 'CARD_REVOKED', card('revoked'), 'revoke'],
    ['renew a suspended card', 'CARD_SUSPENDED', card('suspended', 10), 'renew'],
    ['renew a revoked card', 'CARD_REVOKED', card('revoked', 10), 'renew'],
    ['renew one day before the window opens', 'RENEWAL_NOT_OPEN', card('active', RENEWAL_WINDOW_DAYS + 1), 'renew'],
  ])('%s → %s', (_name, code, c, transition) => {
    expect(refusal(() => nextStatus(c, transition, NOW))).toEqual({ code, reason: transition });
  });

  // The whole machine, restated as the issue and DESIGN.md journey 6 give it: every transition from every
  // state (in its renewal window, so that renew answers by state alone), and exactly what it answers.
  const STATES = { active: card('active', 30), suspended: card('suspended', 30), expired: card('active', -1), revoked: card('revoked', 30) } as const;
  const WHOLE_MACHINE: Record<CardTransition, Record<keyof typeof STATES, string>> = {
    report_lost: { active: 'suspended', suspended: 'CARD_ALREADY_SUSPENDED', expired: 'CARD_EXPIRED', revoked: 'CARD_REVOKED' },
    reinstate: { active: 'CARD_NOT_SUSPENDED', suspended: 'active', expired: 'CARD_EXPIRED', revoked: 'CARD_REVOKED' },
    revoke: { active: 'revoked', suspended: 'revoked', expired: 'revoked', revoked: 'CARD_REVOKED' },
    renew: { active: 'active', suspended: 'CARD_SUSPENDED', expired: 'active', revoked: 'CARD_REVOKED' },
    upgrade: { active: 'active', suspended: 'CARD_SUSPENDED', expired: 'CARD_EXPIRED', revoked: 'CARD_REVOKED' },
    move: { active: 'revoked', suspended: 'revoked', expired: 'revoked', revoked: 'CARD_REVOKED' },
  };

  it.each(CARD_TRANSITIONS.flatMap((transition) => (Object.keys(STATES) as Array<keyof typeof STATES>).map((state) => [transition, state] as const)))(
    'every transition from every state: %s from %s',
    (transition, state) => {
      const expected = WHOLE_MACHINE[transition][state];
      const outcome = (() => {
        try {
          return nextStatus(STATES[state], transition, NOW);
        } catch (error) {
          if (!(error instanceof EidError)) throw error;
          expect(error.reason).toBe(transition);
          return error.code;
        }
      })();
      expect(outcome).toBe(expected);
    },
  );
});
