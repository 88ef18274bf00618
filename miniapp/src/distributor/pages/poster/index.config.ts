export default definePageConfig({
  navigationBarTitleText: '推广海报',
  enableShareAppMessage: true,
})
