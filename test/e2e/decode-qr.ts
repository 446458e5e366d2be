/** Reads a QR code from a screenshot with an independent decoder (jsQR), as a terminal's camera would. */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}
