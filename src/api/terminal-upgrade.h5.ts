/**
 * Simulator: upgrade as the emulator's SIMULATED upgrade terminal (emulator-only
 * route /dev/upgrade-as-demo-terminal). The password travels only in the POST
 * body, never in the URL.
 */
import type { Result, UpgradeView } from '../../core/api';
import { postDevRoute } from './dev-route.h5';
import type { TerminalUpgradeRequest } from './terminal-upgrade';

export function upgradeAtTerminal(request: TerminalUpgradeRequest): Promise<Result<UpgradeView>> {
  return postDevRoute<UpgradeView>('upgrade-as-demo-terminal', request);
}
