import ComingSoon from '../components/ComingSoon';

export default function MembershipPlansPage() {
  return <ComingSoon title="会员卡方案" />;
}
