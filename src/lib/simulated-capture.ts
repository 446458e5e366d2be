/**
 * What the face step sends as `faceCapture` until a face verification adapter
 * exists: a marker, never an image. The id only tells attempts apart in logs
 * of the simulated authority; it is not a secret, so Math.random is enough
 * where the platform has no synchronous crypto (weapp).
 */
export function simulatedCapture(): string {
  const bytes = new Uint8Array(12);
  const cryptoApi = (globalThis as { crypto?: Crypto }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return 'simulated-capture:' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
