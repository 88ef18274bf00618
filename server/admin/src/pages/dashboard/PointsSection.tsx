import { useMemo } from 'react';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { formatBpPercent, type PointsLiability, type PointsReport } from '@mc/shared';
import EChart, { type ChartOption } from '../../components/EChart';
import { formatCents, formatCount } from '../../format';
import { useFetch } from '../../useFetch';
import { LiabilityCard } from '../PointsRulesPage';
import type { StoreDayRange } from './range';

const days = (r: PointsReport) => r.series.map((d) => d.day.slice(5));
const grid = { left: 56, right: 48, top: 48, bottom: 32 };

/** Issued against used: one bar for what was issued, one stack for what was spent and what expired, per store day. */
function flowOption(r: PointsReport): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: days(r) },
    yAxis: { type: 'value', name: '积分', minInterval: 1 },
    series: [
      { name: '发放', type: 'bar', stack: 'in', data: r.series.map((d) => d.issued), itemStyle: { color: '#52c41a' } },
      { name: '使用', type: 'bar', stack: 'out', data: r.series.map((d) => d.spent), itemStyle: { color: '#1677ff' } },
      { name: '过期', type: 'bar', stack: 'out', data: r.series.map((d) => d.expired), itemStyle: { color: '#bfbfbf' } },
    ],
  };
}

function checkInOption(r: PointsReport): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: days(r) },
    yAxis: { type: 'value', name: '人', minInterval: 1 },
    series: [
      { name: '签到人数', type: 'line', data: r.series.map((d) => d.checkedIn), itemStyle: { color: '#fa8c16' } },
      { name: '补签', type: 'line', data: r.series.map((d) => d.madeUp), itemStyle: { color: '#8c8c8c' } },
    ],
  };
}

function redemptionOption(r: PointsReport): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: days(r) },
    yAxis: [
      { type: 'value', name: '笔', minInterval: 1 },
      { type: 'value', name: '积分', minInterval: 1 },
    ],
    series: [
      { name: '兑换笔数', type: 'bar', data: r.series.map((d) => d.redemptions), itemStyle: { color: '#722ed1' } },
      { name: '兑换积分', type: 'line', yAxisIndex: 1, data: r.series.map((d) => d.redemptionPoints), itemStyle: { color: '#eb2f96' } },
    ],
  };
}

function Figure({ title, value, className, loading }: { title: string; value: string; className: string; loading: boolean }) {
  return (
    <Col xs={12} lg={6}>
      <Statistic className={className} title={title} value={value} loading={loading} />
    </Col>
  );
}

/** 积分: issued / spent / expired per day, check-in participation, mall redemptions (`GET /api/admin/reports/points`) and the liability. */
export default function PointsSection({ range }: { range?: StoreDayRange }) {
  const { data, loading, error } = useFetch<PointsReport>('/api/admin/reports/points', range ? { from: range.from, to: range.to } : undefined);
  // what is outstanding now, whatever the range: the figure of the 积分规则 page, from its own route
  const liability = useFetch<PointsLiability>('/api/admin/points/liability');
  const charts = useMemo(() => (data ? { flow: flowOption(data), checkIn: checkInOption(data), redemptions: redemptionOption(data) } : null), [data]);
  const wait = loading && !data;
  const show = (f: (r: PointsReport) => string) => (data ? f(data) : '—');
  return (
    <Card title="积分" className="points-section" style={{ marginTop: 16 }} extra={data && <Typography.Text type="secondary">{data.from} 至 {data.to}</Typography.Text>}>
      {error && <Alert type="warning" showIcon title={`积分数据加载失败：${error}`} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Figure title="发放积分" className="points-issued" value={show((r) => formatCount(r.issued))} loading={wait} />
        <Figure title="使用积分" className="points-spent" value={show((r) => formatCount(r.spent))} loading={wait} />
        <Figure title="过期积分" className="points-expired" value={show((r) => formatCount(r.expired))} loading={wait} />
        <Figure title="退回积分（取消、退款）" className="points-returned" value={show((r) => formatCount(r.returned))} loading={wait} />
      </Row>
      {charts && <EChart className="points-flow-chart" option={charts.flow} height={280} />}
      <Typography.Title level={5}>签到参与</Typography.Title>
      <Row gutter={[16, 16]}>
        <Figure title="签到人数（去重）" className="points-checkin-customers" value={show((r) => formatCount(r.checkIn.customers))} loading={wait} />
        <Figure title="活跃顾客" className="points-active-customers" value={show((r) => formatCount(r.checkIn.activeCustomers))} loading={wait} />
        <Figure
          title="签到参与率"
          className="points-participation"
          value={show((r) => (r.checkIn.participationBp === null ? '—' : formatBpPercent(r.checkIn.participationBp)))}
          loading={wait}
        />
      </Row>
      {charts && <EChart className="points-checkin-chart" option={charts.checkIn} height={240} />}
      <Typography.Title level={5}>积分商城兑换</Typography.Title>
      <Row gutter={[16, 16]}>
        <Figure title="兑换笔数" className="points-redemptions" value={show((r) => formatCount(r.redemptions))} loading={wait} />
        <Figure title="兑换消耗积分" className="points-redemption-points" value={show((r) => formatCount(r.redemptionPoints))} loading={wait} />
        <Figure title="兑换收取现金" className="points-redemption-cash" value={show((r) => formatCents(r.redemptionCashCents))} loading={wait} />
      </Row>
      {charts && <EChart className="points-redemption-chart" option={charts.redemptions} height={240} />}
      <LiabilityCard data={liability.data ?? null} error={liability.error} loading={liability.loading} />
    </Card>
  );
}
