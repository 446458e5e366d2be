/**
 * The deployed entry: the citizen's OPENID from the platform context
 * (getWXContext, injected here as a stub), only for calls the mini-program
 * made; `event.userInfo` stripped and never trusted; assertions alone for the
 * other functions; and an honest INTERNAL/not_configured, naming every
 * missing variable at start-up, when the environment is incomplete.
 */
import { getWXContext } from 'wx-server-sdk';
import { assertionsOnly, citizenFromPlatform, type PlatformContext } from '../../server/deploy/caller-identity';
import { deployedEntry } from '../../server/deploy/deployed-function';
import { FUNCTION_VARIABLES } from '../../server/deploy/environment';
import { withTimers } from '../../server/deploy/timers';
import type { Caller, Logger } from '../../server/functions/boundary';

function recordingLog() {
  const lines: string[] = [];
  const log: Logger = {
    info: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
    error: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
  };
  return { log, lines };
}

/** A citizen entry whose function records what it was called with. */
function citizenEntry(context: PlatformContext) {
  const seen: Array<{ event: unknown; caller: Caller }> = [];
  const { log, lines } = recordingLog();
  const main = deployedEntry(
    'citizen',
    () => async (event, caller) => {
      seen.push({ event, caller });
      return { ok: true };
    },
    citizenFromPlatform(() => context),
    log,
  );
  return { main, seen, lines };
}

describe('deployed entry: who calls', () => {
  it('takes the OPENID from the platform context and strips userInfo, whatever userInfo claims', async () => {
    const { main, seen } = citizenEntry({ OPENID: 'synthetic-openid-platform', SOURCE: 'wx_client' });
    await main({ action: 'getCard', userInfo: { appId: 'wx-synthetic', openId: 'synthetic-openid-forged' } });
    expect(seen).toEqual([{ event: { action: 'getCard' }, caller: { openid: 'synthetic-openid-platform' } }]);
  });

  it.each([['wx_devtools'], ['wx_http'], ['wx_client,scf'], ['scf'], ['wx_trigger'], [undefined]])(
    'refuses a citizen call whose SOURCE is %s, without running the function',
    async (source) => {
      const { main, seen, lines } = citizenEntry({ OPENID: 'synthetic-openid-platform', SOURCE: source });
      expect(await main({ action: 'getCard' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'no_caller' });
      expect(seen).toEqual([]);
      expect(lines.join('\n')).toMatch(/refused a call from outside the mini-program/);
      expect(lines.join('\n')).not.toContain('synthetic-openid-platform');
    },
  );

  it('refuses a mini-program call without an OPENID, even with a userInfo or a dev header in the event', async () => {
    const { main, seen } = citizenEntry({ SOURCE: 'wx_client' });
    const result = await main({ action: 'getCard', userInfo: { openId: 'synthetic-openid-forged' }, 'X-Dev-Openid': 'forged' });
    expect(result).toMatchObject({ ok: false, reason: 'no_caller' });
    expect(seen).toEqual([]);
  });

  it('reads the context as wx-server-sdk does: from the variables the runtime sets for each call', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'synthetic-openid-runtime', WX_APPID: 'wx-synthetic', TCB_SOURCE: 'wx_client' });
      expect(citizenFromPlatform(() => getWXContext())()).toEqual({ caller: { openid: 'synthetic-openid-runtime' } });
      process.env.TCB_SOURCE = 'wx_devtools';
      expect(citizenFromPlatform(() => getWXContext())()).toEqual({ refused: { source: 'wx_devtools' } });
    } finally {
      for (const key of ['WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID', 'TCB_SOURCE']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });

  it('gives the verifier, partner and admin functions no citizen: their assertions say who calls', async () => {
    const seen: Caller[] = [];
    const main = deployedEntry('verifier', () => async (_event, caller) => (seen.push(caller), { ok: true }), assertionsOnly, recordingLog().log);
    await main({ action: 'verify', userInfo: { openId: 'synthetic-openid-forged' } });
    expect(seen).toEqual([{}]);
  });
});

describe('deployed entry: configuration', () => {
  it('names every missing variable once at start-up and answers INTERNAL not_configured to every call', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const saved = FUNCTION_VARIABLES.citizen.map((name) => [name, process.env[name]] as const);
    for (const [name] of saved) delete process.env[name];
    try {
      const { main } = await import('../../cloudfunctions/citizen/main');
      expect(await main({ action: 'getCard' })).toMatchObject({ ok: false, code: 'INTERNAL', reason: 'not_configured' });
      expect(await main({ action: 'startFace' })).toMatchObject({ ok: false, code: 'INTERNAL', reason: 'not_configured' });
      expect(spy).toHaveBeenCalledTimes(1);
      const logged = String(spy.mock.calls[0][0]);
      expect(logged).toContain('not configured for deployment');
      for (const name of FUNCTION_VARIABLES.citizen) expect(logged).toContain(name);
    } finally {
      for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
      spy.mockRestore();
    }
  });
});

describe('deployed entry: timers', () => {
  const timerEvent = { Type: 'Timer', TriggerName: 'prune', Time: '2026-11-28T08:00:00Z' };

  function timed(firedByTimer: boolean) {
    const runs: string[] = [];
    const calls: unknown[] = [];
    const fn = withTimers(
      async (event) => (calls.push(event), { ok: false, code: 'INVALID_INPUT', message: 'refused by the schema' }),
      { prune: async () => (runs.push('prune'), { faceSessions: 2, failures: 1, spentTokens: 3 }) },
      () => firedByTimer,
      recordingLog().log,
    );
    return { fn, runs, calls };
  }

  it('runs the prune timer when the runtime says a timer fired', async () => {
    const { fn, runs, calls } = timed(true);
    expect(await fn(timerEvent, {})).toEqual({ ok: true, faceSessions: 2, failures: 1, spentTokens: 3 });
    expect(runs).toEqual(['prune']);
    expect(calls).toEqual([]);
  });

  it('treats a timer event written by a caller as an ordinary call, which the schema refuses', async () => {
    const { fn, runs, calls } = timed(false);
    expect(await fn(timerEvent, {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(runs).toEqual([]);
    expect(calls).toEqual([timerEvent]);
  });

  it('runs no timer it does not know', async () => {
    const { fn, runs } = timed(true);
    await fn({ ...timerEvent, TriggerName: 'drop-everything' }, {});
    expect(runs).toEqual([]);
  });
});
