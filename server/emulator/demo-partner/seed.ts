/**
 * The SIMULATED demo partner that `npm start` seeds, so a newcomer can watch
 * the whole services journey locally: a partner with a key in the data
 * folder and three approved tiles on the emulator's own origin (a loopback
 * target, allowed in the emulator only) — a pension query for any card, a
 * housing fund withdrawal that needs a colour card, and a Beijing-only
 * residence registration. Their page and backend are ./routes.ts.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tileManifestSchema, type TileManifest } from '../../../core/tile-manifest';
import { DEMO_PARTNER_ID, DEMO_TILES, demoPartnerKeyFile, loadDemoPartner } from '../../clients/demo-partner-key';
import type { PartnerCredential } from '../../clients/partner-kit';
import type { Deps } from '../../domain/deps';
import type { ServicesDeps } from '../../domain/services-deps';
import { latestVersion, servingManifest } from '../../domain/services/tile-views';

export const DEMO_PARTNER_NAME = '模拟养老保险服务中心 (SIMULATED partner)';
/** A made-up unified social credit code with a correct check character. */
export const DEMO_PARTNER_CREDIT_CODE = '12100000MB0000000L';

function demoManifests(origin: string): Record<keyof typeof DEMO_TILES, TileManifest> {
  const target = (service: string) => ({ type: 'web' as const, url: `${origin}/partners/demo/?service=${service}` });
  return {
    pension: {
      title: { zh: '养老金查询（模拟）', en: 'Pension query (simulated)' },
      description: { zh: '查看养老金发放记录。模拟合作方，数据均为合成。', en: 'See your pension payments. A simulated partner with synthetic data.' },
      icon: 'pension',
      category: 'pension',
      regions: ['nationwide'],
      minLevel: 'basic',
      target: target('pension'),
      scopes: { required: ['birthDate'], optional: ['fullName', 'region'] },
      purpose: { zh: '核实领取人身份，按出生日期查询养老金发放记录', en: 'To confirm who you are and look up your pension payments by date of birth' },
    },
    housing: {
      title: { zh: '公积金提取（模拟）', en: 'Housing fund withdrawal (simulated)' },
      description: { zh: '在线提取住房公积金，需彩色电子身份证。模拟合作方。', en: 'Withdraw from your housing fund online; needs a colour card. A simulated partner.' },
      icon: 'house',
      category: 'housing_fund',
      regions: ['nationwide'],
      minLevel: 'colour',
      target: target('housing'),
      scopes: { required: ['fullName', 'idNumber'], optional: [] },
      purpose: { zh: '提取公积金须核对姓名与身份证号码', en: 'A withdrawal must match your name and ID number' },
    },
    residence: {
      title: { zh: '北京居住登记（模拟）', en: 'Beijing residence registration (simulated)' },
      description: { zh: '办理北京市居住登记。模拟合作方，仅北京地区。', en: 'Register your residence in Beijing. A simulated partner, Beijing only.' },
      icon: 'home_id',
      category: 'residence',
      regions: ['110000'],
      minLevel: 'basic',
      target: target('residence'),
      scopes: { required: ['maskedIdNumber', 'region'], optional: ['cardLevel'] },
      purpose: { zh: '核对您的户籍地区', en: 'To check the region of your registration' },
    },
  };
}

/** Creates the demo partner's key on first start, registers the partner, and makes its tiles serve on this origin. */
export async function ensureDemoPartner(deps: Pick<Deps, 'clock'>, services: ServicesDeps, dataDir: string, origin: string): Promise<PartnerCredential> {
  const keyFile = demoPartnerKeyFile(dataDir);
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  const credential = loadDemoPartner(dataDir);
  const now = deps.clock.now();
  if (!(await services.store.getPartner(DEMO_PARTNER_ID))) {
    const { x, y } = createPublicKey(credential.privateKey).export({ format: 'jwk' });
    await services.store.insertPartner({
      id: DEMO_PARTNER_ID,
      name: DEMO_PARTNER_NAME,
      creditCode: DEMO_PARTNER_CREDIT_CODE,
      contact: '模拟联系人 (simulated contact)',
      scopes: ['verified', 'pseudonym', 'fullName', 'idNumber', 'maskedIdNumber', 'birthDate', 'over18', 'region', 'cardLevel'],
      domains: ['127.0.0.1', 'localhost'],
      appIds: [],
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x: x!, y: y! },
      status: 'active',
      createdAt: now,
    });
  }
  const manifests = demoManifests(origin);
  for (const [name, tileId] of Object.entries(DEMO_TILES) as Array<[keyof typeof DEMO_TILES, string]>) {
    const manifest = tileManifestSchema.parse(manifests[name]);
    const tile = await services.store.getTile(tileId);
    const approved = { manifest, status: 'approved' as const, reason: null, submittedAt: now, decidedAt: now };
    if (!tile) {
      await services.store.insertTile({ id: tileId, partnerId: DEMO_PARTNER_ID, suspended: false, servingVersion: 1, createdAt: now, versions: [{ version: 1, ...approved }] });
    } else if (JSON.stringify(servingManifest(tile)) !== JSON.stringify(manifest)) {
      // Another port than last time: the seed serves the moved target at once (the admin is the simulator here).
      const latest = latestVersion(tile).version;
      await services.store.addTileVersion(tileId, { version: latest + 1, ...approved }, latest, true);
    }
  }
  return credential;
}
