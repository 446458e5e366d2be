/** WeChat: the platform's cloud call; OPENID comes from the platform context. */
import type { Transport } from './transport';
import type { Result } from '../../core/api';

let initialised = false;

export const callFunction: Transport = async (name, event) => {
  if (!initialised) {
    wx.cloud.init({ traceUser: true });
    initialised = true;
  }
  const response = await wx.cloud.callFunction({ name, data: event });
  return response.result as Result<object>;
};
