/**
 * The browser simulator cannot change the screen's brightness or stop a
 * screenshot; the QR panel says so. It keeps the screen on with the Screen
 * Wake Lock API where the browser offers it.
 */
import type { QrScreenSession } from './qr-screen';

interface WakeLockSentinelLike {
  release: () => Promise<void>;
}

export async function enterQrScreen(_onCapture: () => void): Promise<QrScreenSession> {
  let lock: WakeLockSentinelLike | undefined;
  try {
    const wakeLock = (navigator as { wakeLock?: { request: (type: 'screen') => Promise<WakeLockSentinelLike> } }).wakeLock;
    lock = await wakeLock?.request('screen');
  } catch {
    lock = undefined;
  }
  return {
    abilities: { brightness: false, keepOn: lock !== undefined, captureProtection: false },
    leave: () => {
      void lock?.release().catch(() => undefined);
      lock = undefined;
    },
  };
}
