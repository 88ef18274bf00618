import ComingSoon from '../components/ComingSoon';

export default function PointsMallPage() {
  return <ComingSoon title="积分商城" />;
}
