/**
 * The services journey's hand-overs between pages, in memory only (URLs carry
 * no query): the tile whose consent screen is open, and, in WeChat, the web
 * page (with its one-time code) that the in-app browser page opens.
 */
let consentTile: string | null = null;
let webPage: string | null = null;

export function chooseTileForConsent(tileId: string): void {
  consentTile = tileId;
}

export function tileForConsent(): string | null {
  return consentTile;
}

export function handOverWebPage(url: string): void {
  webPage = url;
}

/** The page to open, once: a one-time code is not shown twice. */
export function takeWebPage(): string | null {
  const url = webPage;
  webPage = null;
  return url;
}
