/**
 * A QR code as dark and light modules, drawn on the device: no image ever
 * comes from a server. Both platforms' QR components draw through here.
 */
import qrcode from 'qrcode-generator';

/** The standard's minimum margin of light modules around the symbol. */
const QUIET_ZONE_MODULES = 4;

/** QR alphanumeric mode's character set; Base45 tokens use exactly these, which keeps the symbol small. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

export interface QrMatrix {
  /** Modules per side, quiet zone included. */
  size: number;
  isDark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const code = qrcode(0, 'M');
  code.addData(text, ALPHANUMERIC.test(text) ? 'Alphanumeric' : 'Byte');
  code.make();
  const count = code.getModuleCount();
  const inside = (i: number) => i >= QUIET_ZONE_MODULES && i < QUIET_ZONE_MODULES + count;
  return {
    size: count + 2 * QUIET_ZONE_MODULES,
    isDark: (row, col) => inside(row) && inside(col) && code.isDark(row - QUIET_ZONE_MODULES, col - QUIET_ZONE_MODULES),
  };
}

/** What drawing needs of a 2D context; the browser's and WeChat's canvas both have it. */
export interface Paint2D {
  fillStyle: unknown;
  fillRect(x: number, y: number, width: number, height: number): void;
}

/**
 * Black modules on white, filling a square of `sidePx` device pixels. Module
 * edges are rounded to whole pixels and dark runs drawn as one rectangle, so
 * no hairline seams appear between neighbouring modules.
 */
export function drawQr(context: Paint2D, matrix: QrMatrix, sidePx: number): void {
  const edge = (i: number) => Math.round((i * sidePx) / matrix.size);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, sidePx, sidePx);
  context.fillStyle = '#000000';
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.isDark(row, col)) col++;
      context.fillRect(edge(start), edge(row), edge(col) - edge(start), edge(row + 1) - edge(row));
    }
  }
}
