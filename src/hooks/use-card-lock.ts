/**
 * The card's lock (DESIGN.md §2, journey 2): locked until the device unlocks
 * it, or a face check does when the device cannot. Away from the page longer
 * than the grace period (another app, the lock screen), it locks again.
 */
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { UNLOCK_METHOD, unlockDevice, type FallbackReason } from '../platform/unlock';

export type Lock =
  | { state: 'locked'; cancelled?: boolean }
  | { state: 'checking' }
  /** Opening with a face check: the device could not unlock (reason), or the citizen chose to. */
  | { state: 'face'; reason?: FallbackReason }
  | { state: 'open' };

/** Away from the page longer than this, the card locks again. */
const UNLOCK_GRACE_MS = 60_000;

export interface CardLock {
  lock: Lock;
  /** Whether the card is open now (not as of the last render): for answers that arrive later. */
  isOpen: () => boolean;
  /** The device unlock, or straight to a face check where the platform has none. */
  unlock: () => Promise<void>;
  unlockByFace: () => void;
  /** The face check passed. */
  open: () => void;
  /** The face check was cancelled. */
  relock: () => void;
}

/** `onLockedAgain` runs when a return to the page after the grace period locks the card. */
export function useCardLock(onLockedAgain: () => void): CardLock {
  const [lock, setLock] = useState<Lock>({ state: 'locked' });
  const lockRef = useRef<Lock>(lock);
  const hiddenAt = useRef<number | null>(null);

  /** Read through a function: the lock changes while an unlock awaits, which narrowing on the ref would hide. */
  const currentLock = (): Lock => lockRef.current;
  const change = (next: Lock) => {
    lockRef.current = next;
    setLock(next);
  };

  useDidShow(() => {
    const away = hiddenAt.current === null ? 0 : Date.now() - hiddenAt.current;
    hiddenAt.current = null;
    if (away > UNLOCK_GRACE_MS) {
      change({ state: 'locked' });
      onLockedAgain();
    }
  });

  useDidHide(() => {
    hiddenAt.current = Date.now();
  });

  const unlock = async () => {
    // Already open, or a device unlock already asking: one prompt at a time.
    if (currentLock().state === 'open' || currentLock().state === 'checking') return;
    if (UNLOCK_METHOD === 'face_check') {
      change({ state: 'face' });
      return;
    }
    change({ state: 'checking' });
    const outcome = await unlockDevice();
    if (currentLock().state !== 'checking') return;
    if (outcome.kind === 'unlocked') change({ state: 'open' });
    else if (outcome.kind === 'cancelled') change({ state: 'locked', cancelled: true });
    else change({ state: 'face', reason: outcome.reason });
  };

  return {
    lock,
    isOpen: () => lockRef.current.state === 'open',
    unlock,
    unlockByFace: () => change({ state: 'face' }),
    open: () => change({ state: 'open' }),
    relock: () => change({ state: 'locked' }),
  };
}
