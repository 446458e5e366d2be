/** A line logger for the emulator. Callers pass only non-personal fields. */
import type { Logger } from '../functions/boundary';

export function consoleLogger(quiet = false): Logger {
  const line = (level: string, message: string, fields?: Record<string, string | number | boolean>) => {
    const extra = fields ? ' ' + Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(' ') : '';
    return `${new Date().toISOString()} ${level} ${message}${extra}`;
  };
  return {
    info: (message, fields) => {
      if (!quiet) console.log(line('info', message, fields));
    },
    error: (message, fields) => console.error(line('error', message, fields)),
  };
}
