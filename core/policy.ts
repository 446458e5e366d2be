/**
 * Every policy number in one place: how long things live, how often one may
 * fail, how far clocks may disagree. The domain, the functions, the token
 * checks and the mini-program read them from here, so a change is one edit.
 */

/** A presentation token (the QR code) is valid at most this long after it is issued. */
export const PRESENTATION_MAX_LIFETIME_SECONDS = 60;

/** How far a verifier's or a terminal's clock may be off, for every time check (tokens and assertions). */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** A face check of the holder counts for showing QR codes this long. */
export const REAUTH_VALID_SECONDS = 300;

/** A face session lives this long and allows this many attempts. */
export const FACE_SESSION_TTL_SECONDS = 120;
export const FACE_SESSION_MAX_ATTEMPTS = 3;

/** A basic card is valid this many years from issue. */
export const BASIC_CARD_VALIDITY_YEARS = 5;

/** Terminal and admin assertions: at most this long from `iat` to `exp`. */
export const ASSERTION_MAX_AGE_SECONDS = 300;

/** Failed identity checks: at most this many per rate-limit key within the window. */
export const FAILURE_LIMIT = 5;
export const FAILURE_WINDOW_SECONDS = 60 * 60;

/** Usage records come in pages of this size by default, and never more than the maximum. */
export const USAGE_PAGE_SIZE = 20;
export const USAGE_PAGE_SIZE_MAX = 50;

/** Who an assertion is for (its `aud`): terminals call the verifier function, administrators the admin function. */
export const ASSERTION_AUDIENCE = {
  terminal: 'e-id-verifier',
  admin: 'e-id-admin',
} as const;
