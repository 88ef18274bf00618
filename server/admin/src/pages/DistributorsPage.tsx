import ComingSoon from '../components/ComingSoon';

export default function DistributorsPage() {
  return <ComingSoon title="分销员" />;
}
