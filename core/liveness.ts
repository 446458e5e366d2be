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

/**
 * What the simulator sends as `faceCapture`: this prefix and a random id,
 * never an image. The SIMULATED authority matches nothing else, so a real
 * photo can never pass there.
 */
export const SIMULATED_CAPTURE_PREFIX = 'simulated-capture:';
