import ComingSoon from '../components/ComingSoon';

export default function MemberDaysPage() {
  return <ComingSoon title="会员日" />;
}
