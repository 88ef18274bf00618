import ComingSoon from '../components/ComingSoon';

export default function AuditLogPage() {
  return <ComingSoon title="审计日志" />;
}
