/**
 * WeChat: full brightness while the code is shown (the earlier level is read
 * first and put back after), the screen kept on, the page hidden from
 * screenshots and recordings (setVisualEffectOnCapture, where the base
 * library has it), and a warning when a screenshot is taken anyway.
 */
import type { QrScreenSession } from './qr-screen';

type Outcome<T> = { ok: true; res: T } | { ok: false };

/** A wx call with success/fail callbacks as a promise that never rejects. */
function call<T>(run: (options: { success: (res: T) => void; fail: () => void }) => void): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    try {
      run({ success: (res) => resolve({ ok: true, res }), fail: () => resolve({ ok: false }) });
    } catch {
      resolve({ ok: false });
    }
  });
}

export async function enterQrScreen(onCapture: () => void): Promise<QrScreenSession> {
  const before = await call<{ value: number }>((options) => wx.getScreenBrightness(options));
  const brightened = before.ok && (await call((options) => wx.setScreenBrightness({ value: 1, ...options }))).ok;
  const keptOn = (await call((options) => wx.setKeepScreenOn({ keepScreenOn: true, ...options }))).ok;
  const protectable = typeof wx.setVisualEffectOnCapture === 'function';
  const protectedNow = protectable && (await call((options) => wx.setVisualEffectOnCapture({ visualEffect: 'hidden', ...options }))).ok;
  const captured = () => onCapture();
  wx.onUserCaptureScreen(captured);

  let left = false;
  return {
    abilities: { brightness: brightened, keepOn: keptOn, captureProtection: protectedNow },
    leave: () => {
      if (left) return;
      left = true;
      wx.offUserCaptureScreen(captured);
      if (brightened && before.ok) void call((options) => wx.setScreenBrightness({ value: before.res.value, ...options }));
      if (keptOn) void call((options) => wx.setKeepScreenOn({ keepScreenOn: false, ...options }));
      if (protectedNow) void call((options) => wx.setVisualEffectOnCapture({ visualEffect: 'none', ...options }));
    },
  };
}
