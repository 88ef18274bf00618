export default defineAppConfig({
  pages: ['pages/home/index', 'pages/category/index', 'pages/cart/index', 'pages/me/index', 'pages/product/index', 'pages/search/index'],
  subPackages: [
    {
      root: 'order',
      pages: ['pages/checkout/index', 'pages/list/index', 'pages/detail/index', 'pages/refund/index', 'pages/address/index', 'pages/address-edit/index', 'pages/pay-success/index'],
    },
    { root: 'member', pages: ['pages/center/index', 'pages/member-day/index', 'pages/points/index', 'pages/coupons/index'] },
    { root: 'points', pages: ['pages/index/index', 'pages/mall/index', 'pages/item/index', 'pages/redemptions/index', 'pages/lottery/index'] },
    { root: 'distributor', pages: ['pages/index/index', 'pages/commissions/index', 'pages/withdraw/index', 'pages/customers/index', 'pages/poster/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '会员商城',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#8a8a8a',
    selectedColor: '#e4393c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/category/index', text: '分类', iconPath: 'assets/tab/category.png', selectedIconPath: 'assets/tab/category-active.png' },
      { pagePath: 'pages/cart/index', text: '购物车', iconPath: 'assets/tab/cart.png', selectedIconPath: 'assets/tab/cart-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
})
