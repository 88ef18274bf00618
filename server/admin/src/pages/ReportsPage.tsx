import ComingSoon from '../components/ComingSoon';

export default function ReportsPage() {
  return <ComingSoon title="报表" />;
}
