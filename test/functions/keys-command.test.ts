/** `npm run keys`: fresh key sets for a new environment and key rolls, usable as printed. */
import { sign } from 'node:crypto';
import { ISSUER_KEY_OVERLAP_DAYS } from '../../core/policy';
import { adminKeyFromEnvironment, InvalidKeyVariable, PREVIOUS_ISSUER_KEYS_VARIABLE, storeKeysFromEnvironment } from '../../server/adapters/keys/key-material';
import { ALL_VARIABLES } from '../../server/deploy/environment';
import { keysCommand } from '../../scripts/keys';

/** NAME=value lines back into an environment, as a key service would store them. */
const DAY_MS = 24 * 60 * 60 * 1000;
const asEnv = (lines: string[]) => Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

describe('npm run keys', () => {
  it('new: prints every key variable once, one line each, and they compose', () => {
    const { stdout, stderr, exitCode } = keysCommand(['new'], {});
    expect(exitCode).toBe(0);
    const env = asEnv(stdout);
    expect(Object.keys(env).sort()).toEqual(ALL_VARIABLES.filter((v) => v.startsWith('EID_') && !v.startsWith('EID_WECHAT')).sort());
    expect(stdout.every((l) => !l.includes('\n'))).toBe(true);
    expect(() => storeKeysFromEnvironment(env)).not.toThrow();
    expect(() => adminKeyFromEnvironment(env)).not.toThrow();
    expect(stderr.join(' ')).toMatch(/secrets/);
    expect(asEnv(keysCommand(['new'], {}).stdout).EID_PII_ENC_KEY).not.toBe(env.EID_PII_ENC_KEY);
  });

  it('roll-issuer: a new signing key, and the old one still verifying', () => {
    const before = asEnv(keysCommand(['new'], {}).stdout);
    const oldIssuer = storeKeysFromEnvironment(before).issuer;
    const rolled = keysCommand(['roll-issuer'], before);
    expect(rolled.exitCode).toBe(0);
    const after = { ...before, ...asEnv(rolled.stdout) };
    const newIssuer = storeKeysFromEnvironment(after).issuer;
    expect(newIssuer.current.keyId).not.toBe(oldIssuer.current.keyId);
    expect(newIssuer.jwks().keys.map((k) => k.kid)).toEqual([newIssuer.current.keyId, oldIssuer.current.keyId]);

    const twice = { ...after, ...asEnv(keysCommand(['roll-issuer'], after).stdout) };
    expect(storeKeysFromEnvironment(twice).issuer.jwks().keys).toHaveLength(3);
  });

  it('roll-issuer: the outgoing key verifies through the overlap, then leaves the JWKS and verifies nothing; the next roll drops it', async () => {
    const rolledAt = new Date('2026-12-07T00:00:00Z');
    const retireAt = new Date(rolledAt.getTime() + ISSUER_KEY_OVERLAP_DAYS * DAY_MS);
    const before = asEnv(keysCommand(['new'], {}).stdout);
    const oldIssuer = storeKeysFromEnvironment(before).issuer;
    const signed = new TextEncoder().encode('a card signed before the roll (synthetic)');
    const signature = sign('sha256', signed, { key: oldIssuer.current.privateKey, dsaEncoding: 'ieee-p1363' });
    const rolled = keysCommand(['roll-issuer'], before, rolledAt);
    const after = { ...before, ...asEnv(rolled.stdout) };
    expect(rolled.stderr.join('\n')).toContain(`${oldIssuer.current.keyId} verifies until ${retireAt.toISOString()}`);

    const issuerAt = (at: Date) => storeKeysFromEnvironment(after, () => at).issuer;
    const lastDay = issuerAt(new Date(retireAt.getTime() - 1000));
    expect(lastDay.jwks().keys.map((k) => k.kid)).toContain(oldIssuer.current.keyId);
    await expect(lastDay.verify(oldIssuer.current.keyId, signed, signature)).resolves.toBe(true);
    const retired = issuerAt(retireAt);
    expect(retired.jwks().keys.map((k) => k.kid)).toEqual([retired.current.keyId]);
    await expect(retired.verify(oldIssuer.current.keyId, signed, signature)).resolves.toBe(false);

    const laterRoll = keysCommand(['roll-issuer'], after, new Date(retireAt.getTime() + DAY_MS));
    const kids = JSON.parse(Buffer.from(asEnv(laterRoll.stdout)[PREVIOUS_ISSUER_KEYS_VARIABLE], 'base64').toString('utf8')).keys.map((k: { kid: string }) => k.kid);
    expect(kids).toEqual([storeKeysFromEnvironment(after).issuer.current.keyId]);
  });

  it('roll-issuer: a previous key set before retireAt was written keeps verifying until removed; a malformed retireAt names the variable', () => {
    const before = asEnv(keysCommand(['new'], {}).stdout);
    const after = { ...before, ...asEnv(keysCommand(['roll-issuer'], before).stdout) };
    const jwks = JSON.parse(Buffer.from(after[PREVIOUS_ISSUER_KEYS_VARIABLE], 'base64').toString('utf8')) as { keys: Array<Record<string, unknown>> };
    const withJwks = (keys: object[]) => ({ ...after, [PREVIOUS_ISSUER_KEYS_VARIABLE]: JSON.stringify({ keys }) });

    const legacy = withJwks(jwks.keys.map(({ retireAt: _retireAt, ...key }) => key));
    expect(storeKeysFromEnvironment(legacy, () => new Date('2099-01-01T00:00:00Z')).issuer.jwks().keys).toHaveLength(2);
    expect(() => storeKeysFromEnvironment(withJwks(jwks.keys.map((key) => ({ ...key, retireAt: 'soon' }))))).toThrow(
      new InvalidKeyVariable(PREVIOUS_ISSUER_KEYS_VARIABLE),
    );
  });

  it('roll-issuer: refuses without a current key, naming the variable only', () => {
    expect(keysCommand(['roll-issuer'], {})).toMatchObject({ exitCode: 2, stdout: [] });
    const broken = keysCommand(['roll-issuer'], { EID_ISSUER_PRIVATE_KEY: 'synthetic-not-a-key' });
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr.join(' ')).not.toContain('synthetic-not-a-key');
  });

  it('roll-admin: a new admin key of 32 bytes', () => {
    const { stdout } = keysCommand(['roll-admin'], {});
    expect(Buffer.from(asEnv(stdout).EID_ADMIN_KEY, 'base64')).toHaveLength(32);
  });

  it('anything else: usage', () => {
    expect(keysCommand([], {})).toMatchObject({ exitCode: 2, stderr: [expect.stringMatching(/usage/)] });
  });
});
