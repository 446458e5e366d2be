/** An ISO timestamp as a local calendar date, YYYY-MM-DD (how ID cards print validity). */
export function calendarDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An ISO timestamp as local date and time to the minute, YYYY-MM-DD HH:mm (usage, verification results). */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${calendarDate(iso)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An ISO timestamp as printed on an identity card's validity line: YYYY.MM.DD. */
export function cardDate(iso: string): string {
  return calendarDate(iso).replace(/-/g, '.');
}
