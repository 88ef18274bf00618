import { useEffect, useState } from 'react';
import { Alert, Drawer, Empty, Spin, Table, Typography, type TableColumnsType } from 'antd';
import type { MemberDayOffer, MemberDayPreview } from '@mc/shared';
import { api, errorMessage } from '../../api';
import { formatCents } from '../../format';
import { useFetch } from '../../useFetch';
import { specsText } from '../products/types';
import { WEEKDAY_LABELS } from './types';

const COUNT = 6;

/** An instant in the store's time zone: date 'YYYY-MM-DD' and time 'HH:mm'. */
function zoned(iso: string, timeZone: string): { date: string; time: string } {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const part = Object.fromEntries(fmt.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

/** '2026-12-07（周一）00:00–24:00' in the store's time zone. */
export function occurrenceText(o: { startsAt: string; endsAt: string }, timeZone: string): string {
  const start = zoned(o.startsAt, timeZone);
  const end = zoned(o.endsAt, timeZone);
  const [y, m, d] = start.date.split('-').map(Number);
  const weekday = WEEKDAY_LABELS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
  const endText = end.date === start.date ? end.time : end.time === '00:00' && end.date > start.date ? '24:00' : `${end.date} ${end.time}`;
  return `${start.date}（${weekday}）${start.time}–${endText}`;
}

/** One month, Monday first, the member days marked. */
function MonthGrid({ month, marked }: { month: string; marked: ReadonlySet<string> }) {
  const [y, m] = month.split('-').map(Number);
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  const cell = { width: 36, height: 28, lineHeight: '28px', textAlign: 'center' as const, borderRadius: 4 };
  return (
    <div className="member-day-month" style={{ display: 'inline-block', marginRight: 24, marginBottom: 16, verticalAlign: 'top' }}>
      <Typography.Text strong>
        {y} 年 {m} 月
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 36px)', gap: 2, marginTop: 4 }}>
        {WEEKDAY_LABELS.map((w) => (
          <div key={w} style={{ ...cell, color: '#999' }}>
            {w.slice(1)}
          </div>
        ))}
        {cells.map((d, i) => {
          const date = d === null ? '' : `${month}-${String(d).padStart(2, '0')}`;
          const on = d !== null && marked.has(date);
          return (
            <div
              key={i}
              className={on ? 'member-day-preview-date' : undefined}
              data-date={on ? date : undefined}
              style={on ? { ...cell, background: '#fa541c', color: '#fff', fontWeight: 600 } : cell}
            >
              {d ?? ''}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const SKU_COLUMNS: TableColumnsType<MemberDayOffer> = [
  {
    title: '商品',
    dataIndex: 'title',
    render: (title: string, s) => (
      <span>
        {title}
        <Typography.Text type="secondary"> {specsText(s.specs)}</Typography.Text>
      </span>
    ),
  },
  { title: '原价', dataIndex: 'listPriceCents', width: 100, render: formatCents },
  { title: '会员价', dataIndex: 'memberPriceCents', width: 100, render: formatCents },
  {
    title: '会员日价',
    dataIndex: 'memberDayPriceCents',
    width: 100,
    render: (c: number) => <Typography.Text type="danger">{formatCents(c)}</Typography.Text>,
  },
];

/** `POST /api/admin/member-days/preview?count=6` with the form's values: the preview of a rule not saved yet. */
function useDraftPreview(draft: object | undefined): { data: MemberDayPreview | undefined; loading: boolean; error: string | null } {
  const key = draft === undefined ? null : JSON.stringify(draft);
  const [state, setState] = useState<{ data: MemberDayPreview | undefined; loading: boolean; error: string | null }>({ data: undefined, loading: key !== null, error: null });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    api
      .post<MemberDayPreview>('/api/admin/member-days/preview', JSON.parse(key) as unknown, { query: { count: COUNT }, signal: controller.signal })
      .then((data) => setState({ data, loading: false, error: null }))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setState({ data: undefined, loading: false, error: errorMessage(e, '预览失败') });
      });
    return () => controller.abort();
  }, [key]);
  return state;
}

/**
 * The next occurrences on a calendar and what each SKU will cost: of a saved rule
 * (`GET /api/admin/member-days/:id/preview?count=6`, `id`) or of the form's values before saving (`draft`, the POST body).
 */
export default function PreviewDrawer({ id, draft, onClose }: { id?: number; draft?: object; onClose: () => void }) {
  const saved = useFetch<MemberDayPreview>(draft === undefined && id !== undefined ? `/api/admin/member-days/${id}/preview` : null, { count: COUNT });
  const drafted = useDraftPreview(draft);
  const { data, loading, error } = draft === undefined ? saved : drafted;
  const marked = new Set(data?.occurrences.map((o) => o.date));
  const months = [...new Set(data?.occurrences.map((o) => o.date.slice(0, 7)))].sort();

  return (
    <Drawer open size={720} title={data ? `预览${draft === undefined ? '' : '（未保存）'}：${data.name}` : '会员日预览'} onClose={onClose}>
      <div className={`member-day-preview${draft === undefined ? '' : ' member-day-draft-preview'}`}>
        {error && <Alert type="error" showIcon title={error} />}
        {loading && !data && <Spin />}
        {data && (
          <>
            <Typography.Paragraph type="secondary">
              接下来 {data.occurrences.length} 次（门店时区 {data.timezone}）
            </Typography.Paragraph>
            {data.occurrences.length === 0 ? (
              <Empty description="没有即将到来的会员日" />
            ) : (
              <>
                <ol className="member-day-occurrences">
                  {data.occurrences.map((o) => (
                    <li key={o.startsAt} className="member-day-occurrence">
                      {occurrenceText(o, data.timezone)}
                    </li>
                  ))}
                </ol>
                <div>
                  {months.map((m) => (
                    <MonthGrid key={m} month={m} marked={marked} />
                  ))}
                </div>
              </>
            )}
            <Typography.Title level={5}>会员日价格</Typography.Title>
            <Table<MemberDayOffer>
              rowKey="skuId"
              size="small"
              className="member-day-preview-skus"
              columns={SKU_COLUMNS}
              dataSource={data.skus}
              pagination={false}
              locale={{ emptyText: '没有单独定价或按分类折扣的 SKU' }}
            />
          </>
        )}
      </div>
    </Drawer>
  );
}
