/**
 * The directory of places with a registered upgrade terminal (journey 4):
 * admin-managed data that the citizen's page lists by city, saying which are
 * open now. Cities are GB/T 2260 codes; opening hours are China Standard Time
 * (UTC+8, no daylight saving), whatever the device's own zone.
 */

/** The pilot cities by GB/T 2260 code. */
export const PILOT_CITIES = {
  '440100': { zh: '广州', en: 'Guangzhou' },
  '440600': { zh: '佛山', en: 'Foshan' },
  '350200': { zh: '厦门', en: 'Xiamen' },
  '110000': { zh: '北京', en: 'Beijing' },
  '610100': { zh: '西安', en: "Xi'an" },
  '330300': { zh: '温州', en: 'Wenzhou' },
} as const;
export type PilotCity = keyof typeof PILOT_CITIES;
/** In the pilot's order (Object.keys would sort these integer-like keys numerically). */
export const PILOT_CITY_CODES: readonly PilotCity[] = ['440100', '440600', '350200', '110000', '610100', '330300'];

export const LISTING_STATUSES = ['open', 'closed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Weekly opening hours: on these ISO weekdays (1 Monday … 7 Sunday), from `opens` to `closes`, HH:MM in UTC+8. */
export interface OpeningHours {
  days: number[];
  opens: string;
  closes: string;
}

export interface UpgradeSiteView {
  id: string;
  city: string;
  name: string;
  address: string;
  hours: OpeningHours;
  /** `closed`: out of service for now, whatever the hours. */
  status: ListingStatus;
  /** Open at the moment the list was made: in service, on an opening day, within the hours. */
  openNow: boolean;
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Whether hours in UTC+8 include the instant `now`. */
export function isWithinHours(hours: OpeningHours, now: Date): boolean {
  const local = new Date(now.getTime() + CST_OFFSET_MS);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  if (!hours.days.includes(weekday)) return false;
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return minutes >= toMinutes(hours.opens) && minutes < toMinutes(hours.closes);
}
