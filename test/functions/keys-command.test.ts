/** `npm run keys`: fresh key sets for a new environment and key rolls, usable as printed. */
import { adminKeyFromEnvironment, storeKeysFromEnvironment } from '../../server/adapters/keys/key-material';
import { ALL_VARIABLES } from '../../server/deploy/environment';
import { keysCommand } from '../../scripts/keys';

/** NAME=value lines back into an environment, as a key service would store them. */
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
