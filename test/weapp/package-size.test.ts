/** The weapp main package (everything but the subpackages) stays within the issue-12 budget of 600 KB. */
import { MAIN_PACKAGE_BUDGET_BYTES, weappSizes } from '../../scripts/weapp-size';
import { weappDir } from './support/load-weapp';

it('the main package of the built weapp is at most 600 KB, and the staff page and the services journey are subpackages', () => {
  const sizes = weappSizes(weappDir());
  expect(Object.keys(sizes.subpackages)).toEqual(['pages/staff', 'pages/services']);
  expect(sizes.main).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET_BYTES);
});
