import ComingSoon from '../components/ComingSoon';

export default function RefundsPage() {
  return <ComingSoon title="售后退款" />;
}
