/**
 * @jest-environment jsdom
 *
 * The age-friendly mode follows WeChat's font size until the person chooses
 * (a file of its own: the mode is read once per app launch).
 */
import { loadWeapp, type Weapp } from './support/load-weapp';

let weapp: Weapp;

beforeAll(() => {
  weapp = loadWeapp();
  weapp.setSystemFontScale(1.3);
  weapp.onCallFunction(() => ({ ok: true, card: null }));
});

afterEach(async () => {
  await weapp?.closeAll();
});

it('with WeChat set to a larger font, pages open in the age-friendly mode', async () => {
  const cards = await weapp.open('pages/cards/index');
  expect(String(cards.attr('.eid-page', 'class'))).toContain('eid-elder');
  // The person's own choice wins and is kept.
  await cards.tap('#elder-toggle');
  expect(String(cards.attr('.eid-page', 'class'))).not.toContain('eid-elder');
  expect(wx.getStorageSync('eid.elderMode')).toBe('off');
});
