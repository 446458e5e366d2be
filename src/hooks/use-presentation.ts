/**
 * The QR code for one scene over time: asks for a token, shows it until
 * shortly before it runs out, renews it, and says when a face check or
 * something else stands in the way. Every timer stops on stop(), pause() and
 * unmount; answers that arrive after that are dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { Failure } from '../../core/api';
import type { Scene } from '../../core/scenes';
import { api } from '../api/client';

/** Renew this long before the code runs out, so staff never scan a dying code. */
const RENEW_BEFORE_MS = 10_000;
/** After a renewal that failed on the way (network), try again this soon while the old code still holds. */
const RETRY_MS = 3_000;

export type QrState =
  | { kind: 'none' }
  | { kind: 'loading'; scene: Scene }
  | { kind: 'shown'; scene: Scene; token: string; deadline: number; renewal: 'idle' | 'running' | 'retrying' }
  | { kind: 'expired'; scene: Scene }
  /**
   * A face check stands in the way. Right after choosing the scene the check
   * starts at once ('checking'); when a renewal needed one, the code
   * disappears and the citizen is asked first ('prompt').
   */
  | { kind: 'face_check'; scene: Scene; stage: 'prompt' | 'checking' }
  | { kind: 'failed'; scene: Scene; failure: Failure };

export interface Presentation {
  state: QrState;
  /** Shows the scene's code, replacing whatever was shown. */
  show: (scene: Scene) => void;
  /** Back to choosing a scene. */
  stop: () => void;
  /** The citizen agreed to the face check they were asked for. */
  startFaceCheck: () => void;
  /** Stops like stop(), and returns the scene whose code was on screen (to show it again later). */
  pause: () => Scene | null;
}

export function usePresentation(): Presentation {
  const [state, setState] = useState<QrState>({ kind: 'none' });
  const stateRef = useRef<QrState>(state);
  const generation = useRef(0);
  const timers = useRef<Array<ReturnType<typeof setTimeout>>>([]);

  const update = (next: QrState) => {
    stateRef.current = next;
    setState(next);
  };
  const clearTimers = () => {
    timers.current.forEach(clearTimeout);
    timers.current = [];
  };
  const after = (ms: number, run: () => void) => {
    timers.current.push(setTimeout(run, Math.max(0, ms)));
  };
  /** Drops every pending timer and every answer still on its way. */
  const halt = () => {
    generation.current++;
    clearTimers();
  };

  const request = async (scene: Scene, renewing: boolean, run: number) => {
    // The token lives on the server from after this moment, so a deadline counted from here is never late.
    const requestedAt = Date.now();
    const result = await api.present({ scene });
    if (run !== generation.current) return;
    if (result.ok) {
      const lifetime = Date.parse(result.expiresAt) - Date.parse(result.issuedAt);
      const deadline = requestedAt + lifetime;
      clearTimers();
      update({ kind: 'shown', scene, token: result.token, deadline, renewal: 'idle' });
      after(deadline - Math.min(RENEW_BEFORE_MS, lifetime / 2) - Date.now(), () => renew(scene, run));
      after(deadline - Date.now(), () => expire(scene, run));
      return;
    }
    if (result.code === 'REAUTH_REQUIRED') {
      halt();
      update({ kind: 'face_check', scene, stage: renewing ? 'prompt' : 'checking' });
      return;
    }
    const current = stateRef.current;
    if (renewing && result.code === 'INTERNAL' && current.kind === 'shown') {
      // The old code still holds until its expiry timer fires; keep trying until then.
      update({ ...current, renewal: 'retrying' });
      after(RETRY_MS, () => renew(scene, run));
      return;
    }
    halt();
    update({ kind: 'failed', scene, failure: result });
  };

  const renew = (scene: Scene, run: number) => {
    const current = stateRef.current;
    if (run !== generation.current || current.kind !== 'shown') return;
    update({ ...current, renewal: 'running' });
    void request(scene, true, run);
  };

  const expire = (scene: Scene, run: number) => {
    if (run !== generation.current) return;
    halt();
    update({ kind: 'expired', scene });
  };

  const show = (scene: Scene) => {
    halt();
    update({ kind: 'loading', scene });
    void request(scene, false, generation.current);
  };

  const stop = () => {
    halt();
    update({ kind: 'none' });
  };

  const startFaceCheck = () => {
    const current = stateRef.current;
    if (current.kind === 'face_check') update({ ...current, stage: 'checking' });
  };

  const pause = (): Scene | null => {
    const current = stateRef.current;
    stop();
    return current.kind === 'loading' || current.kind === 'shown' ? current.scene : null;
  };

  useEffect(() => halt, []);

  return { state, show, stop, startFaceCheck, pause };
}
