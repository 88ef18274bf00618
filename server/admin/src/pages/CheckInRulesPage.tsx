import ComingSoon from '../components/ComingSoon';

export default function CheckInRulesPage() {
  return <ComingSoon title="签到规则" />;
}
