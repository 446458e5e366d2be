/**
 * How the mini-program reaches a cloud function. Taro resolves the platform
 * file first (transport.weapp.ts, transport.h5.ts); this one only serves the
 * type checker and platforms we do not build for.
 */
import type { FunctionName, Result } from '../../core/api';

export type Transport = (name: FunctionName, event: Record<string, unknown>) => Promise<Result<object>>;

export const callFunction: Transport = async () => {
  throw new Error(`No cloud-function transport for platform ${process.env.TARO_ENV}`);
};
