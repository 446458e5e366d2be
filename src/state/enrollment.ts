/**
 * The enrollment draft lives only in memory: personal data never goes into a
 * URL, storage or a log. A reload loses it on purpose; pages then send the
 * citizen back to the start.
 */
import type { HeldChallenge } from '../api/face-session';

export interface EnrollmentDraft {
  /** Normalised, as core/name and core/id-number returned them. */
  name: string;
  idNumber: string;
  consent: boolean;
  challenge?: HeldChallenge;
  /** `move`: the identity's card lives in another account and the face check moves it here (journey 6). */
  purpose?: 'enroll' | 'move';
}

let draft: EnrollmentDraft | null = null;

export function currentDraft(): Readonly<EnrollmentDraft> | null {
  return draft;
}

/** New or corrected details: any earlier consent and challenge no longer apply. */
export function startDraft(name: string, idNumber: string): void {
  draft = { name, idNumber, consent: false };
}

export function giveConsent(): void {
  if (draft) draft.consent = true;
}

export function holdChallenge(challenge: HeldChallenge | undefined): void {
  if (draft) draft.challenge = challenge;
}

/** The same details, now to move the identity's card from another account: a fresh face session follows. */
export function startMove(): void {
  if (draft) draft = { ...draft, purpose: 'move', challenge: undefined };
}

export function clearDraft(): void {
  draft = null;
}
