import ComingSoon from '../components/ComingSoon';

export default function WithdrawalsPage() {
  return <ComingSoon title="提现审核" />;
}
