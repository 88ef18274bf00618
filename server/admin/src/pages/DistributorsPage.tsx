import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Input, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { DISTRIBUTOR_STATUS_LABEL, type AdminDistributorView, type DistributorLeaderboard, type DistributorStatus } from '@mc/shared';
import { api, errorMessage, type Page } from '../api';
import { formatCents, formatCount, formatDateTime } from '../format';
import { DISTRIBUTOR_STATUS_COLOR, labelOf } from '../status';
import { useFetch } from '../useFetch';
import { usePaging } from '../usePaging';
import ReasonModal from './distribution/ReasonModal';

type Status = Exclude<DistributorStatus, 'NONE'>;
const STATUSES: Status[] = ['APPROVED', 'DISABLED', 'PENDING', 'REJECTED'];
const ALL = 'ALL';

const name = (d: { nickname: string }) => d.nickname || '未设置昵称';

/** Approve, disable, enable, guide: one request, then the list again. */
function useAction(reload: () => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const run = async (d: AdminDistributorView, request: () => Promise<unknown>, done: string) => {
    setBusy(d.id);
    try {
      await request();
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

/** The distributors of one status (`fixed`, the applications) or of the filter and search staff pick. */
function DistributorTable({ fixed }: { fixed?: Status }) {
  const [status, setStatus] = useState<string>(ALL);
  const [q, setQ] = useState('');
  const { page, pageSize, filtered, pagination } = usePaging('人');
  const [rejecting, setRejecting] = useState<AdminDistributorView | null>(null);
  const { data, loading, error, reload } = useFetch<Page<AdminDistributorView>>('/api/admin/distributors', {
    status: fixed ?? (status === ALL ? undefined : status),
    q: fixed ? undefined : q,
    page,
    pageSize,
  });
  const { busy, run } = useAction(reload);
  const post = (d: AdminDistributorView, action: string, done: string) => run(d, () => api.post(`/api/admin/distributors/${d.id}/${action}`), done);

  const confirm = (d: AdminDistributorView, action: string, title: string, button: string, done: string, danger = false) => (
    <Popconfirm
      title={title}
      okText={button}
      okButtonProps={{ className: `distributor-${action}-confirm`, danger }}
      cancelText="取消"
      onConfirm={() => post(d, action, done)}
    >
      <Button type="link" danger={danger} className={`distributor-${action}`} loading={busy === d.id}>
        {button}
      </Button>
    </Popconfirm>
  );

  const actions = (d: AdminDistributorView) => {
    switch (d.status) {
      case 'PENDING':
        return (
          <Space size={0}>
            {confirm(d, 'approve', `通过 ${name(d)} 的申请？通过后即生成推广码。`, '通过', '已通过申请')}
            <Button type="link" danger className="distributor-reject" onClick={() => setRejecting(d)}>
              拒绝
            </Button>
          </Space>
        );
      case 'APPROVED':
        return confirm(d, 'disable', `停用 ${name(d)}？停用后其分享不再计佣，已有余额仍可查看。`, '停用', '已停用', true);
      case 'DISABLED':
        return confirm(d, 'enable', `恢复 ${name(d)} 的推广资格？`, '启用', '已启用');
      default:
        return '—';
    }
  };

  const columns: TableColumnsType<AdminDistributorView> = [
    {
      title: '推广员',
      key: 'who',
      width: 160,
      render: (_, d) => (
        <>
          <div>
            {name(d)} {d.isGuide && <Tag color="gold">导购</Tag>}
          </div>
          {d.phoneTail && <Typography.Text type="secondary">{`尾号 ${d.phoneTail}`}</Typography.Text>}
        </>
      ),
    },
    { title: '推广码', dataIndex: 'refCode', width: 90, render: (c: string | null) => c ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 120,
      render: (s: Status, d) => (
        <>
          <Tag className="distributor-status" color={DISTRIBUTOR_STATUS_COLOR[s]}>
            {labelOf(DISTRIBUTOR_STATUS_LABEL, s)}
          </Tag>
          {d.rejectReason && s === 'REJECTED' && (
            <div>
              <Typography.Text type="secondary">{d.rejectReason}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    ...(fixed === 'PENDING'
      ? ([
          { title: '申请理由', dataIndex: 'reason', ellipsis: true, render: (r: string | null) => r || '—' },
          { title: '申请时间', dataIndex: 'appliedAt', width: 150, render: formatDateTime },
        ] as TableColumnsType<AdminDistributorView>)
      : ([
          {
            title: '推广数据',
            key: 'stats',
            render: (_, d) => (
              <div className="distributor-stats" style={{ whiteSpace: 'nowrap' }}>
                <div>{`访问 ${formatCount(d.stats.visits)} · 客户 ${formatCount(d.stats.boundCustomers)}`}</div>
                <div>{`订单 ${formatCount(d.stats.orders)} · 成交 ${formatCents(d.stats.paidCents)}`}</div>
                <Typography.Text type="secondary">{d.stats.monthRank === null ? '本月暂无排名' : `本月第 ${d.stats.monthRank} 名`}</Typography.Text>
              </div>
            ),
          },
          {
            title: '佣金',
            key: 'balances',
            render: (_, d) => (
              <div className="distributor-balances" style={{ whiteSpace: 'nowrap' }}>
                <div>{`可提现 ${formatCents(d.balances.availableCents)}`}</div>
                <div>{`待结算 ${formatCents(d.balances.pendingCents)} · 提现中 ${formatCents(d.balances.frozenCents)}`}</div>
                <div>{`已提现 ${formatCents(d.balances.withdrawnCents)}`}</div>
                {d.balances.owedCents > 0 && <Typography.Text type="danger">{`待抵扣 ${formatCents(d.balances.owedCents)}`}</Typography.Text>}
              </div>
            ),
          },
          {
            title: '导购',
            key: 'guide',
            width: 80,
            render: (_, d) => (
              <Switch
                size="small"
                className="distributor-guide"
                checked={d.isGuide}
                disabled={d.status !== 'APPROVED' || busy === d.id}
                onChange={(isGuide) => run(d, () => api.put(`/api/admin/distributors/${d.id}/guide`, { isGuide }), isGuide ? '已设为导购' : '已取消导购')}
              />
            ),
          },
        ] as TableColumnsType<AdminDistributorView>)),
    { title: '操作', key: 'actions', width: 120, render: (_, d) => actions(d) },
  ];

  return (
    <>
      {!fixed && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            className="distributor-status-filter"
            value={status}
            style={{ width: 140 }}
            options={[{ value: ALL, label: '全部状态' }, ...STATUSES.map((s) => ({ value: s, label: DISTRIBUTOR_STATUS_LABEL[s] }))]}
            onChange={filtered((v: string) => setStatus(v))}
          />
          <Input.Search
            className="distributor-search"
            placeholder="昵称 / 手机号 / 推广码"
            allowClear
            maxLength={32}
            style={{ width: 260 }}
            onSearch={filtered((v: string) => setQ(v.trim()))}
          />
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AdminDistributorView>
        rowKey="id"
        rowClassName="distributor-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={pagination(data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: fixed === 'PENDING' ? '没有待审核的申请' : undefined }}
      />
      {rejecting && (
        <ReasonModal
          title="拒绝申请"
          path={`/api/admin/distributors/${rejecting.id}/reject`}
          submitClassName="distributor-reject-submit"
          placeholder="如：请补充推广渠道后重新申请"
          done="已拒绝申请"
          intro={<Typography.Paragraph>{`${name(rejecting)} 会在推广中心看到拒绝原因，并可重新申请。`}</Typography.Paragraph>}
          onClose={() => setRejecting(null)}
          onDone={() => {
            setRejecting(null);
            reload();
          }}
        />
      )}
    </>
  );
}

/** The store leaderboard of a month (none picked: the store's current month), `GET /api/admin/reports/distributors?month=`. */
function Leaderboard() {
  const [month, setMonth] = useState('');
  const { data, loading, error } = useFetch<DistributorLeaderboard>('/api/admin/reports/distributors', { month });
  type Row = DistributorLeaderboard['items'][number];
  const columns: TableColumnsType<Row> = [
    { title: '排名', dataIndex: 'rank', width: 70 },
    {
      title: '推广员',
      key: 'who',
      render: (_, r) => (
        <>
          {name(r)} {r.isGuide && <Tag color="gold">导购</Tag>}
        </>
      ),
    },
    { title: '推广码', dataIndex: 'refCode', width: 100 },
    { title: '订单', dataIndex: 'orders', width: 80, render: formatCount },
    { title: '成交金额', dataIndex: 'paidCents', width: 130, render: formatCents },
    { title: '佣金', dataIndex: 'commissionCents', width: 120, render: formatCents },
    { title: '绑定客户', dataIndex: 'boundCustomers', width: 100, render: formatCount },
  ];
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <DatePicker picker="month" className="leaderboard-month" placeholder="本月" onChange={(_, text) => setMonth(typeof text === 'string' ? text : '')} />
        {data && <Typography.Text type="secondary" className="leaderboard-title">{`${data.month} 按成交金额排名`}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey="distributorId"
        rowClassName="leaderboard-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: '该月还没有成交' }}
      />
    </>
  );
}

/** 分销员: applications to review, the distributors and guides, and the month's leaderboard. */
export default function DistributorsPage() {
  return (
    <Card title="分销员">
      <Tabs
        className="distributor-tabs"
        destroyOnHidden
        items={[
          { key: 'applications', label: '申请审核', children: <DistributorTable fixed="PENDING" /> },
          { key: 'distributors', label: '分销员与导购', children: <DistributorTable /> },
          { key: 'leaderboard', label: '排行榜', children: <Leaderboard /> },
        ]}
      />
    </Card>
  );
}
