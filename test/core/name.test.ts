/** Name vectors: rare characters, minority names with dots, Latin for the 9-prefix ID. All names synthetic. */
import { NAME_MAX_LENGTH, normalizeName, parseName } from '../../core/name';

const han = (raw: string) => parseName(raw, { allowLatin: false });
const foreign = (raw: string) => parseName(raw, { allowLatin: true });

describe('Han names', () => {
  it.each(['李明华', '王', '欧阳娜娜'])('accepts %s', (name) => expect(han(name)).toEqual({ ok: true, value: name, script: 'han' }));

  it.each(['吴𠮷祥', '周䶮', '李𪚥', '王㛃', '𫖮'])('accepts rare characters outside U+4E00–U+9FA5: %s', (name) => {
    expect(han(name)).toEqual({ ok: true, value: name, script: 'han' });
  });

  it('trims surrounding spaces, also ideographic ones', () => expect(han('\u3000李明华 ')).toMatchObject({ ok: true, value: '李明华' }));

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['李明2', 'characters'],
    ['李 明', 'characters'],
    ['李明😀', 'characters'],
    ['李明a', 'characters'],
    ['\u2F00明', 'characters'], // Kangxi radical ⼀, a look-alike of 一
    ['李々', 'characters'],
  ])('%j → %s', (name, reason) => expect(han(name)).toEqual({ ok: false, reason }));
});

describe('minority names with the middle dot', () => {
  it('accepts U+00B7', () => expect(han('艾力·吐尔逊')).toMatchObject({ ok: true, value: '艾力·吐尔逊' }));

  it.each(['艾力•吐尔逊', '艾力・吐尔逊', '艾力．吐尔逊', '艾力.吐尔逊', '艾力‧吐尔逊', '艾力･吐尔逊', '艾力∙吐尔逊', '艾力⋅吐尔逊', '艾力 · 吐尔逊'])(
    'normalises the look-alike in %s to U+00B7',
    (name) => expect(han(name)).toEqual({ ok: true, value: '艾力·吐尔逊', script: 'han' }),
  );

  it.each(['艾力··吐尔逊', '·艾力', '艾力·', '艾力•・吐尔逊'])('refuses misplaced dots in %s', (name) => {
    expect(han(name)).toEqual({ ok: false, reason: 'dots' });
  });

  it('normalises to NFC, so a decomposed accent matches the composed one', () => {
    expect(normalizeName('Jose\u0301')).toBe('Jos\u00E9');
  });
});

describe('length, in characters not UTF-16 units', () => {
  const long = (n: number) => '阿'.repeat(n);
  it(`accepts exactly ${NAME_MAX_LENGTH} characters, and a 50-character minority name`, () => {
    expect(han(long(NAME_MAX_LENGTH)).ok).toBe(true);
    expect(han(`${long(24)}·${long(25)}`).ok).toBe(true);
  });
  it('counts an astral character once', () => expect(han('𠮷'.repeat(NAME_MAX_LENGTH)).ok).toBe(true));
  it(`refuses ${NAME_MAX_LENGTH + 1}`, () => expect(han(long(NAME_MAX_LENGTH + 1))).toEqual({ ok: false, reason: 'too_long' }));
});

describe('Latin names, only with the foreign permanent residence ID', () => {
  it.each(['ANNA-MARIA SCHMIDT', 'José Núñez', 'Li Wei'])('accepts %s', (name) => expect(foreign(name)).toMatchObject({ ok: true, script: 'latin' }));
  it('collapses runs of spaces, tabs and ideographic spaces', () => {
    expect(foreign('ANNA   SCHMIDT')).toMatchObject({ ok: true, value: 'ANNA SCHMIDT' });
    expect(foreign('ANNA\t\u3000SCHMIDT')).toMatchObject({ ok: true, value: 'ANNA SCHMIDT' });
  });
  it('counts the length of a Latin name too', () => expect(foreign('A'.repeat(NAME_MAX_LENGTH + 1))).toEqual({ ok: false, reason: 'too_long' }));
  it('still accepts a Han name', () => expect(foreign('李明华')).toMatchObject({ ok: true, script: 'han' }));
  it('refuses a Latin name with a resident ID number', () => expect(han('John Smith')).toEqual({ ok: false, reason: 'latin_not_allowed' }));
  it.each(['ANNA--SCHMIDT', '-ANNA', 'ANNA 2', 'ANNA_SCHMIDT'])('refuses %s', (name) => expect(foreign(name)).toEqual({ ok: false, reason: 'characters' }));
});
