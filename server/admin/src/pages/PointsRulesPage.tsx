import ComingSoon from '../components/ComingSoon';

export default function PointsRulesPage() {
  return <ComingSoon title="积分规则" />;
}
