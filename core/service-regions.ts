/**
 * Where a tile serves: GB/T 2260 codes of a province (`110000`) or a
 * prefecture-level city (`440300`), or `nationwide`. A citizen's home region
 * comes from the first digits of their ID number; the services page's city
 * picker offers the cities below (capitals and the largest cities), and any
 * other valid code can still be named by a tile.
 */
import { PROVINCES } from './regions';

export const NATIONWIDE = 'nationwide';
export const REGION_CODE_PATTERN = /^\d{4}00$/;

type Text = { zh: string; en: string };

export const CITIES: Readonly<Record<string, Text>> = {
  '110100': { zh: '北京市', en: 'Beijing' },
  '120100': { zh: '天津市', en: 'Tianjin' },
  '130100': { zh: '石家庄市', en: 'Shijiazhuang' },
  '140100': { zh: '太原市', en: 'Taiyuan' },
  '150100': { zh: '呼和浩特市', en: 'Hohhot' },
  '210100': { zh: '沈阳市', en: 'Shenyang' },
  '210200': { zh: '大连市', en: 'Dalian' },
  '220100': { zh: '长春市', en: 'Changchun' },
  '230100': { zh: '哈尔滨市', en: 'Harbin' },
  '310100': { zh: '上海市', en: 'Shanghai' },
  '320100': { zh: '南京市', en: 'Nanjing' },
  '320500': { zh: '苏州市', en: 'Suzhou' },
  '330100': { zh: '杭州市', en: 'Hangzhou' },
  '330200': { zh: '宁波市', en: 'Ningbo' },
  '340100': { zh: '合肥市', en: 'Hefei' },
  '350100': { zh: '福州市', en: 'Fuzhou' },
  '350200': { zh: '厦门市', en: 'Xiamen' },
  '360100': { zh: '南昌市', en: 'Nanchang' },
  '370100': { zh: '济南市', en: 'Jinan' },
  '370200': { zh: '青岛市', en: 'Qingdao' },
  '410100': { zh: '郑州市', en: 'Zhengzhou' },
  '420100': { zh: '武汉市', en: 'Wuhan' },
  '430100': { zh: '长沙市', en: 'Changsha' },
  '440100': { zh: '广州市', en: 'Guangzhou' },
  '440300': { zh: '深圳市', en: 'Shenzhen' },
  '450100': { zh: '南宁市', en: 'Nanning' },
  '460100': { zh: '海口市', en: 'Haikou' },
  '500100': { zh: '重庆市', en: 'Chongqing' },
  '510100': { zh: '成都市', en: 'Chengdu' },
  '520100': { zh: '贵阳市', en: 'Guiyang' },
  '530100': { zh: '昆明市', en: 'Kunming' },
  '540100': { zh: '拉萨市', en: 'Lhasa' },
  '610100': { zh: '西安市', en: "Xi'an" },
  '620100': { zh: '兰州市', en: 'Lanzhou' },
  '630100': { zh: '西宁市', en: 'Xining' },
  '640100': { zh: '银川市', en: 'Yinchuan' },
  '650100': { zh: '乌鲁木齐市', en: 'Urumqi' },
};
export const CITY_CODES = Object.keys(CITIES);

/** Where a citizen lives for the services page: a province and, when the ID number says, a city. */
export interface ServiceRegion {
  province: string;
  city?: string;
}

const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

/** Whether a code names a province or a city of a known province (GB/T 2260 shape). */
export function isRegionCode(code: string): boolean {
  return REGION_CODE_PATTERN.test(code) && code.slice(0, 2) in PROVINCES;
}

/** A province code as itself; a city code as its city within its province. */
export function regionOfCode(code: string): ServiceRegion {
  const province = provinceOf(code);
  return code === province ? { province } : { province, city: code };
}

/**
 * The home region of a normalised, valid ID number: resident numbers name
 * their city in digits 1–4 (a municipality's districts count as the city);
 * the 2023 foreign permanent residence ID names its province in digits 2–3;
 * residence permits of Hong Kong, Macao and Taiwan residents name none.
 */
export function homeRegionOf(idNumber: string): ServiceRegion | null {
  if (idNumber.startsWith('9')) {
    const province = `${idNumber.slice(1, 3)}0000`;
    return isRegionCode(province) ? { province } : null;
  }
  const province = provinceOf(idNumber);
  if (!isRegionCode(province)) return null;
  const city = `${idNumber.slice(0, 4)}00`;
  return city === province ? { province } : { province, city };
}

/** Whether a tile's regions include this region: nationwide, its province, or its city. */
export function tileServes(regions: readonly string[], region: ServiceRegion | null): boolean {
  if (regions.includes(NATIONWIDE)) return true;
  if (!region) return false;
  return regions.includes(region.province) || (region.city !== undefined && regions.includes(region.city));
}

/** 北京市, 广东省 440000 → 广东, or the code itself for a city the list does not name. */
export function regionLabel(code: string): Text {
  if (code === NATIONWIDE) return { zh: '全国', en: 'Nationwide' };
  const city = CITIES[code];
  if (city) return city;
  const province = PROVINCES[code.slice(0, 2)];
  if (!province) return { zh: code, en: code };
  return code === provinceOf(code) ? province : { zh: `${province.zh} ${code}`, en: `${province.en} ${code}` };
}
