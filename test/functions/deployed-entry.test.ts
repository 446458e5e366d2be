/** The deployed entry: OPENID from the platform's userInfo, and an honest INTERNAL while adapters are missing. */
import { deployedEntry } from '../../server/deploy/deployed-function';
import type { Caller } from '../../server/functions/boundary';

describe('deployed entry', () => {
  it('passes the platform OPENID as the caller and strips userInfo from the event', async () => {
    const seen: Array<{ event: unknown; caller: Caller }> = [];
    const main = deployedEntry('citizen', () => async (event, caller) => {
      seen.push({ event, caller });
      return { ok: true };
    });
    await main({ action: 'getCard', userInfo: { appId: 'wx123', openId: 'o-platform' } });
    expect(seen).toEqual([{ event: { action: 'getCard' }, caller: { openid: 'o-platform' } }]);
  });

  it('ignores a header-style dev identity: only the platform says who calls', async () => {
    const seen: Caller[] = [];
    const main = deployedEntry('citizen', () => async (_event, caller) => {
      seen.push(caller);
      return { ok: true };
    });
    await main({ action: 'getCard', 'X-Dev-Openid': 'forged' });
    expect(seen).toEqual([{ openid: undefined }]);
  });

  it('answers INTERNAL not_configured until the deployed adapters exist', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { main } = await import('../../cloudfunctions/citizen/main');
    const result = await main({ action: 'getCard', userInfo: { openId: 'o-platform' } });
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL', reason: 'not_configured' });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0][0])).toContain('not configured for deployment');
    spy.mockRestore();
  });
});
