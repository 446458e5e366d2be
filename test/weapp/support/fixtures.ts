/** What the weapp page tests' fakes of the citizen function answer with: the masked card of the SYNTHETIC 李明华 and a simulated face challenge. */
import type { CardView, FaceChallengeView } from '../../../core/api';

/** The SYNTHETIC 李明华's basic, active card (masked, as the function answers it), with `changes` over it. */
export function syntheticCard(changes: Partial<CardView> = {}): CardView {
  return {
    cardId: 'card-synthetic-1',
    level: 'basic',
    status: 'active',
    maskedName: '*明华',
    maskedIdNumber: '110***********1239',
    issuedAt: '2026-11-28T00:00:00.000Z',
    expiresAt: '2031-11-28T00:00:00.000Z',
    issuerSignature: 'x.y.z',
    keyId: 'issuer-key-1',
    ...changes,
  };
}

/** A SIMULATED liveness challenge, with `changes` over it. */
export function faceChallenge(changes: Partial<FaceChallengeView> = {}): FaceChallengeView {
  return {
    sessionId: 'face-session-1',
    expiresAt: '2099-01-01T00:00:00.000Z',
    actions: ['blink', 'turn_right'],
    digits: '4817',
    attemptsLeft: 3,
    authority: 'SIMULATED identity authority',
    ...changes,
  };
}
