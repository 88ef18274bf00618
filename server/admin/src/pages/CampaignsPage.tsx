import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Modal, Popconfirm, Progress, Segmented, Space, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import {
  CAMPAIGN_STATUS_LABEL,
  RECIPIENT_STATUS_LABEL,
  RFM_GROUP_LABEL,
  SEGMENT_LIMITS,
  SEGMENT_TAG_LABEL,
  type CampaignRecipientRow,
  type CampaignStatus,
  type CampaignView,
  type Paged,
  type RecipientStatus,
  type SegmentReport,
} from '@mc/shared';
import { api, errorMessage } from '../api';
import { formatDateTime } from '../format';
import { usePaging } from '../usePaging';
import { useFetch } from '../useFetch';
import { CampaignForm } from './campaigns/CampaignForm';
import { SegmentsTab, type SegmentParams } from './campaigns/SegmentsTab';

/** How often the list refreshes while a campaign is sending. */
export const PROGRESS_REFRESH_MS = 2000;

const STATUS_COLOR: Record<CampaignStatus, string> = { DRAFT: 'default', RUNNING: 'processing', PAUSED: 'warning', DONE: 'success' };

const audienceText = (c: CampaignView) =>
  [...c.audience.groups.map((g) => RFM_GROUP_LABEL[g]), ...c.audience.tags.map((t) => SEGMENT_TAG_LABEL[t])].join(c.audience.groups.length && c.audience.tags.length ? ' · ' : '、');

/** 营销活动: 客户分层 (the segments report) and the campaigns to them (coupons or points), with their progress. */
export default function CampaignsPage() {
  const [params, setParams] = useState<SegmentParams>({ windowDays: SEGMENT_LIMITS.windowDaysDefault, checkInDays: SEGMENT_LIMITS.checkInDaysDefault });
  const report = useFetch<SegmentReport>('/api/admin/reports/segments', { ...params });
  return (
    <Tabs
      defaultActiveKey="campaigns"
      items={[
        { key: 'segments', label: '客户分层', children: <SegmentsTab params={params} onParams={setParams} report={report} /> },
        { key: 'campaigns', label: '营销活动', children: <CampaignsTab params={params} report={report.data} /> },
      ]}
    />
  );
}

function CampaignsTab({ params, report }: { params: SegmentParams; report?: SegmentReport }) {
  const { message } = App.useApp();
  const { page, pageSize, pagination } = usePaging('个活动');
  const list = useFetch<Paged<CampaignView>>('/api/admin/campaigns', { page, pageSize });
  const [details, setDetails] = useState<CampaignView | null>(null);
  const sending = (list.data?.items ?? []).some((c) => c.status === 'RUNNING');
  const { reload } = list;

  // the progress bars follow the job while anything is sending
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(reload, PROGRESS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [sending, reload]);

  const act = async (c: CampaignView, action: 'start' | 'pause' | 'resume', done: string) => {
    try {
      await api.post(`/api/admin/campaigns/${c.id}/${action}`);
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    }
    reload();
  };

  const columns: TableColumnsType<CampaignView> = [
    { title: '活动', dataIndex: 'name' },
    { title: '发送对象', key: 'audience', render: (_, c) => audienceText(c) },
    {
      title: '动作',
      key: 'action',
      render: (_, c) => (c.actionKind === 'POINTS' ? `送 ${c.points} 积分` : c.actionKind === 'MESSAGE' ? `订阅消息：${c.messageTitle}` : `发券：${c.couponTitle ?? `#${c.couponTemplateId}`}`),
    },
    { title: '状态', dataIndex: 'status', render: (s: CampaignStatus) => <Tag color={STATUS_COLOR[s]}>{CAMPAIGN_STATUS_LABEL[s]}</Tag> },
    {
      title: '进度',
      key: 'progress',
      width: 260,
      render: (_, c) => {
        const { total, sent, failed, pending } = c.progress;
        if (c.status === 'DRAFT') return '—';
        return (
          <div className="campaign-progress">
            <Progress percent={total ? Math.floor(((sent + failed) * 100) / total) : 100} status={c.status === 'RUNNING' ? 'active' : failed && !pending ? 'exception' : undefined} size="small" />
            <span>
              已发送 {sent} · 失败 {failed} · 待发送 {pending}
            </span>
          </div>
        );
      },
    },
    { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => formatDateTime(t) },
    {
      title: '操作',
      key: 'ops',
      render: (_, c) => (
        <Space>
          {c.status === 'DRAFT' && (
            <Popconfirm title="开始后按当前人数锁定发送名单，不能撤回。确定开始？" okText="开始" onConfirm={() => act(c, 'start', `「${c.name}」已开始发送`)}>
              <Button type="primary" size="small" className="campaign-start">
                开始
              </Button>
            </Popconfirm>
          )}
          {c.status === 'RUNNING' && (
            <Button size="small" className="campaign-pause" onClick={() => act(c, 'pause', '已暂停')}>
              暂停
            </Button>
          )}
          {c.status === 'PAUSED' && (
            <Button size="small" className="campaign-resume" onClick={() => act(c, 'resume', '已继续发送')}>
              继续
            </Button>
          )}
          {c.status !== 'DRAFT' && (
            <Button size="small" type="link" className="campaign-details" onClick={() => setDetails(c)}>
              发送明细
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <CampaignForm params={params} report={report} onCreated={reload} />
      <Card title="活动列表">
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<CampaignView> className="campaign-list" rowKey="id" loading={list.loading && !list.data} dataSource={list.data?.items ?? []} columns={columns} pagination={pagination(list.data?.total)} />
      </Card>
      <Modal title={details ? `发送明细：${details.name}` : ''} open={details !== null} onCancel={() => setDetails(null)} footer={null} width={760} destroyOnHidden>
        {details && <Recipients campaign={details} />}
      </Modal>
    </Space>
  );
}

function Recipients({ campaign }: { campaign: CampaignView }) {
  const [status, setStatus] = useState<RecipientStatus | 'ALL'>('ALL');
  const { page, pageSize, pagination, filtered } = usePaging('位客户');
  const { data, loading } = useFetch<Paged<CampaignRecipientRow>>(`/api/admin/campaigns/${campaign.id}/recipients`, { status: status === 'ALL' ? undefined : status, page, pageSize });
  const p = campaign.progress;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented
        value={status}
        onChange={filtered((v) => setStatus(v as RecipientStatus | 'ALL'))}
        options={[
          { value: 'ALL', label: `全部 ${p.total}` },
          { value: 'SENT', label: `已发送 ${p.sent}` },
          { value: 'FAILED', label: `失败 ${p.failed}` },
          { value: 'PENDING', label: `待发送 ${p.pending}` },
        ]}
      />
      <Table<CampaignRecipientRow>
        className="campaign-recipients"
        rowKey="customerId"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total)}
        columns={[
          { title: '客户', key: 'who', render: (_, r) => `${r.nickname || '未设置昵称'} (#${r.customerId})` },
          { title: '状态', dataIndex: 'status', render: (s: RecipientStatus) => RECIPIENT_STATUS_LABEL[s] },
          { title: '原因', dataIndex: 'reason', render: (r: string | null) => r ?? '' },
          { title: '处理时间', dataIndex: 'processedAt', render: (t: string | null) => formatDateTime(t) },
        ]}
      />
    </Space>
  );
}
