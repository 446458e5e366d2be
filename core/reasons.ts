/**
 * Every machine-readable reason a failure can carry (Failure.reason), grouped
 * by area and declared once, so the domain throws and the mini-program
 * explains the same words. A reason never holds personal data.
 */
import type { CardTransition } from './card';

/** Why an ID number was refused; the UI explains each one. */
export const ID_NUMBER_REASONS = ['format', 'checksum', 'birth_date', 'region'] as const;
export type IdNumberReason = (typeof ID_NUMBER_REASONS)[number];

/** Why a name was refused. */
export const NAME_REASONS = ['empty', 'too_long', 'characters', 'dots', 'latin_not_allowed'] as const;
export type NameReason = (typeof NAME_REASONS)[number];

/**
 * Why the authority could not confirm the identity. Told only to a caller whose
 * liveness and face both passed (server/domain/face-check.ts); anyone else gets
 * IDENTITY_NOT_FOUND or FACE_MISMATCH with no reason.
 */
export const IDENTITY_REASONS = ['not_found', 'name_mismatch', 'deceased', 'cancelled'] as const;
export type IdentityReason = (typeof IDENTITY_REASONS)[number];

/**
 * Why an event was refused before any use case ran (INVALID_INPUT); `too_deep`: nested deeper than any event can be;
 * `markup`: text with markup or control characters; `checksum`: a credit code whose check character is wrong;
 * `loopback`: a loopback domain or target outside the emulator.
 */
export const INPUT_REASONS = ['schema', 'unknown_action', 'forbidden_key', 'too_deep', 'no_caller', 'public_key', 'markup', 'checksum', 'loopback'] as const;
export type InputReason = (typeof INPUT_REASONS)[number];

/** Which live card stood in the way of a new one (CARD_EXISTS). */
export const CARD_CONFLICT_REASONS = ['holder', 'id_number'] as const;
export type CardConflictReason = (typeof CARD_CONFLICT_REASONS)[number];

/**
 * The named checks of a verification, in the order they run (as auth0-lab/mdl
 * names its assessments): the offline ones any holder of the JWKS can make,
 * then the online ones. A refused code names the check that failed.
 */
export const OFFLINE_CHECKS = ['structure', 'signature', 'lifetime', 'expiry', 'not_yet_valid', 'scene'] as const;
export type OfflineCheck = (typeof OFFLINE_CHECKS)[number];
export const ONLINE_CHECKS = ['terminal', 'card'] as const;
export type VerificationCheck = OfflineCheck | (typeof ONLINE_CHECKS)[number];

/**
 * Which lifecycle transition was refused (core/card CARD_TRANSITIONS): a refusal's code says why,
 * its reason says what the holder tried, so one screen can explain both.
 */
export { CARD_TRANSITIONS as LIFECYCLE_REASONS } from './card';
/** Why a card password was refused as too weak (PASSWORD_WEAK); core/card-password.ts states the rules. */
export const CARD_PASSWORD_REASONS = ['format', 'all_same', 'sequence', 'birth_date'] as const;
export type CardPasswordReason = (typeof CARD_PASSWORD_REASONS)[number];
/** Which part of a terminal's in-person check failed (IN_PERSON_CHECK_FAILED): reading the physical ID card, or the live face match. */
export const IN_PERSON_CHECK_REASONS = ['id_card', 'face'] as const;
/** Why an upgrade terminal may not upgrade (UPGRADE_NOT_PERMITTED) beyond lacking the permission: its city has no open upgrade site. */
export const UPGRADE_PERMISSION_REASONS = ['city'] as const;
/** Why a scene cannot be shown as a QR code at a counter. */
export const PRESENT_REASONS = ['not_presentable'] as const;
/**
 * Why a caller's credential was refused. `assertion_request`: a terminal's
 * validly signed assertion was made for another request, or for none (its
 * `req` claim, core/terminal-request.ts).
 */
export const CREDENTIAL_REASONS = ['assertion', 'assertion_request', 'admin_assertion', 'no_terminal_credential', 'session', 'replay'] as const;
/** Why a tile cannot be authorised without the consent screen (CONSENT_REQUIRED): no grant covers it, or a sensitive scope lacks its own tick. */
export const CONSENT_REASONS = ['no_grant', 'sensitive_scope'] as const;
/** Why the service could not answer (INTERNAL): the network on the way, or a deployment missing an adapter. */
export const SERVICE_REASONS = ['network', 'not_configured'] as const;

export type ErrorReason =
  | IdNumberReason
  | NameReason
  | IdentityReason
  | InputReason
  | CardConflictReason
  | VerificationCheck
  | CardTransition
  | CardPasswordReason
  | (typeof IN_PERSON_CHECK_REASONS)[number]
  | (typeof UPGRADE_PERMISSION_REASONS)[number]
  | (typeof PRESENT_REASONS)[number]
  | (typeof CREDENTIAL_REASONS)[number]
  | (typeof CONSENT_REASONS)[number]
  | (typeof SERVICE_REASONS)[number];
