/**
 * The citizen function's boundary: every malformed event is INVALID_INPUT,
 * names at most the field (never the value), and writes nothing.
 */
import { MAX_FIELD_LENGTH } from '../../core/schemas';
import { createHarness, expectFailure, faceCheck, type Harness } from '../support/harness';
import { personFor } from '../support/people';
import { atBoundary } from '../../server/functions/boundary';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const person = personFor('ordinary');
const validEnrol = (answer: object) => ({ action: 'enroll', name: person.name, idNumber: person.idNumber, consent: true, ...answer });

describe('malformed events', () => {
  const shapes: Array<[string, (answer: Record<string, unknown>) => unknown]> = [
    ['null', () => null],
    ['a string', () => 'enroll'],
    ['an array', () => [validEnrol({})]],
    ['no action', () => ({})],
    ['an unknown action', () => ({ action: 'dropTables' })],
    ['an action that is not a string', () => ({ action: 42 })],
    ['an unknown field', (a) => ({ ...validEnrol(a), role: 'admin' })],
    ['a missing field', (a) => {
      const { name: _omit, ...rest } = validEnrol(a);
      return rest;
    }],
    ['a number for the name', (a) => ({ ...validEnrol(a), name: 42 })],
    ['consent as a string', (a) => ({ ...validEnrol(a), consent: 'true' })],
    ['an operator object for the ID number', (a) => ({ ...validEnrol(a), idNumber: { $gt: '' } })],
    ['an operator object for the session', (a) => ({ ...validEnrol(a), faceSessionId: { $ne: null } })],
    ['a name over the length limit', (a) => ({ ...validEnrol(a), name: '李'.repeat(MAX_FIELD_LENGTH + 1) })],
    ['five digits to read', (a) => ({ ...validEnrol(a), liveness: { ...(a.liveness as object), digits: '12345' } })],
    ['an unknown liveness action', (a) => ({ ...validEnrol(a), liveness: { actions: ['smile'], digits: '1234' } })],
    ['a __proto__ key', (a) => JSON.parse(JSON.stringify(validEnrol(a)).replace('{', '{"__proto__":{"admin":true},'))],
    ['a nested constructor key', (a) => ({ ...validEnrol(a), liveness: JSON.parse('{"constructor":{"prototype":{}},"actions":[],"digits":"1234"}') })],
    ['an extra getCard field', () => ({ action: 'getCard', holder: 'someone-else' })],
  ];

  it.each(shapes)('%s → INVALID_INPUT, nothing written', async (_label, make) => {
    const { answer } = await faceCheck(h, 'alice');
    const before = h.rowCounts();
    const failure = expectFailure(await h.call('alice', make(answer)));
    expect(failure.code).toBe('INVALID_INPUT');
    expect(failure.message).toBe('请求内容不正确 (The request is not valid)');
    expect(JSON.stringify(failure)).not.toContain(person.idNumber);
    expect(h.rowCounts()).toEqual(before);
  });

  it('names the offending field, not its value', async () => {
    const { answer } = await faceCheck(h, 'alice');
    const failure = expectFailure(await h.call('alice', { ...validEnrol(answer), idNumber: { $gt: '' } }));
    expect(failure.details).toEqual({ field: 'idNumber' });
  });

  it('refuses a call without a citizen identity', async () => {
    const failure = expectFailure(await h.call(undefined, { action: 'getCard' }));
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', reason: 'no_caller' });
  });
});

describe('unexpected errors', () => {
  it('become INTERNAL with no stack, no message and no data, and are logged by type only', async () => {
    const logged: string[] = [];
    const log = { info: () => undefined, error: (m: string, f?: object) => logged.push(m + JSON.stringify(f)) };
    const fn = atBoundary(log, async () => {
      throw new Error(`database said: ${person.idNumber}`);
    });
    const result = await fn({}, {});
    expect(result).toEqual({ ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试 (The service is temporarily unavailable; please try again later)' });
    expect(logged.join()).toContain('"type":"Error"');
    expect(logged.join()).not.toContain(person.idNumber);
  });
});
