/** The services vocabulary in core: credit codes, regions from ID numbers, which tiles serve where, the manifest schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { creditCodeCheckCharacter, isCreditCode } from '../../core/credit-code';
import { homeRegionOf, isRegionCode, regionLabel, tileServes } from '../../core/service-regions';
import { ALWAYS_GRANTED_SCOPES, REQUESTABLE_SCOPES, SENSITIVE_SCOPES } from '../../core/services';
import { hostOfTargetUrl, tileManifestSchema } from '../../core/tile-manifest';
import { personFor } from '../support/people';

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts published codes of real organisations and refuses a changed check character or a letter outside the alphabet', () => {
    expect(isCreditCode('9144030071526726XG')).toBe(true); // an enterprise's published registration, not personal data
    expect(isCreditCode('91110000802100433B')).toBe(true);
    expect(isCreditCode('9144030071526726XH')).toBe(false);
    expect(isCreditCode('9144030071526726IG')).toBe(false); // I is not in the alphabet
    expect(isCreditCode('9144030071526726X')).toBe(false);
    expect(creditCodeCheckCharacter('12100000MB0000000')).toBe('L');
  });
});

describe('regions', () => {
  it('reads the home region from an ID number: a resident’s city, a foreign permanent resident’s province, none for a residence permit', () => {
    expect(homeRegionOf(personFor('ordinary').idNumber)).toEqual({ province: '110000', city: '110100' });
    expect(homeRegionOf(personFor('foreign_permanent').idNumber)).toEqual({ province: `${personFor('foreign_permanent').idNumber.slice(1, 3)}0000` });
    expect(homeRegionOf(personFor('permit_hk').idNumber)).toBeNull();
  });

  it('serves a tile nationwide, in its province, or in its city; a province tile serves the province’s cities', () => {
    const shenzhen = { province: '440000', city: '440300' };
    expect(tileServes(['nationwide'], null)).toBe(true);
    expect(tileServes(['440000'], shenzhen)).toBe(true);
    expect(tileServes(['440300'], shenzhen)).toBe(true);
    expect(tileServes(['440100'], shenzhen)).toBe(false);
    expect(tileServes(['440300'], { province: '440000' })).toBe(false);
    expect(tileServes(['440000'], null)).toBe(false);
  });

  it('names regions and knows which codes are regions', () => {
    expect(regionLabel('440300')).toEqual({ zh: '深圳市', en: 'Shenzhen' });
    expect(regionLabel('440000')).toEqual({ zh: '广东', en: 'Guangdong' });
    expect(regionLabel('440900').zh).toBe('广东 440900');
    expect([isRegionCode('110000'), isRegionCode('110105'), isRegionCode('990000')]).toEqual([true, false, false]);
  });
});

describe('scopes and the manifest', () => {
  it('always grants verified and pseudonym; full name and full ID number are the sensitive ones', () => {
    expect(ALWAYS_GRANTED_SCOPES).toEqual(['verified', 'pseudonym']);
    expect(REQUESTABLE_SCOPES).not.toContain('verified');
    expect(SENSITIVE_SCOPES).toEqual(['fullName', 'idNumber']);
  });

  it('accepts the example manifest partners are given, and finds the host of a target', () => {
    const example = JSON.parse(readFileSync(join(__dirname, '../../docs/partners/example-tile.json'), 'utf8'));
    expect(tileManifestSchema.safeParse(example).success).toBe(true);
    expect(hostOfTargetUrl('https://pension.example.gov.cn:8443/eid?x=1')).toBe('pension.example.gov.cn');
    expect(hostOfTargetUrl('http://127.0.0.1:8787/partners/demo/')).toBe('127.0.0.1');
  });
});
