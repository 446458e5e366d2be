/**
 * Regression (found in review): an approved tile's update that lowers its
 * minimum card level, reaches new regions or rewords what citizens read before
 * consenting went live at once; only scope and target changes were reviewed.
 */
import { tileManifestSchema, type TileManifest } from '../../core/tile-manifest';
import { needsReview } from '../../server/domain/services/submit-tile';
import example from '../../docs/partners/example-tile.json';

const approved: TileManifest = tileManifestSchema.parse({ ...example, minLevel: 'colour', regions: ['440000', '110000'] });
const update = (change: Partial<TileManifest>): TileManifest => tileManifestSchema.parse({ ...approved, ...change });

describe('an update to an approved tile', () => {
  it.each<[string, Partial<TileManifest>]>([
    ['lowers the minimum card level', { minLevel: 'basic' }],
    ['rewords the purpose shown on the consent screen', { purpose: { zh: '另一个目的', en: 'Another purpose' } }],
    ['retitles the tile (e.g. to look like another agency)', { title: { zh: '税务服务', en: 'Tax service' } }],
    ['rewrites the description', { description: { zh: '新的说明', en: 'A new description' } }],
    ['reaches a region it did not serve', { regions: ['440000', '110000', '310000'] }],
    ['goes nationwide', { regions: ['nationwide'] }],
    ['asks for a new scope', { scopes: { required: ['birthDate'], optional: ['fullName', 'region', 'idNumber'] } }],
    ['makes an optional scope required', { scopes: { required: ['birthDate', 'fullName'], optional: ['region'] } }],
    ['moves the target', { target: { type: 'web', url: 'https://pension.example.gov.cn/eid/other' } }],
  ])('that %s goes back to review', (_what, change) => {
    expect(needsReview(approved, update(change))).toBe(true);
  });

  it.each<[string, Partial<TileManifest>]>([
    ['drops an optional scope', { scopes: { required: ['birthDate'], optional: ['fullName'] } }],
    ['serves fewer regions', { regions: ['440000'] }],
    ['changes only its icon', { icon: 'house' }],
    ['changes nothing', {}],
  ])('that %s serves at once', (_what, change) => {
    expect(needsReview(approved, update(change))).toBe(false);
  });
});
