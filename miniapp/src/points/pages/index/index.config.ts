export default definePageConfig({
  navigationBarTitleText: '积分中心',
  enablePullDownRefresh: true,
})
