/** Use cases: register and enable or disable terminals, the verifiers' registered devices (admin journey). */
import { EidError } from '../../core/errors';
import type { RegisterTerminalEvent } from '../../core/schemas';
import type { Deps } from './deps';

export async function registerTerminal(
  deps: Deps,
  { organisation, city, scenes, publicKeyJwk }: Omit<RegisterTerminalEvent, 'action' | 'assertion'>,
): Promise<{ terminalId: string }> {
  const terminalId = `vt_${deps.random.token(12)}`;
  await deps.store.insertTerminal({
    id: terminalId,
    organisation: organisation.trim(),
    city: city.trim(),
    scenes: [...new Set(scenes)],
    publicKeyJwk,
    enabled: true,
    createdAt: deps.clock.now(),
  });
  return { terminalId };
}

export async function setTerminalEnabled(deps: Deps, terminalId: string, enabled: boolean) {
  if (!(await deps.store.setTerminalEnabled(terminalId, enabled))) throw new EidError('VERIFIER_UNKNOWN');
  return { terminalId, enabled };
}
