/** Page paths. URLs carry no query: personal data stays in memory (src/state). */
export const ROUTES = {
  cards: '/pages/cards/index',
  enroll: '/pages/enroll/index',
  consent: '/pages/consent/index',
  face: '/pages/face/index',
  result: '/pages/result/index',
  card: '/pages/card/index',
  usage: '/pages/usage/index',
  manage: '/pages/manage/index',
  upgrade: '/pages/upgrade/index',
  upgradeSites: '/pages/upgrade/sites/index',
  staff: '/pages/staff/index',
  upgradeTerminal: '/pages/staff/upgrade/index',
  services: '/pages/services/index',
  serviceConsent: '/pages/services/consent/index',
  grants: '/pages/services/grants/index',
  serviceOpen: '/pages/services/open/index',
} as const;

export type PageName = keyof typeof ROUTES;
