/**
 * What a terminal's proof covers (core/terminal-request): every field of an
 * openSession, verify or upgrade request but the proof, in one unambiguous
 * encoding that a per-request assertion's `req` hashes and a session's MAC
 * covers. The schemas are read here, so a field added to an action without
 * being added to the encoding fails this test.
 */
import { openSessionEvent, upgradeEvent, verifyEvent } from '../../core/schemas';
import { assertionRequestInput, requestFields, type TerminalRequest } from '../../core/terminal-request';
import { sessionMacInput } from '../../core/terminal-session';
import { assertionRequestDigest } from '../../server/clients/assertions';
import { changed, leaves } from '../support/request-leaves';

const OPEN_SESSION = { action: 'openSession' } as const;
const VERIFY = { action: 'verify', scene: 'hotel', token: 'EID2:6BFOXN' } as const;
const UPGRADE = { action: 'upgrade', token: 'EID2:6BFOXN', password: '73920561', inPersonCheck: { idCardRead: true, faceMatch: false } } as const;

describe('the terminal request encoding', () => {
  it.each([
    ['openSession', openSessionEvent, OPEN_SESSION],
    ['verify', verifyEvent, VERIFY],
    ['upgrade', upgradeEvent, UPGRADE],
  ] as const)('%s: covers every field of the request but the proof', (_, schema, request) => {
    // The sample is every field of the schema but the proof (assertion or session).
    expect(Object.keys(request).sort()).toEqual(Object.keys(schema.shape).filter((k) => !['assertion', 'session'].includes(k)).sort());
    expect(schema.safeParse({ ...request, assertion: 'x.y.z' }).success).toBe(true);

    const fields = leaves(request).filter((path) => path.join('.') !== 'action');
    const uncovered = fields.filter((path) => assertionRequestInput(changed<TerminalRequest>(request, path)) === assertionRequestInput(request)).map((path) => path.join('.'));
    expect(uncovered).toEqual([]);
  });

  it('names the action first: no two actions share an input', () => {
    const inputs = [OPEN_SESSION, VERIFY, UPGRADE, { ...VERIFY, scene: 'upgrade' } as const].map(assertionRequestInput);
    expect(new Set(inputs).size).toBe(inputs.length);
    expect(inputs.map((i) => JSON.parse(i)[0])).toEqual(['openSession', 'verify', 'upgrade', 'verify']);
  });

  it('is unambiguous: a value cannot shift into its neighbour', () => {
    const split = (token: string, password: string) => assertionRequestInput({ ...UPGRADE, token, password });
    expect(split('EID2:6BFOXN7', '3920561')).not.toBe(split('EID2:6BFOXN', '73920561'));
    expect(split('EID2:6BFOXN","7', '3920561')).not.toBe(split('EID2:6BFOXN', '7","3920561'));
  });

  it('is the one list of fields both proofs cover: a session MAC adds only the session id and counter after the action', () => {
    for (const request of [VERIFY, UPGRADE]) {
      const [action, ...fields] = requestFields(request);
      expect(JSON.parse(sessionMacInput({ id: 's1.x', counter: 3 }, request))).toEqual([action, 's1.x', 3, ...fields]);
    }
  });

  it('is the compact JSON array README documents, and `req` its base64url SHA-256, so a terminal in any language can make them', () => {
    expect(assertionRequestInput(OPEN_SESSION)).toBe('["openSession"]');
    expect(assertionRequestInput(VERIFY)).toBe('["verify","hotel","EID2:6BFOXN"]');
    expect(assertionRequestInput(UPGRADE)).toBe('["upgrade","EID2:6BFOXN","73920561",true,false]');
    expect(assertionRequestDigest(OPEN_SESSION)).toBe('u9LbsXq_TNlrR0tBexUB6G_Q8yo2rVCQPMw7t4MjxgM');
    expect(assertionRequestDigest(VERIFY)).toBe('UBNoLwUbiMlAZdbKBt8bOGbu2kd__STLmSsE5u9DpNo');
    expect(assertionRequestDigest(UPGRADE)).toBe('90dHYyvhEGsXngwKz5EJdsTT8rQsG0cayqlgz8VUejw');
  });
});
