/** Age from a birth date (YYYY-MM-DD), on the calendar in China (UTC+8). */
export function ageOn(birthDate: string, now: Date): number {
  const china = new Date(now.getTime() + 8 * 3600 * 1000);
  const [year, month, day] = birthDate.split('-').map(Number);
  const beforeBirthday = china.getUTCMonth() + 1 < month || (china.getUTCMonth() + 1 === month && china.getUTCDate() < day);
  return china.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}
