import { useState } from 'react';
import { Alert, Button, Card, Form, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { WITHDRAWAL_STATUS_LABEL, type AdminWithdrawalView, type WithdrawalStatus } from '@mc/shared';
import { api, errorMessage, type Page } from '../api';
import FormModal from '../components/FormModal';
import { formatCents, formatDateTime } from '../format';
import { WITHDRAWAL_STATUS_COLOR, labelOf } from '../status';
import { useFetch } from '../useFetch';
import { usePaging } from '../usePaging';
import ReasonModal from './distribution/ReasonModal';

const ALL = 'ALL';
const STATUSES: WithdrawalStatus[] = ['PENDING', 'APPROVED', 'PAID', 'REJECTED', 'FAILED'];
const TABS = [...STATUSES.map((s) => ({ key: s, label: WITHDRAWAL_STATUS_LABEL[s] })), { key: ALL, label: '全部' }];

const payee = (w: AdminWithdrawalView) => `${w.nickname || '未设置昵称'}（推广码 ${w.refCode}）`;

/** The confirmation of 通过: the amount and who receives it, then `POST /api/admin/withdrawals/:id/approve`. */
function ApproveModal({ withdrawal: w, onClose, onDone }: { withdrawal: AdminWithdrawalView; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  return (
    <FormModal
      form={form}
      name="approveWithdrawal"
      title="确认打款"
      okText="确认打款"
      submitClassName="withdrawal-approve-submit"
      intro={
        <Typography.Paragraph className="withdrawal-approve-intro">
          向 <Typography.Text strong>{payee(w)}</Typography.Text> 的微信零钱打款{' '}
          <Typography.Text strong className="withdrawal-approve-amount">
            {formatCents(w.amountCents)}
          </Typography.Text>
          。通过后立即发起商家转账，无法撤回。
        </Typography.Paragraph>
      }
      onSubmit={async () => {
        await api.post(`/api/admin/withdrawals/${w.id}/approve`);
        return '已通过，正在打款';
      }}
      onDone={onDone}
      onClose={onClose}
      errorText={(e) => errorMessage(e)}
    >
      {null}
    </FormModal>
  );
}

/** 提现审核: `GET /api/admin/withdrawals?status=` with approve (after a confirmation) and reject (with a reason). */
export default function WithdrawalsPage() {
  const [status, setStatus] = useState<string>('PENDING');
  const { page, pageSize, filtered, pagination } = usePaging('条');
  const [review, setReview] = useState<{ withdrawal: AdminWithdrawalView; action: 'approve' | 'reject' } | null>(null);

  const { data, loading, error, reload } = useFetch<Page<AdminWithdrawalView>>('/api/admin/withdrawals', {
    status: status === ALL ? undefined : status,
    page,
    pageSize,
  });

  const columns: TableColumnsType<AdminWithdrawalView> = [
    { title: '申请时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
    {
      title: '推广员',
      key: 'payee',
      render: (_, w) => (
        <>
          <div>{w.nickname || '未设置昵称'}</div>
          <Typography.Text type="secondary">{w.refCode}</Typography.Text>
        </>
      ),
    },
    { title: '金额', dataIndex: 'amountCents', width: 120, render: formatCents },
    {
      title: '状态',
      dataIndex: 'status',
      width: 200,
      render: (s: WithdrawalStatus, w) => (
        <>
          <Tag className="withdrawal-status" color={WITHDRAWAL_STATUS_COLOR[s]}>
            {labelOf(WITHDRAWAL_STATUS_LABEL, s)}
          </Tag>
          {w.failReason && <Typography.Text type="secondary">{w.failReason}</Typography.Text>}
        </>
      ),
    },
    {
      title: '审核 / 到账',
      key: 'times',
      width: 170,
      render: (_, w) => (
        <>
          {w.reviewedAt && <div>{`审核 ${formatDateTime(w.reviewedAt)}`}</div>}
          {w.paidAt && <div>{`到账 ${formatDateTime(w.paidAt)}`}</div>}
          {w.outBatchNo && <Typography.Text type="secondary">{`批次 ${w.outBatchNo}`}</Typography.Text>}
          {!w.reviewedAt && !w.paidAt && '—'}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_, w) =>
        w.status === 'PENDING' ? (
          <Space size={0}>
            <Button type="link" className="withdrawal-approve" onClick={() => setReview({ withdrawal: w, action: 'approve' })}>
              通过
            </Button>
            <Button type="link" danger className="withdrawal-reject" onClick={() => setReview({ withdrawal: w, action: 'reject' })}>
              拒绝
            </Button>
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  const done = () => {
    setReview(null);
    reload();
  };

  return (
    <Card title="提现审核">
      <Tabs className="withdrawal-status-tabs" activeKey={status} items={TABS} onChange={filtered((key: string) => setStatus(key))} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AdminWithdrawalView>
        rowKey="id"
        rowClassName="withdrawal-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={pagination(data?.total)}
      />
      {review?.action === 'approve' && <ApproveModal withdrawal={review.withdrawal} onClose={() => setReview(null)} onDone={done} />}
      {review?.action === 'reject' && (
        <ReasonModal
          title="拒绝提现"
          path={`/api/admin/withdrawals/${review.withdrawal.id}/reject`}
          submitClassName="withdrawal-reject-submit"
          placeholder="如：账户信息有误，请联系客服"
          done="已拒绝提现，金额已退回推广员余额"
          intro={
            <Typography.Paragraph>
              {payee(review.withdrawal)} 申请提现 <Typography.Text strong>{formatCents(review.withdrawal.amountCents)}</Typography.Text>。拒绝后金额退回其可提现余额，推广员会看到拒绝原因。
            </Typography.Paragraph>
          }
          onClose={() => setReview(null)}
          onDone={done}
        />
      )}
    </Card>
  );
}
