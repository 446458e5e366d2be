/**
 * The one declaration of every cloud-function event (STYLE.md: schemas once,
 * used both to validate and to type). Objects are strict: an unknown field is
 * refused, as is any object where a string belongs (`{"$gt": ""}`).
 */
import { z } from 'zod';
import { LIVENESS_ACTIONS } from './liveness';

/** Generous but finite: longer than any real field, short enough to refuse junk. */
export const MAX_FIELD_LENGTH = 256;
export const MAX_CAPTURE_LENGTH = 8192;

const text = (max = MAX_FIELD_LENGTH) => z.string().max(max);

export const livenessActionSchema = z.enum(LIVENESS_ACTIONS);

export const startFaceEvent = z
  .object({
    action: z.literal('startFace'),
  })
  .strict();

export const enrollEvent = z
  .object({
    action: z.literal('enroll'),
    name: text(),
    idNumber: text(64),
    consent: z.boolean(),
    faceSessionId: text(64),
    liveness: z
      .object({
        actions: z.array(livenessActionSchema).max(8),
        digits: z.string().regex(/^\d{4}$/),
      })
      .strict(),
    faceCapture: text(MAX_CAPTURE_LENGTH),
  })
  .strict();

export const getCardEvent = z
  .object({
    action: z.literal('getCard'),
  })
  .strict();

export const citizenEvent = z.discriminatedUnion('action', [startFaceEvent, enrollEvent, getCardEvent]);

export type StartFaceEvent = z.infer<typeof startFaceEvent>;
export type EnrollEvent = z.infer<typeof enrollEvent>;
export type GetCardEvent = z.infer<typeof getCardEvent>;
export type CitizenEvent = z.infer<typeof citizenEvent>;

/**
 * Keys that would reach prototype machinery in a naive merge. zod's strict
 * objects already refuse unknown keys; this check also covers nested values
 * and gives the same INVALID_INPUT, so the rule holds for every schema.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (depth > 8) return true;
  if (Array.isArray(value)) return value.some((item) => hasForbiddenKey(item, depth + 1));
  if (value === null || typeof value !== 'object') return false;
  for (const key of Object.getOwnPropertyNames(value)) {
    if (FORBIDDEN_KEYS.has(key)) return true;
    if (hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}
