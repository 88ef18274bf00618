import ComingSoon from '@/components/ComingSoon'

export default function PointsPage() {
  return <ComingSoon title='积分中心' />
}
