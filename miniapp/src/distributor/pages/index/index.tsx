import ComingSoon from '@/components/ComingSoon'

export default function DistributorPage() {
  return <ComingSoon title='推广中心' />
}
