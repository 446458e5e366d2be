/** Masked display of personal data: enough to recognise, not enough to use. */

/** 11010519491231002X → 110***********002X */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 7) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 3) + '*'.repeat(idNumber.length - 7) + idNumber.slice(-4);
}

/** Every character but the last becomes *, middle dots and spaces stay: 张三 → *三, 艾力·买买提 → **·**提. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.map((c, i) => (i === chars.length - 1 && chars.length > 1) || c === '\u00B7' || c === ' ' || c === '-' ? c : '*').join('');
}
