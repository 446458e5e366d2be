/**
 * Opening a tile: a grant that already covers it gives a one-time code at
 * once; otherwise the consent screen comes first. The code then goes to the
 * target (src/platform/open-target). The services page and the consent page
 * share this, so the two ways in end the same way.
 */
import { useState } from 'react';
import type { Failure } from '../../core/api';
import { failure } from '../../core/failure';
import type { AuthorizeEvent } from '../../core/services-schemas';
import { api } from '../api/client';
import { goTo } from '../navigation/navigation';
import { openTarget } from '../platform/open-target';
import { chooseTileForConsent } from '../state/service-choice';

export type OpenState =
  | { kind: 'idle' }
  | { kind: 'opening'; tileId: string }
  | { kind: 'failed'; tileId: string; failure: Failure }
  | { kind: 'mini_program_only'; tileId: string };

export interface OpenTile {
  state: OpenState;
  /** From the services page: straight to the service when a grant covers it, else to the consent screen. */
  open: (tileId: string) => Promise<void>;
  /** From the consent screen: the citizen's answer becomes a grant and the service opens. */
  authorizeAndOpen: (tileId: string, consent: NonNullable<AuthorizeEvent['consent']>) => Promise<void>;
}

export function useOpenTile(): OpenTile {
  const [state, setState] = useState<OpenState>({ kind: 'idle' });

  const toConsent = (tileId: string) => {
    chooseTileForConsent(tileId);
    setState({ kind: 'idle' });
    goTo('serviceConsent');
  };

  const authorizeThenOpen = async (tileId: string, consent?: NonNullable<AuthorizeEvent['consent']>) => {
    const authorization = await api.authorize({ tileId, ...(consent && { consent }) });
    if (!authorization.ok) {
      if (authorization.code === 'CONSENT_REQUIRED' && authorization.reason === 'no_grant') return toConsent(tileId);
      return setState({ kind: 'failed', tileId, failure: authorization });
    }
    const outcome = await openTarget(authorization.target, authorization.code);
    if (outcome.kind === 'unsupported') setState({ kind: 'mini_program_only', tileId });
    else if (outcome.kind === 'failed') setState({ kind: 'failed', tileId, failure: failure('INTERNAL') });
    else setState({ kind: 'idle' });
  };

  return {
    state,
    open: async (tileId) => {
      setState({ kind: 'opening', tileId });
      const consent = await api.getTileConsent({ tileId });
      if (!consent.ok) return setState({ kind: 'failed', tileId, failure: consent });
      if (!consent.grant) return toConsent(tileId);
      await authorizeThenOpen(tileId);
    },
    authorizeAndOpen: async (tileId, consent) => {
      setState({ kind: 'opening', tileId });
      await authorizeThenOpen(tileId, consent);
    },
  };
}
