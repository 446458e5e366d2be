import { ERROR_MESSAGES, isErrorCode, type ErrorCode, type Lang } from '../../core/errors';
import { en } from './en';
import { zh, type MessageKey, type Messages } from './zh';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const DICTIONARIES: Record<Lang, Messages> = { zh, en };

export function translator(lang: Lang): Translate {
  const messages = DICTIONARIES[lang];
  return (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

/** The short title of a failure, from the one table in core/errors. */
export function errorTitle(code: string, lang: Lang): string {
  const known: ErrorCode = isErrorCode(code) ? code : 'INTERNAL';
  return ERROR_MESSAGES[known][lang];
}
