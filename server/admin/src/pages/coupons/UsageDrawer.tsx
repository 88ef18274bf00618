import { Alert, Drawer, Table, Tag, type TableColumnsType } from 'antd';
import type { CouponSource, CouponStatus, CouponTemplateView, CouponUsageRow } from '@mc/shared';
import type { Page } from '../../api';
import { formatDateTime } from '../../format';
import { useFetch } from '../../useFetch';
import { usePaging } from '../../usePaging';

const SOURCE_LABEL: Record<CouponSource, string> = { STAFF: '后台发放', CARD_PURCHASE: '随卡赠送', POINTS_MALL: '积分兑换', LOTTERY: '抽奖', CAMPAIGN: '营销活动', SEED: '演示数据' };
const STATUS_TAG: Record<CouponStatus, { color: string; label: string }> = {
  USABLE: { color: 'green', label: '可使用' },
  USED: { color: 'blue', label: '已使用' },
  EXPIRED: { color: 'default', label: '已过期' },
};

/** 使用记录: every coupon granted from a template, who holds it and which order used it. */
export default function UsageDrawer({ template, onClose }: { template: CouponTemplateView; onClose: () => void }) {
  const paging = usePaging('张');
  const { data, loading, error } = useFetch<Page<CouponUsageRow>>(`/api/admin/coupon-templates/${template.id}/coupons`, { page: paging.page, pageSize: paging.pageSize });

  const columns: TableColumnsType<CouponUsageRow> = [
    { title: '顾客', key: 'customer', render: (_, r) => `${r.customerNickname || '—'}（ID ${r.customerId}）` },
    { title: '来源', dataIndex: 'source', width: 100, render: (s: CouponSource) => SOURCE_LABEL[s] ?? s },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: CouponStatus) => <Tag color={STATUS_TAG[s].color}>{STATUS_TAG[s].label}</Tag> },
    { title: '发放时间', dataIndex: 'grantedAt', width: 150, render: formatDateTime },
    { title: '有效期至', dataIndex: 'validUntil', width: 150, render: formatDateTime },
    { title: '使用订单', key: 'order', render: (_, r) => (r.orderNo ? `${r.orderNo}（${formatDateTime(r.usedAt)}）` : '—') },
  ];

  return (
    <Drawer open width={900} title={`使用记录：${template.title}`} onClose={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<CouponUsageRow> rowKey="id" rowClassName="usage-row" size="small" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={paging.pagination(data?.total)} />
    </Drawer>
  );
}
