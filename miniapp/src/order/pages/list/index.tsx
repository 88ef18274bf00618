import ComingSoon from '@/components/ComingSoon'

export default function OrderListPage() {
  return <ComingSoon title='我的订单' />
}
