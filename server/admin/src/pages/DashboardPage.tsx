import { useEffect, useState } from 'react';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { formatBpPercent } from '@mc/shared';
import { api, errorMessage, isApiError } from '../api';
import { useStaff } from '../auth';
import { formatCents, formatCount } from '../format';
import { ROLE_LABELS, canAccess } from '../nav';

/** `GET /api/admin/reports/overview`: fields read defensively until the reports work lands. */
interface Overview {
  gmvCents?: number;
  orderCount?: number;
  paidMemberCount?: number;
  /** Basis points (1250 = 12.5 %), like every rate on the wire. */
  memberConversionBp?: number;
}

type OverviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; data: Overview }
  | { kind: 'unavailable' }
  | { kind: 'failed'; message: string };

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const percent = (bp: unknown): string => (typeof bp === 'number' && Number.isSafeInteger(bp) && bp >= 0 ? formatBpPercent(bp) : '—');

export default function DashboardPage() {
  const staff = useStaff();
  const mayReadReports = canAccess(staff.role, { roles: ['owner', 'finance'] });
  const [overview, setOverview] = useState<OverviewState>({ kind: 'idle' });

  useEffect(() => {
    if (!mayReadReports) return;
    const controller = new AbortController();
    setOverview({ kind: 'loading' });
    api
      .get<Overview>('/api/admin/reports/overview', undefined, { signal: controller.signal })
      .then((data) => setOverview({ kind: 'ready', data: data ?? {} }))
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        // 404: the reports route is not there yet; show placeholders only.
        if (isApiError(e) && e.status === 404) setOverview({ kind: 'unavailable' });
        else setOverview({ kind: 'failed', message: errorMessage(e) });
      });
    return () => controller.abort();
  }, [mayReadReports]);

  const data = overview.kind === 'ready' ? overview.data : {};
  const loading = overview.kind === 'loading';
  const stats = [
    { title: '成交额（GMV）', value: formatCents(num(data.gmvCents)) },
    { title: '订单数', value: formatCount(num(data.orderCount)) },
    { title: '付费会员数', value: formatCount(num(data.paidMemberCount)) },
    { title: '会员转化率', value: percent(data.memberConversionBp) },
  ];

  return (
    <div className="dashboard">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          欢迎回来，{staff.username}
        </Typography.Title>
        <Typography.Text type="secondary">
          当前角色：{ROLE_LABELS[staff.role]}。从左侧菜单选择要管理的内容。
        </Typography.Text>
      </Card>

      {mayReadReports && (
        <Card title="经营概览" style={{ marginTop: 16 }}>
          {overview.kind === 'failed' && (
            <Alert type="warning" showIcon title={`概览数据加载失败：${overview.message}`} style={{ marginBottom: 16 }} />
          )}
          <Row gutter={[16, 16]}>
            {stats.map((s) => (
              <Col key={s.title} xs={24} sm={12} lg={6}>
                <Statistic title={s.title} value={s.value} loading={loading} />
              </Col>
            ))}
          </Row>
          {overview.kind === 'unavailable' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              报表功能即将上线。
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </div>
  );
}
