/**
 * Simulator: upgrade as the emulator's SIMULATED upgrade terminal (emulator-only
 * route /dev/upgrade-as-demo-terminal). The password travels only in the POST
 * body, never in the URL.
 */
import type { Result, UpgradeView } from '../../core/api';
import type { TerminalUpgradeRequest } from './terminal-upgrade';

export async function upgradeAtTerminal(request: TerminalUpgradeRequest): Promise<Result<UpgradeView>> {
  const response = await fetch('/dev/upgrade-as-demo-terminal', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new Error(`Emulator answered HTTP ${response.status}`);
  return (await response.json()) as Result<UpgradeView>;
}
