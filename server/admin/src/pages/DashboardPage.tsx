import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { addDays, formatBpPercent, formatYuan, type OverviewFigures, type OverviewReport } from '@mc/shared';
import { useStaff } from '../auth';
import EChart, { type ChartOption } from '../components/EChart';
import { formatCents, formatCount } from '../format';
import { ROLE_LABELS, canAccess } from '../nav';
import { useFetch } from '../useFetch';
import DistributionSection from './dashboard/DistributionSection';
import MemberSections from './dashboard/MemberSections';
import PointsSection from './dashboard/PointsSection';
import type { StoreDayRange } from './dashboard/range';

type Preset = 'today' | '7' | '30' | 'custom';
const PRESETS: { value: Preset; label: string }[] = [
  { value: 'today', label: '今天' },
  { value: '7', label: '近 7 天' },
  { value: '30', label: '近 30 天' },
  { value: 'custom', label: '自定义' },
];

/**
 * The change against the previous period as text: '+12.5%', '-3.0%'; '—' when the previous figure is 0 or missing
 * (no base to compare with). Integer arithmetic in tenths of a percent.
 */
export function changeText(current: number | null, previous: number | null): string {
  if (current === null || previous === null || previous === 0) return '—';
  const tenths = Math.round(((current - previous) * 1000) / Math.abs(previous));
  const sign = tenths > 0 ? '+' : tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}%`;
}

interface Figure {
  key: keyof OverviewFigures;
  title: string;
  show: (v: number | null) => string;
}

const FIGURES: Figure[] = [
  { key: 'gmvCents', title: '成交额（GMV，已扣退款）', show: (v) => formatCents(v) },
  { key: 'orders', title: '支付订单数', show: (v) => formatCount(v) },
  { key: 'buyers', title: '下单客户数', show: (v) => formatCount(v) },
  { key: 'avgOrderCents', title: '客单价', show: (v) => formatCents(v) },
  { key: 'newCards', title: '新开会员卡', show: (v) => formatCount(v) },
  { key: 'paidMembers', title: '付费会员数', show: (v) => formatCount(v) },
  { key: 'memberConversionBp', title: '买家开卡转化率', show: (v) => (v === null ? '—' : formatBpPercent(v)) },
  { key: 'refundedCents', title: '退款金额', show: (v) => formatCents(v) },
];

function seriesOption(report: OverviewReport): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 48, top: 56, bottom: 32 },
    xAxis: { type: 'category', data: report.series.map((d) => d.day.slice(5)) },
    yAxis: [
      { type: 'value', name: '元' },
      { type: 'value', name: '单', minInterval: 1 },
    ],
    series: [
      // yuan as text from integer fen, then a number for the axis: no float arithmetic on money
      { name: '成交额（元）', type: 'bar', data: report.series.map((d) => Number(formatYuan(d.gmvCents))), itemStyle: { color: '#e4393c' } },
      { name: '订单数', type: 'line', yAxisIndex: 1, data: report.series.map((d) => d.orders), itemStyle: { color: '#1677ff' } },
    ],
  };
}

function Overview({ onRange }: { onRange: (range: StoreDayRange) => void }) {
  const [preset, setPreset] = useState<Preset>('7');
  const [custom, setCustom] = useState<[string, string] | null>(null);
  const [today, setToday] = useState<string | null>(null);

  // The first answer (the server's default: the last 7 days) tells the store's today; presets count back from it.
  const query =
    today === null || preset === '7'
      ? undefined
      : preset === 'today'
        ? { from: today, to: today }
        : preset === '30'
          ? { from: addDays(today, -29), to: today }
          : custom
            ? { from: custom[0], to: custom[1] }
            : undefined;
  const { data, loading, error } = useFetch<OverviewReport>('/api/admin/reports/overview', query);
  useEffect(() => {
    if (data && today === null) setToday(data.to);
  }, [data, today]);
  useEffect(() => {
    if (data) onRange({ from: data.from, to: data.to });
  }, [data, onRange]);
  const option = useMemo(() => (data ? seriesOption(data) : null), [data]);

  return (
    <>
      <Card
        title="经营概览"
        style={{ marginTop: 16 }}
        extra={
          <Space wrap>
            <Segmented className="overview-preset" options={PRESETS} value={preset} onChange={(v) => setPreset(v as Preset)} />
            {preset === 'custom' && (
              <DatePicker.RangePicker className="overview-range" onChange={(_: unknown, days: [string, string]) => setCustom(days[0] && days[1] ? days : null)} />
            )}
          </Space>
        }
      >
        {error && <Alert type="warning" showIcon title={`概览数据加载失败：${error}`} style={{ marginBottom: 16 }} />}
        {data && (
          <Typography.Paragraph type="secondary" className="overview-period">
            {data.from} 至 {data.to}，对比上期 {data.previous.from} 至 {data.previous.to}
          </Typography.Paragraph>
        )}
        <Row gutter={[16, 16]}>
          {FIGURES.map((f) => {
            const value = data ? (data[f.key] as number | null) : null;
            const before = data ? (data.previous[f.key] as number | null) : null;
            return (
              <Col key={f.key} xs={24} sm={12} lg={6}>
                <Statistic className={`overview-${f.key}`} title={f.title} value={data ? f.show(value) : '—'} loading={loading && !data} />
                <Typography.Text type="secondary" className="overview-change">
                  较上期 {data ? changeText(value, before) : '—'}
                </Typography.Text>
              </Col>
            );
          })}
        </Row>
        {option && <EChart className="overview-chart" option={option} />}
      </Card>
      {data && <MemberSections from={data.from} to={data.to} />}
    </>
  );
}

export default function DashboardPage() {
  const staff = useStaff();
  const mayReadReports = canAccess(staff.role, { roles: ['owner', 'finance'] });
  // the points and distribution reports follow the overview's range; an operator (no overview) sees their default week
  const [range, setRange] = useState<StoreDayRange>();
  const ready = range !== undefined || !mayReadReports;
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
      {mayReadReports && <Overview onRange={setRange} />}
      {ready && <PointsSection range={range} />}
      {ready && <DistributionSection range={range} />}
    </div>
  );
}
