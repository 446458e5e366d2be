/**
 * The screen while a QR code is on it, as a real ID app treats it: brighter
 * for scanners, kept on, and hidden from screenshots and recordings where
 * the platform allows. Taro picks qr-screen.weapp.ts or qr-screen.h5.ts;
 * this one serves the type checker and platforms that can do none of it.
 */

/** What this platform does while a code is shown; the h5 simulator says what it cannot. */
export interface QrScreenAbilities {
  brightness: boolean;
  keepOn: boolean;
  captureProtection: boolean;
}

export interface QrScreenSession {
  abilities: QrScreenAbilities;
  /** Restores everything the session changed. Safe to call twice. */
  leave: () => void;
}

/** `onCapture` runs when the person takes a screenshot while the code is shown. */
export async function enterQrScreen(_onCapture: () => void): Promise<QrScreenSession> {
  return { abilities: { brightness: false, keepOn: false, captureProtection: false }, leave: () => undefined };
}
