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

/** A card can be renewed (a fresh face check; it keeps its level) only within this many days before it expires. */
export const RENEWAL_WINDOW_DAYS = 90;

/** Wrong card passwords: this many lock password use for CARD_PASSWORD_LOCK_SECONDS, or until a face check of the holder unlocks it. */
export const CARD_PASSWORD_MAX_TRIES = 5;
export const CARD_PASSWORD_LOCK_SECONDS = 24 * 60 * 60;

/** A person's card can move to another account at most this many times within the window (journey 6). */
export const CARD_MOVE_LIMIT = 3;
export const CARD_MOVE_WINDOW_DAYS = 30;

/**
 * After a rotation the old issuer key stays in the JWKS this long: every card
 * it signed (valid BASIC_CARD_VALIDITY_YEARS, leap days included) and every
 * code (a minute) is past its life by then; then it leaves.
 */
export const ISSUER_KEY_OVERLAP_DAYS = BASIC_CARD_VALIDITY_YEARS * 366 + 1;

/** Terminal and admin assertions: at most this long from `iat` to `exp`. */
export const ASSERTION_MAX_AGE_SECONDS = 300;

/** Failed identity checks: at most this many per caller within the window (server/domain/rate-limit.ts). */
export const FAILURE_LIMIT = 5;
export const FAILURE_WINDOW_SECONDS = 60 * 60;

/**
 * An ID number is under attack once this many live faces that are not its
 * registered person's failed on it within FAILURE_WINDOW_SECONDS; from then on
 * each further such failure spends the failing caller's whole window at once.
 * It never stops a caller whose face passes (server/domain/rate-limit.ts says why).
 */
export const ID_NUMBER_MISMATCH_LIMIT = 5;

/** A caller may open at most this many face sessions within the window; a new session closes the caller's open one. */
export const FACE_START_LIMIT = 30;
export const FACE_START_WINDOW_SECONDS = 60 * 60;

/**
 * How long a spent token's one-time-use row is kept after its use. A token
 * used at u was valid then, so its iat ≤ u + tolerance and every verifier
 * refuses it as expired after exp + tolerance ≤ u + lifetime + 2·tolerance;
 * one more second covers the whole-second times in the token.
 */
export const SPENT_TOKEN_RETENTION_SECONDS = PRESENTATION_MAX_LIFETIME_SECONDS + 2 * CLOCK_TOLERANCE_SECONDS + 1;

/** The emulator prunes expired sessions, old failures and spent-token rows on start and this often. */
export const PRUNE_INTERVAL_SECONDS = 10 * 60;

/** The emulator and the deployed admin function sign a checkpoint of the usage chains this often, when a chain moved on. */
export const AUDIT_CHECKPOINT_INTERVAL_SECONDS = 60 * 60;

/** A terminal session (one assertion, then an HMAC per request) lives at most this long. */
export const TERMINAL_SESSION_SECONDS = 10 * 60;
/** A session request's counter may arrive out of order by at most this much (concurrent requests); each counter counts once. */
export const TERMINAL_SESSION_REPLAY_WINDOW = 1024;

/** Usage records come in pages of this size by default, and never more than the maximum. */
export const USAGE_PAGE_SIZE = 20;
export const USAGE_PAGE_SIZE_MAX = 50;

/** Who an assertion is for (its `aud`): terminals call the verifier function, partners the partner function, administrators the admin function. */
export const ASSERTION_AUDIENCE = {
  terminal: 'e-id-verifier',
  admin: 'e-id-admin',
  partner: 'e-id-partner',
} as const;

/** A one-time authorisation code for a partner lives this long after the citizen's tap. */
export const AUTH_CODE_TTL_SECONDS = 120;

/** A citizen's grant to a tile lasts this long, unless revoked sooner. */
export const GRANT_VALIDITY_DAYS = 365;

/** The issuer's signed copy of an exchange's release (its `idToken`) is valid this long. */
export const RELEASE_TOKEN_SECONDS = 300;
