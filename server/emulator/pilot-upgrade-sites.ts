/**
 * The emulator's seed of the upgrade terminal directory: one SIMULATED place
 * in each pilot city (core/upgrade-directory.ts), written on start unless an
 * administrator has put that entry already. Names and addresses are
 * illustrative, marked 模拟; a deployment's directory is admin data only.
 */
import type { Deps } from '../domain/deps';
import type { UpgradeSiteRecord } from '../domain/store';

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

export const PILOT_UPGRADE_SITES: ReadonlyArray<Omit<UpgradeSiteRecord, 'updatedAt'>> = [
  { id: 'gz-tianhe', city: '440100', name: '天河区政务服务中心（模拟）', address: '广州市天河区（模拟地址）', hours: { days: WEEKDAYS, opens: '09:00', closes: '17:30' }, status: 'open' },
  { id: 'gz-baiyun-airport', city: '440100', name: '白云机场自助升级终端（模拟）', address: '广州白云国际机场（模拟地址）', hours: { days: EVERY_DAY, opens: '06:00', closes: '23:00' }, status: 'open' },
  { id: 'fs-chancheng', city: '440600', name: '禅城区行政服务中心（模拟）', address: '佛山市禅城区（模拟地址）', hours: { days: WEEKDAYS, opens: '09:00', closes: '17:00' }, status: 'open' },
  { id: 'xm-siming', city: '350200', name: '思明区公安分局户政大厅（模拟）', address: '厦门市思明区（模拟地址）', hours: { days: WEEKDAYS, opens: '08:30', closes: '17:30' }, status: 'open' },
  { id: 'bj-dongcheng', city: '110000', name: '东城区政务服务中心（模拟）', address: '北京市东城区（模拟地址）', hours: { days: WEEKDAYS, opens: '09:00', closes: '17:00' }, status: 'open' },
  { id: 'xa-yanta', city: '610100', name: '雁塔区政务服务中心（模拟）', address: '西安市雁塔区（模拟地址）', hours: { days: [1, 2, 3, 4, 5, 6], opens: '09:00', closes: '17:00' }, status: 'open' },
  { id: 'wz-ouhai', city: '330300', name: '瓯海区便民服务中心（模拟）', address: '温州市瓯海区（模拟地址）', hours: { days: EVERY_DAY, opens: '08:00', closes: '20:00' }, status: 'open' },
  { id: 'wz-lucheng', city: '330300', name: '鹿城区行政审批中心（模拟）', address: '温州市鹿城区（模拟地址）', hours: { days: WEEKDAYS, opens: '08:30', closes: '17:00' }, status: 'closed' },
];

export async function seedUpgradeSites(deps: Deps): Promise<void> {
  const existing = new Set((await deps.store.listUpgradeSites()).map((site) => site.id));
  for (const site of PILOT_UPGRADE_SITES) {
    if (!existing.has(site.id)) await deps.store.putUpgradeSite({ ...site, updatedAt: deps.clock.now() });
  }
}
