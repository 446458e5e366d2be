/** The QR version a token needs in alphanumeric mode at error correction M (qrcode-generator picks the smallest). */
import qrcode from 'qrcode-generator';

export function qrVersion(token: string): number {
  const qr = qrcode(0, 'M');
  qr.addData(token, 'Alphanumeric');
  qr.make();
  return (qr.getModuleCount() - 17) / 4;
}
