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
const validEnroll = (answer: object) => ({ action: 'enroll', name: person.name, idNumber: person.idNumber, consent: true, ...answer });

describe('malformed events', () => {
  const shapes: Array<[string, (answer: Record<string, unknown>) => unknown]> = [
    ['null', () => null],
    ['a string', () => 'enroll'],
    ['an array', () => [validEnroll({})]],
    ['no action', () => ({})],
    ['an unknown action', () => ({ action: 'dropTables' })],
    ['an action that is not a string', () => ({ action: 42 })],
    ['an unknown field', (a) => ({ ...validEnroll(a), role: 'admin' })],
    ['a missing field', (a) => {
      const { name: _omit, ...rest } = validEnroll(a);
      return rest;
    }],
    ['a number for the name', (a) => ({ ...validEnroll(a), name: 42 })],
    ['consent as a string', (a) => ({ ...validEnroll(a), consent: 'true' })],
    ['an operator object for the ID number', (a) => ({ ...validEnroll(a), idNumber: { $gt: '' } })],
    ['an operator object for the session', (a) => ({ ...validEnroll(a), faceSessionId: { $ne: null } })],
    ['a name over the length limit', (a) => ({ ...validEnroll(a), name: '李'.repeat(MAX_FIELD_LENGTH + 1) })],
    ['five digits to read', (a) => ({ ...validEnroll(a), liveness: { ...(a.liveness as object), digits: '12345' } })],
    ['an unknown liveness action', (a) => ({ ...validEnroll(a), liveness: { actions: ['smile'], digits: '1234' } })],
    ['a __proto__ key', (a) => JSON.parse(JSON.stringify(validEnroll(a)).replace('{', '{"__proto__":{"admin":true},'))],
    ['a nested constructor key', (a) => ({ ...validEnroll(a), liveness: JSON.parse('{"constructor":{"prototype":{}},"actions":[],"digits":"1234"}') })],
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
    const failure = expectFailure(await h.call('alice', { ...validEnroll(answer), idNumber: { $gt: '' } }));
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

describe('abuse resistance (issue 11)', () => {
  it('personal data echoed in errors: an unknown key holding an ID number or a name is never echoed back', async () => {
    const { answer } = await faceCheck(h, 'alice');
    const events = [person.idNumber, person.name, `${person.name} ${person.idNumber}`].flatMap((key) => [
      { action: 'getCard', [key]: true },
      { ...validEnroll(answer), [key]: 'x' },
      { ...validEnroll(answer), liveness: { ...(answer.liveness as object), [key]: 1 } },
    ]);
    for (const event of events) {
      const failure = expectFailure(await h.call('alice', event));
      expect(failure).toMatchObject({ code: 'INVALID_INPUT', reason: 'schema', details: { field: 'unknown field' } });
      expect(JSON.stringify(failure)).not.toContain(person.idNumber);
      expect(JSON.stringify(failure)).not.toContain(person.name);
    }
  });

  it('personal data echoed in errors: a refusal names only fields the schema declares', async () => {
    const { answer } = await faceCheck(h, 'alice');
    const wrongDigits = { ...validEnroll(answer), liveness: { actions: [], digits: 'abcd' } };
    expect(expectFailure(await h.call('alice', wrongDigits)).details).toEqual({ field: 'liveness.digits' });
    const wrongAction = { ...validEnroll(answer), liveness: { actions: ['smile'], digits: '1234' } };
    expect(expectFailure(await h.call('alice', wrongAction)).details).toEqual({ field: 'liveness.actions.0' });
  });

  it('misleading reasons: 30,000-deep nesting is too_deep, not forbidden_key', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 30_000; i++) deep = i % 2 ? [deep] : { a: deep };
    for (const event of [deep, { action: 'getCard', extra: deep }, { action: 'present', scene: deep }]) {
      expect(expectFailure(await h.call('alice', event))).toMatchObject({ code: 'INVALID_INPUT', reason: 'too_deep' });
    }
    const shallowProto = JSON.parse('{"action":"getCard","__proto__":{"admin":true}}');
    expect(expectFailure(await h.call('alice', shallowProto))).toMatchObject({ code: 'INVALID_INPUT', reason: 'forbidden_key' });
  });
});
