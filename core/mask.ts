/** Masked display of personal data: enough to recognise, not enough to use. */

/** 11010519491231002X → 110***********002X */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 7) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 3) + '*'.repeat(idNumber.length - 7) + idNumber.slice(-4);
}

/**
 * The family name hidden, the given name shown, the way Chinese apps mask
 * names: 李明华 → *明华, 张三 → *三, 吴𠮷祥 → *𠮷祥. A name in parts (a
 * minority name joined by a middle dot, a Latin name) hides its first part:
 * 艾力·吐尔逊 → **·吐尔逊, ANNA-MARIA SCHMIDT → ****-***** SCHMIDT. One
 * character → *.
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  const partEnd = chars.findIndex((c) => c === '\u00B7' || c === ' ');
  const hidden = partEnd > 0 ? partEnd : 1;
  return chars.map((c, i) => (i < hidden && c !== '-' ? '*' : c)).join('');
}
