/** Liveness challenge vocabulary, shared by the face page and the authority. */
export const LIVENESS_ACTIONS = ['blink', 'nod', 'open_mouth', 'turn_left', 'turn_right'] as const;
export type LivenessAction = (typeof LIVENESS_ACTIONS)[number];

/** What the citizen must do in front of the camera. */
export interface LivenessChallenge {
  actions: LivenessAction[];
  /** Four digits to read aloud. */
  digits: string;
}

/** What the capture reported back for a challenge. */
export type LivenessAnswer = LivenessChallenge;

/** The digits a citizen reads aloud. */
export const LIVENESS_DIGITS_PATTERN = /^\d{4}$/;

/** A face session lives this long (seconds) and allows this many attempts. */
export const FACE_SESSION_TTL_SECONDS = 120;
export const FACE_SESSION_MAX_ATTEMPTS = 3;
