import ComingSoon from '../components/ComingSoon';

export default function TiersPage() {
  return <ComingSoon title="会员等级" />;
}
