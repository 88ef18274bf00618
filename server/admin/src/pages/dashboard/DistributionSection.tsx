import { useMemo } from 'react';
import { Alert, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { formatBpPercent, formatYuan, type DistributionReport } from '@mc/shared';
import EChart, { type ChartOption } from '../../components/EChart';
import { formatCents, formatCount } from '../../format';
import { useFetch } from '../../useFetch';
import type { StoreDayRange } from './range';

const percent = (bp: number | null) => (bp === null ? '—' : formatBpPercent(bp));

/** Where the range's sales came from: guides, other distributors, and customers who came by themselves. */
function salesOption({ sales }: DistributionReport): ChartOption {
  // yuan as text from integer fen, then a number for the chart: no float arithmetic on money
  const yuan = (cents: number) => Number(formatYuan(cents));
  return {
    tooltip: { trigger: 'item', formatter: '{b}：¥{c}（{d}%）' },
    legend: { top: 0 },
    series: [
      {
        name: '成交来源',
        type: 'pie',
        radius: ['35%', '65%'],
        top: 24,
        label: { formatter: '{b}\n¥{c}' },
        data: [
          { name: '导购', value: yuan(sales.guideCents), itemStyle: { color: '#fa8c16' } },
          { name: '分销员', value: yuan(sales.distributorCents - sales.guideCents), itemStyle: { color: '#1677ff' } },
          { name: '自然成交', value: yuan(sales.totalCents - sales.distributorCents), itemStyle: { color: '#d9d9d9' } },
        ],
      },
    ],
  };
}

function funnelOption({ funnel }: DistributionReport): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人' },
    series: [
      {
        name: '分销漏斗',
        type: 'funnel',
        sort: 'none',
        minSize: '20%',
        top: 8,
        bottom: 8,
        label: { position: 'inside', formatter: '{b} {c}' },
        data: [
          { name: '访问人数', value: funnel.visitors, itemStyle: { color: '#91caff' } },
          { name: '新绑定客户', value: funnel.bound, itemStyle: { color: '#4096ff' } },
          { name: '下单客户', value: funnel.buyers, itemStyle: { color: '#0958d9' } },
        ],
      },
    ],
  };
}

function Figure({ title, value, className, loading, span = 8 }: { title: string; value: string; className: string; loading: boolean; span?: number }) {
  return (
    <Col xs={12} lg={span}>
      <Statistic className={className} title={title} value={value} loading={loading} />
    </Col>
  );
}

/** 分销: sales share, funnel, the top ten, commission by status and the cost per acquired customer (`GET /api/admin/reports/distribution`). */
export default function DistributionSection({ range }: { range?: StoreDayRange }) {
  const { data, loading, error } = useFetch<DistributionReport>('/api/admin/reports/distribution', range ? { from: range.from, to: range.to } : undefined);
  const charts = useMemo(() => (data ? { sales: salesOption(data), funnel: funnelOption(data) } : null), [data]);
  const wait = loading && !data;
  const show = (f: (r: DistributionReport) => string) => (data ? f(data) : '—');
  return (
    <Card title="分销" className="distribution-section" style={{ marginTop: 16 }} extra={data && <Typography.Text type="secondary">{data.from} 至 {data.to}</Typography.Text>}>
      {error && <Alert type="warning" showIcon title={`分销数据加载失败：${error}`} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Figure title="成交额（已扣退款）" className="distribution-total" value={show((r) => formatCents(r.sales.totalCents))} loading={wait} span={6} />
        <Figure title="分销成交额" className="distribution-sales" value={show((r) => formatCents(r.sales.distributorCents))} loading={wait} span={6} />
        <Figure title="分销成交占比" className="distribution-share" value={show((r) => percent(r.sales.distributorBp))} loading={wait} span={6} />
        <Figure title="导购成交占比" className="distribution-guide-share" value={show((r) => percent(r.sales.guideBp))} loading={wait} span={6} />
      </Row>
      {charts && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <EChart className="distribution-sales-chart" option={charts.sales} height={260} />
          </Col>
          <Col xs={24} lg={12}>
            <EChart className="distribution-funnel-chart" option={charts.funnel} height={260} />
            <Typography.Text type="secondary" className="distribution-visits">
              分享链接访问 {formatCount(data!.funnel.visits)} 次
            </Typography.Text>
          </Col>
        </Row>
      )}
      <Typography.Title level={5}>佣金（本期产生，按当前状态）</Typography.Title>
      <Row gutter={[16, 16]}>
        <Figure title="待结算" className="distribution-pending" value={show((r) => formatCents(r.commission.pendingCents))} loading={wait} />
        <Figure title="已结算（可提现）" className="distribution-settled" value={show((r) => formatCents(r.commission.settledCents))} loading={wait} />
        <Figure title="已提现" className="distribution-withdrawn" value={show((r) => formatCents(r.commission.withdrawnCents))} loading={wait} />
      </Row>
      <Typography.Title level={5}>获客成本</Typography.Title>
      <Row gutter={[16, 16]}>
        <Figure title="分销带来的新买家" className="distribution-acquired" value={show((r) => formatCount(r.acquisition.customers))} loading={wait} />
        <Figure title="新买家订单佣金" className="distribution-acquisition-commission" value={show((r) => formatCents(r.acquisition.commissionCents))} loading={wait} />
        <Figure title="每位新买家佣金成本" className="distribution-cost" value={show((r) => formatCents(r.acquisition.costPerCustomerCents))} loading={wait} />
      </Row>
      <Typography.Title level={5}>分销员 TOP 10</Typography.Title>
      <Table
        className="distribution-top"
        size="small"
        rowKey="distributorId"
        pagination={false}
        loading={wait}
        dataSource={data?.top ?? []}
        locale={{ emptyText: '本期没有分销成交' }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 64 },
          {
            title: '分销员',
            dataIndex: 'nickname',
            render: (v: string, row: DistributionReport['top'][number]) => (
              <>
                {v || `#${row.distributorId}`} {row.isGuide && <Tag color="orange">导购</Tag>}
              </>
            ),
          },
          { title: '推广码', dataIndex: 'refCode' },
          { title: '订单数', dataIndex: 'orders', align: 'right', render: (v: number) => formatCount(v) },
          { title: '成交额', dataIndex: 'paidCents', align: 'right', render: (v: number) => formatCents(v) },
          { title: '佣金', dataIndex: 'commissionCents', align: 'right', render: (v: number) => formatCents(v) },
          { title: '当前绑定客户', dataIndex: 'boundCustomers', align: 'right', render: (v: number) => formatCount(v) },
        ]}
      />
    </Card>
  );
}
