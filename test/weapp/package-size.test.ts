/** The weapp main package (everything but the subpackages) stays within the issue-12 budget of 600 KB. */
import { MAIN_PACKAGE_BUDGET_BYTES, weappSizes } from '../../scripts/weapp-size';
import { weappDir } from './support/load-weapp';

it('the main package of the built weapp is at most 600 KB; the staff page, managing the card, the upgrade and the services journey are subpackages', () => {
  const sizes = weappSizes(weappDir());
  expect(Object.keys(sizes.subpackages)).toEqual(['pages/staff', 'pages/manage', 'pages/upgrade', 'pages/services']);
  expect(sizes.main).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET_BYTES);
});
