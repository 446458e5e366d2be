/** A holder at an upgrade terminal, as the verifier's upgrade tests need one. SYNTHETIC people. */
import type { CardView, PresentationView } from '../../core/api';
import type { TerminalCredential } from '../../server/clients/assertions';
import { expectOk, faceCheck, type Harness } from './harness';
import { enrolled, registerUpgradeTerminal } from './journeys';

/** A card password the rules accept (not one digit, not a run, not the synthetic people's birth dates). */
export const CARD_PASSWORD = '73920561';
/** A terminal's in-person check that passed: the physical ID card read, the live face matched. */
export const IN_PERSON_PASSED = { idCardRead: true, faceMatch: true } as const;

/** `openid` enrolled with a card password set, an upgrade terminal in a supported city, and the holder's upgrade code. */
export async function atUpgradeTerminal(h: Harness, openid = 'alice'): Promise<{ terminal: TerminalCredential; token: string }> {
  await enrolled(h, openid);
  const { answer } = await faceCheck(h, openid);
  expectOk(await h.call(openid, { action: 'setCardPassword', ...answer, password: CARD_PASSWORD }));
  const terminal = await registerUpgradeTerminal(h);
  const token = (expectOk(await h.call(openid, { action: 'presentUpgrade' })) as unknown as PresentationView).token;
  return { terminal, token };
}

/** The holder's card as the citizen function shows it, and how many wrong password tries it has used. */
export async function cardAndTries(h: Harness, openid = 'alice'): Promise<{ card: CardView; triesUsed: number | undefined }> {
  const card = (expectOk(await h.call(openid, { action: 'getCard' })) as unknown as { card: CardView }).card;
  return { card, triesUsed: (await h.emulator.deps.store.getCardPassword(card.cardId))?.triesUsed };
}
