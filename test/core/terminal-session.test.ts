/**
 * What a terminal session's MAC covers (core/terminal-session): every field of
 * a verify or upgrade request but the MAC, in one unambiguous encoding. The
 * schemas are read here, so a field added to an action without being added to
 * the MAC input fails this test.
 */
import { upgradeEvent, verifyEvent } from '../../core/schemas';
import { sessionMacInput, type SessionMacRequest } from '../../core/terminal-session';
import { changed, leaves } from '../support/request-leaves';

const SESSION = { id: 's1.c2Vzc2lvbg', counter: 7, mac: 'A'.repeat(43) };
const VERIFY = { action: 'verify', session: SESSION, scene: 'hotel', token: 'EID2:6BFOXN' } as const;
const UPGRADE = { action: 'upgrade', session: SESSION, token: 'EID2:6BFOXN', password: '73920561', inPersonCheck: { idCardRead: true, faceMatch: false } } as const;

const input = (request: SessionMacRequest & { session: { id: string; counter: number } }) => sessionMacInput(request.session, request);

describe('the terminal session MAC input', () => {
  it.each([
    ['verify', verifyEvent, VERIFY],
    ['upgrade', upgradeEvent, UPGRADE],
  ] as const)('%s: changing any field of the request but the MAC changes the input', (_, schema, request) => {
    // The sample is a valid request with every field but the assertion (a session request has none).
    expect(schema.safeParse(request).success).toBe(true);
    expect(Object.keys(request).sort()).toEqual(Object.keys(schema.shape).filter((k) => k !== 'assertion').sort());

    // The action is covered too (next test); a changed action is another request type.
    const fields = leaves(request).filter((path) => !['action', 'session.mac'].includes(path.join('.')));
    const uncovered = fields.filter((path) => input(changed(request, path)) === input(request)).map((path) => path.join('.'));
    expect(uncovered).toEqual([]);
    expect(input(changed(request, ['session', 'mac']))).toBe(input(request));
  });

  it('names the action first: a verify and an upgrade never share an input', () => {
    expect(JSON.parse(input(VERIFY))[0]).toBe('verify');
    expect(JSON.parse(input(UPGRADE))[0]).toBe('upgrade');
    // An upgrade code MAC'd as a verify for the upgrade scene is not the upgrade's input.
    expect(input({ ...VERIFY, scene: 'upgrade' })).not.toBe(input(UPGRADE));
  });

  it('is unambiguous: a value cannot shift into its neighbour', () => {
    const split = (token: string, password: string) => input({ ...UPGRADE, token, password });
    expect(split('EID2:6BFOXN7', '3920561')).not.toBe(split('EID2:6BFOXN', '73920561'));
    expect(split('EID2:6BFOXN","7', '3920561')).not.toBe(split('EID2:6BFOXN', '7","3920561'));
  });

  it('is the compact JSON array README documents, so a terminal in any language can make it', () => {
    expect(input(VERIFY)).toBe('["verify","s1.c2Vzc2lvbg",7,"hotel","EID2:6BFOXN"]');
    expect(input(UPGRADE)).toBe('["upgrade","s1.c2Vzc2lvbg",7,"EID2:6BFOXN","73920561",true,false]');
  });
});
