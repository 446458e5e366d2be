/**
 * The browser simulator: HTTP to the local emulator (DESIGN.md §7). Not
 * Taro.cloud.callFunction, which on h5 is a stub that "succeeds" with no result.
 * The simulated citizen identity is one random id per browser, kept in storage.
 */
import type { Transport } from './transport';
import type { Result } from '../../core/api';

const OPENID_KEY = 'eid.devOpenid';

function devOpenid(): string {
  let id = window.localStorage.getItem(OPENID_KEY);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = 'dev-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    window.localStorage.setItem(OPENID_KEY, id);
  }
  return id;
}

export const callFunction: Transport = async (name, event) => {
  const response = await fetch(`/fn/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dev-Openid': devOpenid() },
    body: JSON.stringify(event),
  });
  if (!response.ok) throw new Error(`Emulator answered HTTP ${response.status}`);
  return (await response.json()) as Result<object>;
};
