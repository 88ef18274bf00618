export default definePageConfig({
  navigationBarTitleText: '首页',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
  enableShareAppMessage: true,
})
