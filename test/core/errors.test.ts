/** What the error messages promise, held to the rules they describe. */
import { ERROR_MESSAGES } from '../../core/errors';
import { CARD_PASSWORD_LOCK_SECONDS } from '../../core/policy';

describe('error messages', () => {
  it('PASSWORD_LOCKED names both ways out of the lock: the lock period of core/policy.ts and a face check (found in review)', () => {
    const hours = CARD_PASSWORD_LOCK_SECONDS / 3600;
    const { zh, en } = ERROR_MESSAGES.PASSWORD_LOCKED;
    expect(zh).toContain(`${hours}小时后自动解锁`);
    expect(zh).toContain('人脸核验');
    expect(en).toContain(`locked for ${hours} hours`);
    expect(en).toContain('face check');
  });
});
