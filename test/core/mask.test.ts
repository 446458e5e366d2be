import { maskIdNumber, maskName } from '../../core/mask';

describe('masking', () => {
  it('shows the first 3 and last 4 of an ID number', () => expect(maskIdNumber('11010519491231002X')).toBe('110***********002X'));
  it('hides the family name and shows the given name, as Chinese apps do', () => {
    expect(maskName('张三')).toBe('*三');
    expect(maskName('李明华')).toBe('*明华');
    expect(maskName('王')).toBe('*');
  });
  it('hides the first part of a minority name, keeps middle dots, and counts rare characters once', () => {
    expect(maskName('艾力·买买提')).toBe('**·买买提');
    expect(maskName('𠮷𠮷祥')).toBe('*𠮷祥');
    expect(maskName('𠮷')).toBe('*');
    expect(maskName('李𠮷')).toBe('*𠮷');
  });
  it('hides the first part of a Latin name and keeps its separators', () => {
    expect(maskName('ANNA-MARIA LI')).toBe('****-***** LI');
    expect(maskName('ANNA-MARIA SCHMIDT')).toBe('****-***** SCHMIDT');
  });
});
