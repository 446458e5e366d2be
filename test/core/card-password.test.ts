/** The card password's rules, as both the password page and the server apply them. SYNTHETIC ID number. */
import { checkCardPassword, checkCardPasswordAlone } from '../../core/card-password';

// Birth date 1990-03-07 at positions 7–14; the rest is synthetic.
const ID_NUMBER = '11010119900307001X';

describe('card password rules', () => {
  it.each(['73920561', '20240229', '13572468', '90123456'])('accepts %s', (password) => {
    expect(checkCardPassword(password, ID_NUMBER)).toEqual({ ok: true });
  });

  it.each([
    ['1234567', 'format'],
    ['123456789', 'format'],
    ['1234abcd', 'format'],
    ['00000000', 'all_same'],
    ['88888888', 'all_same'],
    ['12345678', 'sequence'],
    ['23456789', 'sequence'],
    ['87654321', 'sequence'],
    ['98765432', 'sequence'],
    ['19900307', 'birth_date'],
    ['07031990', 'birth_date'],
    ['03071990', 'birth_date'],
  ])('refuses %s (%s)', (password, reason) => {
    expect(checkCardPassword(password, ID_NUMBER)).toEqual({ ok: false, reason });
  });
});

describe('the rules that need nothing but the password', () => {
  it('answer alike for every holder: the birth date of this ID number passes them', () => {
    for (const password of ['19900307', '07031990', '03071990', '73920561']) expect(checkCardPasswordAlone(password)).toEqual({ ok: true });
  });

  it.each([
    ['1234567', 'format'],
    ['00000000', 'all_same'],
    ['87654321', 'sequence'],
  ])('refuse %s (%s), as checkCardPassword does', (password, reason) => {
    expect(checkCardPasswordAlone(password)).toEqual({ ok: false, reason });
    expect(checkCardPassword(password, ID_NUMBER)).toEqual({ ok: false, reason });
  });
});
