import { maskIdNumber, maskName } from '../../core/mask';

describe('masking', () => {
  it('shows the first 3 and last 4 of an ID number', () => expect(maskIdNumber('11010519491231002X')).toBe('110***********002X'));
  it('keeps only the last character of a name', () => {
    expect(maskName('张三')).toBe('*三');
    expect(maskName('李明华')).toBe('**华');
    expect(maskName('王')).toBe('*');
  });
  it('keeps middle dots and counts rare characters once', () => {
    expect(maskName('艾力·买买提')).toBe('**·**提');
    expect(maskName('𠮷𠮷祥')).toBe('**祥');
    expect(maskName('𠮷')).toBe('*');
    expect(maskName('李𠮷')).toBe('*𠮷');
  });
  it('keeps separators of Latin names', () => expect(maskName('ANNA-MARIA LI')).toBe('****-***** *I'));
});
