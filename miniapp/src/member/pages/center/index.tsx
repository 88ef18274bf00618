import ComingSoon from '@/components/ComingSoon'

export default function MemberCenterPage() {
  return <ComingSoon title='会员中心' />
}
