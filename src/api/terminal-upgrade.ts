/**
 * How the upgrade terminal page submits an upgrade. A registered upgrade
 * terminal signs its requests with its own key; the mini-program holds no
 * such key, so only the simulator (h5) can upgrade, as its SIMULATED upgrade terminal.
 */
import type { Result, UpgradeView } from '../../core/api';
import { failure } from '../../core/failure';
import type { UpgradeEvent } from '../../core/schemas';

/** What the upgrade terminal sends: the scanned code, its own in-person check, and the password typed on its keypad. */
export type TerminalUpgradeRequest = Pick<UpgradeEvent, 'token' | 'password' | 'inPersonCheck'>;

export async function upgradeAtTerminal(_request: TerminalUpgradeRequest): Promise<Result<UpgradeView>> {
  return failure('VERIFIER_UNKNOWN', { reason: 'no_terminal_credential' });
}
