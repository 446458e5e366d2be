/**
 * The one-tap QR (出示): which scene to show a code for when the citizen asks
 * from the card package, and whether they just asked. The last scene is kept
 * on the device (a scene name is not personal data); the request lives in
 * memory only, for the card page to pick up once.
 */
import Taro from '@tarojs/taro';
import { PRESENTABLE_SCENES, type Scene } from '../../core/scenes';

const STORAGE_KEY = 'eid.lastScene';
let presentRequested = false;

/** The scene last shown, or the first presentable one (hotel) before any. */
export function lastScene(allowed: readonly Scene[] = PRESENTABLE_SCENES): Scene {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    stored = undefined;
  }
  const found = allowed.find((scene) => scene === stored);
  return found ?? allowed[0] ?? PRESENTABLE_SCENES[0];
}

export function rememberScene(scene: Scene): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, scene);
  } catch {
    // Not kept: the next 出示 starts from the default scene.
  }
}

/** The card package's 出示: the card page shows the code as soon as it is open. */
export function requestPresentation(): void {
  presentRequested = true;
}

/** Whether 出示 was asked for since the last call (asked once, answered once). */
export function takePresentationRequest(): boolean {
  const requested = presentRequested;
  presentRequested = false;
  return requested;
}
