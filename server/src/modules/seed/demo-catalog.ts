/** The demo store's catalog: root categories with children, each child with a few products. */
export interface DemoProduct {
  title: string;
  subtitle: string;
  /** [specs, list price fen, member price fen | null, stock] */
  skus: [Record<string, string>, number, number | null, number][];
  memberOnly?: boolean;
  /** Search words beyond the title, subtitle and category names. */
  keywords?: string;
}

export const DEMO_CATALOG: { name: string; children: { name: string; products: DemoProduct[] }[] }[] = [
  {
    name: '茶饮冲调',
    children: [
      {
        name: '绿茶',
        products: [
          { title: '明前龙井 100g', subtitle: '西湖产区 头采嫩芽', skus: [[{ 规格: '100g' }, 12800, 11800, 200], [{ 规格: '250g 礼盒' }, 29800, 26800, 80]] },
          { title: '碧螺春 罐装', subtitle: '花果香 鲜爽回甘', skus: [[{ 规格: '50g' }, 5900, 5300, 300]] },
          { title: '黄山毛峰', subtitle: '高山云雾 清香持久', skus: [[{ 规格: '100g' }, 6800, null, 150]] },
        ],
      },
      {
        name: '红茶',
        products: [
          { title: '正山小种', subtitle: '松烟香 桂圆味', skus: [[{ 规格: '100g' }, 7900, 6900, 120], [{ 规格: '200g' }, 14900, 12900, 60]] },
          { title: '滇红金芽', subtitle: '蜜香浓郁', skus: [[{ 规格: '100g' }, 8800, 7900, 90]] },
          { title: '冷泡红茶包', subtitle: '15 包入 方便冲泡', skus: [[{ 口味: '原味' }, 3900, 3500, 500], [{ 口味: '蜜桃' }, 4200, 3800, 400]] },
        ],
      },
    ],
  },
  {
    name: '零食坚果',
    children: [
      {
        name: '坚果',
        products: [
          { title: '每日坚果 30 袋', subtitle: '7 种坚果果干科学配比', skus: [[{ 规格: '30 袋' }, 9900, 8900, 400], [{ 规格: '60 袋' }, 18900, 16900, 200]] },
          { title: '碧根果 奶油味', subtitle: '薄壳易剥', keywords: '山核桃 零食', skus: [[{ 规格: '500g' }, 4990, 4490, 250]] },
          { title: '夏威夷果', subtitle: '颗颗饱满 附开果器', keywords: '澳洲坚果 零食', skus: [[{ 规格: '500g' }, 5990, null, 180]] },
          { title: '黑金每日坚果 会员专享', subtitle: '会员专享配方', memberOnly: true, skus: [[{ 规格: '30 袋' }, 12900, 9900, 100]] },
        ],
      },
      {
        name: '糕点',
        products: [
          { title: '手工蛋黄酥', subtitle: '6 枚装 现烤现发', keywords: '点心 零食', skus: [[{ 规格: '6 枚' }, 3680, 3280, 150]] },
          { title: '绿豆糕 礼盒', subtitle: '清甜不腻', skus: [[{ 规格: '12 枚' }, 4800, 4300, 120]] },
          { title: '全麦吐司', subtitle: '0 蔗糖 高纤维', skus: [[{ 规格: '400g' }, 1990, null, 300]] },
        ],
      },
    ],
  },
  {
    name: '个护美妆',
    children: [
      {
        name: '护肤',
        products: [
          { title: '玻尿酸保湿精华', subtitle: '30ml 深层补水', skus: [[{ 规格: '30ml' }, 19900, 16900, 100], [{ 规格: '50ml' }, 29900, 25900, 60]] },
          { title: '氨基酸洁面乳', subtitle: '温和不紧绷', skus: [[{ 规格: '120g' }, 6900, 5900, 200]] },
          { title: '清透防晒霜 SPF50', subtitle: '轻薄不油腻', skus: [[{ 规格: '50ml' }, 12900, 10900, 150]] },
        ],
      },
      {
        name: '洗护',
        products: [
          { title: '无硅油洗发水', subtitle: '控油蓬松', skus: [[{ 香型: '茶树' }, 5900, 4900, 200], [{ 香型: '樱花' }, 5900, 4900, 200]] },
          { title: '香氛沐浴露', subtitle: '持久留香', skus: [[{ 香型: '白茶' }, 4900, 4300, 220]] },
          { title: '护手霜 三支装', subtitle: '滋润不黏腻', skus: [[{ 规格: '3x30g' }, 3900, null, 300]] },
        ],
      },
    ],
  },
  {
    name: '家居日用',
    children: [
      {
        name: '厨房',
        products: [
          { title: '不粘炒锅 30cm', subtitle: '少油烟 电磁炉通用', skus: [[{ 尺寸: '30cm' }, 25900, 21900, 80], [{ 尺寸: '32cm' }, 27900, 23900, 60]] },
          { title: '陶瓷餐具 16 件套', subtitle: '釉下彩 可进微波炉', skus: [[{ 花色: '青花' }, 19900, 17900, 50]] },
          { title: '硅胶保鲜盖 6 件', subtitle: '多尺寸通用', skus: [[{ 规格: '6 件' }, 2990, 2590, 400]] },
        ],
      },
      {
        name: '收纳',
        products: [
          { title: '抽屉式收纳箱', subtitle: '可叠加 透明可视', skus: [[{ 规格: '大号' }, 6900, 5900, 150], [{ 规格: '中号' }, 4900, 4200, 150]] },
          { title: '真空压缩袋 8 件', subtitle: '换季收纳神器', skus: [[{ 规格: '8 件' }, 3990, null, 260]] },
          { title: '桌面收纳盒', subtitle: '原木风', skus: [[{ 颜色: '原木' }, 2990, 2590, 200]] },
        ],
      },
    ],
  },
  {
    name: '服饰鞋包',
    children: [
      {
        name: 'T恤',
        products: [
          {
            title: '纯棉短袖 T 恤',
            subtitle: '新疆长绒棉 不易变形',
            skus: [
              [{ 颜色: '白', 尺码: 'M' }, 7900, 6900, 100],
              [{ 颜色: '白', 尺码: 'L' }, 7900, 6900, 100],
              [{ 颜色: '黑', 尺码: 'M' }, 7900, 6900, 100],
              [{ 颜色: '黑', 尺码: 'L' }, 7900, 6900, 0],
            ],
          },
          { title: '速干运动 T 恤', subtitle: '透气排汗', skus: [[{ 颜色: '灰', 尺码: 'M' }, 8900, 7900, 80], [{ 颜色: '灰', 尺码: 'L' }, 8900, 7900, 80]] },
          { title: '印花文化衫', subtitle: '国潮图案', skus: [[{ 尺码: 'M' }, 6900, null, 120], [{ 尺码: 'L' }, 6900, null, 120]] },
        ],
      },
      {
        name: '帽子',
        products: [
          { title: '棒球帽', subtitle: '可调节 四季百搭', skus: [[{ 颜色: '黑' }, 5900, 4900, 150], [{ 颜色: '米白' }, 5900, 4900, 150]] },
          { title: '渔夫帽', subtitle: '防晒 可折叠', skus: [[{ 颜色: '卡其' }, 6900, 5900, 100]] },
          { title: '针织毛线帽', subtitle: '保暖加厚', skus: [[{ 颜色: '酒红' }, 4900, 4300, 90]] },
        ],
      },
    ],
  },
];
