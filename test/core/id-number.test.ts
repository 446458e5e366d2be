/** ID number vectors (GB 11643-1999 and the 2023 foreign permanent residence ID). All numbers synthetic. */
import { ID_NUMBER_LENGTH, idCheckCharacter, normalizeIdNumber, parseIdNumber } from '../../core/id-number';
import { PROVINCES } from '../../core/regions';

const today = new Date('2026-11-28T00:00:00Z');
/** Completes 17 digits with their correct check character. */
const valid = (first17: string) => first17 + idCheckCharacter(first17);
const reasonOf = (raw: string) => {
  const result = parseIdNumber(raw, today);
  return result.ok ? 'ok' : result.reason;
};

describe('the GB 11643 sample number', () => {
  it('parses 11010519491231002X with birth date, sex and province', () => {
    expect(parseIdNumber('11010519491231002X', today)).toEqual({
      ok: true,
      value: { number: '11010519491231002X', kind: 'resident', birthDate: '1949-12-31', sex: 'female', provinceCode: '11' },
    });
  });

  it('accepts a lowercase x, full-width digits and surrounding spaces, normalised', () => {
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normalizeIdNumber(' \u3000１１０１０５１９４９１２３１００２Ｘ ')).toBe('11010519491231002X');
    expect(reasonOf('  11010519491231002x\t')).toBe('ok');
    expect(normalizeIdNumber('11010519491231002X')).toHaveLength(ID_NUMBER_LENGTH);
  });

  it('refuses a wrong check character', () => {
    expect(reasonOf('110105194912310021')).toBe('checksum');
    expect(reasonOf('11010519491231002Y')).toBe('format');
  });
});

describe('format', () => {
  it.each(['', '1101051949123100', '11010519491231002', '11010519491231002XX', '1101051949 1231002X', '11010519491231X02X', 'X10105194912310021'])(
    '%j is a format error',
    (raw) => expect(reasonOf(raw)).toBe('format'),
  );
});

describe('birth date', () => {
  it('refuses 30 February', () => expect(reasonOf(valid('11010520010230001'))).toBe('birth_date'));
  it('accepts 29 February in leap years, including 2000', () => {
    expect(reasonOf(valid('11010520000229001'))).toBe('ok');
    expect(reasonOf(valid('11010520240229001'))).toBe('ok');
  });
  it('refuses 29 February in non-leap years, including 1900', () => {
    expect(reasonOf(valid('11010519000229001'))).toBe('birth_date');
    expect(reasonOf(valid('11010520230229001'))).toBe('birth_date');
  });
  it('refuses month 13 and day 00', () => {
    expect(reasonOf(valid('11010519901301001'))).toBe('birth_date');
    expect(reasonOf(valid('11010519901200001'))).toBe('birth_date');
  });
  it('refuses a date after today and before 1900', () => {
    expect(reasonOf(valid('11010520261129001'))).toBe('birth_date');
    expect(reasonOf(valid('11010518991231001'))).toBe('birth_date');
  });
  it('accepts a birth today, as a date in China (UTC+8)', () => {
    expect(reasonOf(valid('11010520261128001'))).toBe('ok');
    const lateEvening = new Date('2026-11-28T17:00:00Z'); // already 29 November in Beijing
    expect(parseIdNumber(valid('11010520261129001'), lateEvening).ok).toBe(true);
  });
});

describe('region', () => {
  it.each(['19', '00', '16', '20', '47', '66', '72', '84'])('refuses province %s', (prefix) => {
    expect(reasonOf(valid(`${prefix}010519491231002`))).toBe('region');
  });
  it('accepts every GB/T 2260 province and 71 (Taiwan) as a resident number', () => {
    const codes = ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71'];
    for (const code of codes) {
      expect(parseIdNumber(valid(`${code}010519491231002`), today)).toMatchObject({ ok: true, value: { kind: 'resident', provinceCode: code } });
    }
    expect(Object.keys(PROVINCES)).toHaveLength(32);
    expect(PROVINCES['44']).toEqual({ zh: '广东', en: 'Guangdong' });
  });
  it('does not reject a retired county code: people keep their numbers', () => {
    // 110103 (former Chongwen district) and 110104 (former Xuanwu) were merged in 2010.
    expect(reasonOf(valid('11010319700101001'))).toBe('ok');
    expect(reasonOf(valid('11010419700101001'))).toBe('ok');
  });
  it.each([
    ['81', 'permit_hk'],
    ['82', 'permit_mo'],
    ['83', 'permit_tw'],
  ])('prefix %s is a residence permit (%s)', (prefix, kind) => {
    const result = parseIdNumber(valid(`${prefix}000019920808011`), today);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ kind, provinceCode: prefix, sex: 'male' }) });
  });
});

describe('foreign permanent residence ID (2023, first digit 9)', () => {
  it('is valid with its birth date, and reads neither region nor sex', () => {
    const number = valid('91127619830714022');
    const result = parseIdNumber(number, today);
    expect(result).toEqual({ ok: true, value: { number, kind: 'foreign_permanent', birthDate: '1983-07-14' } });
  });
  it('still needs the right check character and a real birth date', () => {
    const number = valid('91127619830714022');
    expect(reasonOf(number.slice(0, 17) + (number[17] === '0' ? '1' : '0'))).toBe('checksum');
    expect(reasonOf(valid('91127619830230022'))).toBe('birth_date');
  });
});

describe('idCheckCharacter', () => {
  it('computes X for the sample and refuses anything but 17 digits', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(() => idCheckCharacter('1101051949123100')).toThrow(TypeError);
  });
});
