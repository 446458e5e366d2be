/**
 * Issue 11, the emulator's edge: what `npm start` says about itself. The
 * simulated citizen identity is a plain header, so the startup log must say
 * plainly who can use it, and label the route that returns personal data.
 */
import { startEmulator, type RunningEmulator } from '../support/emulator-process';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
}, 30000);
afterAll(() => emulator.stop());

it('the emulator’s edge: the startup log says that any local process can act as any simulated citizen, and binds to 127.0.0.1 only', () => {
  const output = emulator.output();
  expect(output).toMatch(/any local process can act as any simulated citizen/);
  expect(output).toMatch(/X-Dev-Openid/);
  expect(output).toMatch(/127\.0\.0\.1 only/);
  expect(emulator.baseUrl.startsWith('http://127.0.0.1:')).toBe(true);
});

it('the emulator’s edge: the startup log labels /dev/verify-as-demo-terminal as a simulator-only route that returns full names and ID numbers', () => {
  const line = emulator.output().split('\n').find((l) => l.includes('/dev/verify-as-demo-terminal'));
  expect(line).toBeDefined();
  expect(line).toMatch(/simulator-only/i);
  expect(line).toMatch(/full names and ID numbers/);
});

it('the emulator’s edge: the startup log labels /dev/upgrade-as-demo-terminal as a simulator-only route', () => {
  const line = emulator.output().split('\n').find((l) => l.includes('/dev/upgrade-as-demo-terminal'));
  expect(line).toMatch(/simulator-only/i);
});
