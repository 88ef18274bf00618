import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import {
  formatBpPercent,
  formatYuan,
  type CohortsReport,
  type MemberDayOccurrenceReport,
  type MembersReport,
  type MemberSideFigures,
  type RepurchaseWindow,
} from '@mc/shared';
import EChart, { type ChartOption } from '../../components/EChart';
import { formatCents, formatCount } from '../../format';
import { useFetch } from '../../useFetch';

const COHORT_MONTHS = 12;
const MEMBER_DAY_OCCURRENCES = 6;
const COLORS = { member: '#e4393c', nonMember: '#8c8c8c' };

/** Yuan as a chart number, from integer fen through text (no float arithmetic on money). */
const yuan = (cents: number) => Number(formatYuan(cents));
/** A share in basis points as a chart number in percent: 3333 → 33.33. */
const percent = (bp: number | null) => (bp === null ? null : Number(formatBpPercent(bp).slice(0, -1)));
const bpText = (bp: number | null) => (bp === null ? '—' : formatBpPercent(bp));
/** An uplift that may be negative: -1250 → '-12.5%'. */
export const upliftText = (bp: number | null) => (bp === null ? '—' : `${bp < 0 ? '-' : '+'}${formatBpPercent(Math.abs(bp))}`);

/** Orders per customer as a number with two decimals: 15000 → 1.5. */
const perCustomer = (bp: number | null) => (bp === null ? null : Math.floor(bp / 100) / 100);

function compareOption(r: MembersReport): ChartOption {
  const who = ['会员', '非会员'];
  const sides: MemberSideFigures[] = [r.member, r.nonMember];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 48, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: who },
    yAxis: [{ type: 'value', name: '元' }, { type: 'value', name: '单 / 人' }],
    series: [
      { name: '客单价（元）', type: 'bar', itemStyle: { color: COLORS.member }, label: { show: true, position: 'top' }, data: sides.map((s) => yuan(s.avgOrderCents)) },
      { name: '人均订单数', type: 'bar', yAxisIndex: 1, itemStyle: { color: '#1677ff' }, label: { show: true, position: 'top' }, data: sides.map((s) => perCustomer(s.ordersPerCustomerBp)) },
    ],
  };
}

function repurchaseOption(r: MembersReport): ChartOption {
  const days = r.repurchase.member.map((w) => `${w.days} 天内`);
  const series = (name: string, windows: RepurchaseWindow[], color: string) => ({
    name,
    type: 'bar',
    itemStyle: { color },
    label: { show: true, position: 'top', formatter: '{c}%' },
    data: windows.map((w) => percent(w.rateBp)),
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', name: '复购率（%）', max: 100 },
    series: [series('会员', r.repurchase.member, COLORS.member), series('非会员', r.repurchase.nonMember, COLORS.nonMember)],
  };
}

function planOption(r: MembersReport): ChartOption {
  // labels in yuan from the fen (the slice's value is only its size)
  const text = (p: { name: string; data: { cents: number } }) => `${p.name} ${formatCents(p.data.cents)}`;
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string; data: { cents: number }; percent: number }) => `${text(p)}（${p.percent}%）` },
    legend: { top: 0 },
    series: [
      {
        name: '会员卡收入',
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: text },
        data: r.cards.cardSalesByPlan.map((p) => ({ name: `${p.name}（${p.count} 张）`, value: yuan(p.amountCents), cents: p.amountCents })),
      },
    ],
  };
}

function ltvOption(r: CohortsReport): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 48, bottom: 32 },
    xAxis: { type: 'category', name: '首单后', data: r.ltv.map((p) => (p.offset === 0 ? '当月' : `+${p.offset} 月`)) },
    yAxis: { type: 'value', name: '元 / 人' },
    series: [
      { name: '会员 LTV', type: 'line', itemStyle: { color: COLORS.member }, data: r.ltv.map((p) => (p.memberLtvCents === null ? null : yuan(p.memberLtvCents))) },
      { name: '非会员 LTV', type: 'line', itemStyle: { color: COLORS.nonMember }, data: r.ltv.map((p) => (p.nonMemberLtvCents === null ? null : yuan(p.nonMemberLtvCents))) },
    ],
  };
}

function upliftOption(items: MemberDayOccurrenceReport[]): ChartOption {
  const rows = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 48, top: 48, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((o) => `${o.date.slice(5)} ${o.name}`), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: [{ type: 'value', name: '提升（%）' }, { type: 'value', name: '人', minInterval: 1 }],
    series: [
      {
        name: '销售额较前 28 天日均提升',
        type: 'bar',
        itemStyle: { color: COLORS.member },
        label: { show: true, position: 'top', formatter: '{c}%' },
        data: rows.map((o) => (o.upliftBp === null ? null : o.upliftBp / 100)),
      },
      { name: '新开卡', type: 'line', yAxisIndex: 1, data: rows.map((o) => o.newCards) },
      { name: '首次开卡（转化）', type: 'line', yAxisIndex: 1, data: rows.map((o) => o.convertedCustomers) },
    ],
  };
}

const failed = (what: string, error: string) => <Alert type="warning" showIcon title={`${what}加载失败：${error}`} style={{ marginBottom: 16 }} />;

