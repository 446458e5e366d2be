/**
 * The code's text is for the browser simulator only (simulator-code.h5.tsx),
 * so testers can paste it into the staff page. On a phone the QR is the only
 * way the code leaves the screen.
 */
import type { Props } from './types';

export function SimulatorCode(_props: Props) {
  return null;
}
