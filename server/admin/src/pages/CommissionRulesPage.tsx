import ComingSoon from '../components/ComingSoon';

export default function CommissionRulesPage() {
  return <ComingSoon title="佣金规则" />;
}