/** Members against the rest, repurchase and card sales over the dashboard's store days. */
function MembersSection({ from, to }: { from: string; to: string }) {
  const { data, error } = useFetch<MembersReport>('/api/admin/reports/members', { from, to });
  const compare = useMemo(() => (data ? compareOption(data) : null), [data]);
  const repurchase = useMemo(() => (data ? repurchaseOption(data) : null), [data]);
  const plans = useMemo(() => (data ? planOption(data) : null), [data]);
  const sideRows = data
    ? [
        { key: 'member', who: '会员', ...data.member },
        { key: 'nonMember', who: '非会员', ...data.nonMember },
      ]
    : [];
  return (
    <>
      <Card title="会员与非会员" style={{ marginTop: 16 }} className="members-compare">
        {error && failed('会员对比', error)}
        <Typography.Paragraph type="secondary">商品订单按支付日计入；下单时持有付费会员卡的算会员订单。复购：区间内首单后 N 天内再次支付商品订单的客户占比（只计已满 N 天的客户）。</Typography.Paragraph>
        <Table
          className="members-table"
          size="small"
          pagination={false}
          dataSource={sideRows}
          columns={[
            { title: '', dataIndex: 'who' },
            { title: '订单数', dataIndex: 'orders', render: (v: number) => formatCount(v) },
            { title: '客户数', dataIndex: 'customers', render: (v: number) => formatCount(v) },
            { title: '客单价', dataIndex: 'avgOrderCents', render: (v: number) => formatCents(v) },
            { title: '人均订单', dataIndex: 'ordersPerCustomerBp', render: (v: number | null) => perCustomer(v) ?? '—' },
            { title: 'GMV（已扣退款）', dataIndex: 'gmvCents', render: (v: number) => formatCents(v) },
            { title: 'GMV 占比', dataIndex: 'gmvShareBp', render: (v: number | null) => bpText(v) },
          ]}
        />
        <Row gutter={16}>
          <Col xs={24} lg={12}>{compare && <EChart className="members-compare-chart" option={compare} height={300} />}</Col>
          <Col xs={24} lg={12}>{repurchase && <EChart className="members-repurchase-chart" option={repurchase} height={300} />}</Col>
        </Row>
      </Card>
      <Card title="会员卡销售" style={{ marginTop: 16 }} className="card-sales">
        {data && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Row gutter={[16, 16]}>
                <Col span={12}><Statistic className="cards-conversion" title="买家开卡转化率" value={bpText(data.cards.conversionBp)} /></Col>
                <Col span={12}><Statistic className="cards-buyers" title="开卡买家 / 下单买家" value={`${data.cards.buyersWhoBoughtCard} / ${data.cards.buyers}`} /></Col>
                <Col span={12}><Statistic className="cards-renewals" title="续费" value={`${data.cards.renewals} 张 · ${formatCents(data.cards.renewalCents)}`} /></Col>
                <Col span={12}><Statistic className="cards-fast-refunds" title="极速退卡" value={`${data.cards.fastRefunds} 张 · ${formatCents(data.cards.fastRefundCents)}`} /></Col>
              </Row>
            </Col>
            <Col xs={24} lg={14}>
              {data.cards.cardSalesByPlan.length ? <EChart className="cards-plan-chart" option={plans!} height={260} /> : <Empty description="区间内没有售出会员卡" />}
            </Col>
          </Row>
        )}
      </Card>
    </>
  );
}

/** Retention by month of first order (a heat-map table) and the value per customer, members against the rest. */
function CohortSection() {
  const { data, error } = useFetch<CohortsReport>('/api/admin/reports/cohorts', { months: String(COHORT_MONTHS) });
  const ltv = useMemo(() => (data ? ltvOption(data) : null), [data]);
  const offsets = data ? data.months.map((_, k) => k) : [];
  return (
    <Card title={`留存与 LTV（近 ${COHORT_MONTHS} 个月，按首次支付商品订单的月份）`} style={{ marginTop: 16 }} className="cohorts">
      {error && failed('留存', error)}
      {data && (
        <>
          <Table
            className="cohort-table"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            rowKey="month"
            dataSource={data.cohorts}
            columns={[
              { title: '首单月', dataIndex: 'month', fixed: 'left' },
              { title: '客户数', dataIndex: 'customers', render: (v: number) => formatCount(v) },
              ...offsets.slice(1).map((k) => ({
                title: `+${k} 月`,
                key: `m${k}`,
                render: (_: unknown, c: CohortsReport['cohorts'][number]) => {
                  const bp = c.retainedBp[k];
                  if (bp === undefined) return null;
                  if (c.customers === 0) return '—';
                  return (
                    <span className="cohort-cell" style={{ display: 'block', padding: '2px 4px', background: `rgba(228, 57, 60, ${(0.08 + (0.85 * bp) / 10000).toFixed(2)})` }}>
                      {formatBpPercent(bp)}
                    </span>
                  );
                },
              })),
            ]}
          />
          {ltv && <EChart className="cohort-ltv-chart" option={ltv} height={280} />}
        </>
      )}
    </Card>
  );
}

function MemberDaySection() {
  const { data, error } = useFetch<{ items: MemberDayOccurrenceReport[] }>('/api/admin/reports/member-days', { count: String(MEMBER_DAY_OCCURRENCES) });
  const option = useMemo(() => (data?.items.length ? upliftOption(data.items) : null), [data]);
  return (
    <Card title="会员日效果（较前 28 天日均销售额）" style={{ marginTop: 16 }} className="member-day-uplift">
      {error && failed('会员日报表', error)}
      {data && !data.items.length && <Empty description="还没有举办过会员日" />}
      {option && <EChart className="member-day-chart" option={option} height={320} />}
    </Card>
  );
}

/** The dashboard's member reports for store days `from`…`to` (the overview's range). */
export default function MemberSections({ from, to }: { from: string; to: string }) {
  return (
    <div className="member-sections">
      <MembersSection from={from} to={to} />
      <CohortSection />
      <MemberDaySection />
    </div>
  );
}
