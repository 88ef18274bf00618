import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LOTTERY_MAX_PRIZES, LOTTERY_PRIZE_KIND_LABEL, type AdminLotteryView, type CouponTemplateView, type LotteryDrawRecord, type LotteryPrizeInput, type LotteryPrizeKind } from '@mc/shared';
import type { Page } from '../api';
import { SettingsLoader, useSaveSettings } from '../components/SettingsForm';
import { formatDateTime } from '../format';
import { intRule, intText, MAX_INT, parseInteger } from '../numberRules';
import { useFetch } from '../useFetch';

const PATH = '/api/admin/lottery';
const MAX_POINTS = 1_000_000;

interface PrizeRow {
  name: string;
  kind: LotteryPrizeKind;
  points: string;
  couponTemplateId?: number;
  weight: string;
  stock: string;
}

/** The form's values: numbers as text, as staff typed them. */
interface Values {
  costPoints: string;
  dailyLimit: string;
  prizes: PrizeRow[];
}

const toValues = (w: AdminLotteryView): Values => ({
  costPoints: String(w.costPoints),
  dailyLimit: String(w.dailyLimit),
  prizes: w.prizes.map((p) => ({ name: p.name, kind: p.kind, points: intText(p.points), couponTemplateId: p.couponTemplateId, weight: String(p.weight), stock: String(p.stock) })),
});

/** The PUT body from values the fields' rules let through. */
const toBody = (v: Values) => ({
  costPoints: parseInteger(v.costPoints),
  dailyLimit: parseInteger(v.dailyLimit),
  prizes: (v.prizes ?? []).map(
    (p): LotteryPrizeInput => ({
      name: p.name,
      kind: p.kind,
      ...(p.kind === 'POINTS' ? { points: parseInteger(p.points) ?? 0 } : {}),
      ...(p.kind === 'COUPON' && p.couponTemplateId !== undefined ? { couponTemplateId: p.couponTemplateId } : {}),
      weight: parseInteger(p.weight) ?? 0,
      stock: parseInteger(p.stock) ?? 0,
    }),
  ),
});

/** Server field paths ('prizes.2.weight') → form names (['prizes', 2, 'weight']). */
function formField(path: string): (string | number)[] | null {
  const parts = path.split('.');
  if (parts.length === 1 && ['costPoints', 'dailyLimit', 'prizes'].includes(parts[0])) return parts;
  if (parts[0] === 'prizes' && parts.length === 3 && /^\d+$/.test(parts[1])) return ['prizes', Number(parts[1]), parts[2]];
  return null;
}

/** 积分抽奖: the wheel (`GET/PUT /api/admin/lottery`) and the recent draws (`GET /api/admin/lottery/draws`). */
export default function LotteryPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <SettingsLoader<AdminLotteryView> title="积分抽奖" path={PATH} retryClassName="lottery-retry">
        {(saved) => <LotteryForm saved={saved} />}
      </SettingsLoader>
      <RecentDraws />
    </Space>
  );
}

function LotteryForm({ saved }: { saved: AdminLotteryView }) {
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useSaveSettings(form, PATH, '积分抽奖已保存', formField);
  const { data: templates } = useFetch<Page<CouponTemplateView>>('/api/admin/coupon-templates', { page: 1, pageSize: 100 });
  const kinds = (Form.useWatch('prizes', form) as PrizeRow[] | undefined) ?? toValues(saved).prizes;
  const drawn = new Map(saved.prizes.map((p, i) => [i, p.drawn]));

  return (
    <Card title="积分抽奖">
      <Form<Values> form={form} name="lottery" layout="vertical" initialValues={toValues(saved)} onFinish={() => save(toBody(form.getFieldsValue(true) as Values))}>
        <Space size="large" align="start">
          <Form.Item name="costPoints" label="每次消耗积分" rules={[{ required: true, message: '请输入每次消耗积分' }, intRule('每次消耗积分', 1, MAX_POINTS)]}>
            <Input inputMode="numeric" suffix="积分" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="dailyLimit" label="每日次数" extra="每位顾客每天（门店时区）最多抽奖次数" rules={[{ required: true, message: '请输入每日次数' }, intRule('每日次数', 1, 100)]}>
            <Input inputMode="numeric" suffix="次" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item label="奖品" extra="按权重抽取仍有库存的奖品；库存用完的奖品不再抽中；“谢谢参与”不占库存">
          <Form.List name="prizes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap className="lottery-prize" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请输入奖品名称' }, { max: 40, message: '奖品名称须为 1 到 40 个字' }]} style={{ marginBottom: 8 }}>
                      <Input aria-label="奖品名称" placeholder="奖品名称" style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 8 }}>
                      <Select aria-label="奖品类型" style={{ width: 110 }} options={Object.entries(LOTTERY_PRIZE_KIND_LABEL).map(([value, label]) => ({ value, label }))} />
                    </Form.Item>
                    {kinds[f.name]?.kind === 'POINTS' && (
                      <Form.Item name={[f.name, 'points']} rules={[{ required: true, message: '请输入奖励积分' }, intRule('奖励积分', 1, MAX_POINTS)]} style={{ marginBottom: 8 }}>
                        <Input aria-label="奖励积分" inputMode="numeric" suffix="积分" style={{ width: 130 }} />
                      </Form.Item>
                    )}
                    {kinds[f.name]?.kind === 'COUPON' && (
                      <Form.Item name={[f.name, 'couponTemplateId']} rules={[{ required: true, message: '请选择优惠券' }]} style={{ marginBottom: 8 }}>
                        <Select aria-label="优惠券" placeholder="选择优惠券" style={{ width: 200 }} options={(templates?.items ?? []).map((t) => ({ value: t.id, label: t.title }))} />
                      </Form.Item>
                    )}
                    <span>权重</span>
                    <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '请输入权重' }, intRule('权重', 0, MAX_POINTS)]} style={{ marginBottom: 8 }}>
                      <Input aria-label="权重" inputMode="numeric" style={{ width: 100 }} />
                    </Form.Item>
                    <span>库存</span>
                    <Form.Item name={[f.name, 'stock']} rules={[{ required: true, message: '请输入库存' }, intRule('库存', 0, MAX_INT)]} style={{ marginBottom: 8 }}>
                      <Input aria-label="库存" inputMode="numeric" style={{ width: 110 }} />
                    </Form.Item>
                    {drawn.has(f.name) && <Tag>已抽中 {drawn.get(f.name)}</Tag>}
                    <Button type="text" icon={<DeleteOutlined />} aria-label="移除奖品" onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} className="lottery-prize-add" disabled={fields.length >= LOTTERY_MAX_PRIZES} onClick={() => add({ name: '', kind: 'POINTS', points: '', weight: '1', stock: '0' })}>
                  添加奖品
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        {error && <Alert className="form-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" className="lottery-submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}

function RecentDraws() {
  const { data, loading } = useFetch<Page<LotteryDrawRecord>>(`${PATH}/draws`, { page: 1, pageSize: 20 });
  return (
    <Card title="最近抽奖记录">
      <Table<LotteryDrawRecord>
        className="lottery-draws"
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: '顾客', render: (_, r) => `${r.customerNickname || '顾客'} (#${r.customerId})` },
          { title: '奖品', dataIndex: 'prizeName' },
          { title: '类型', dataIndex: 'kind', render: (k: LotteryPrizeKind) => LOTTERY_PRIZE_KIND_LABEL[k] },
          { title: '消耗积分', dataIndex: 'costPoints' },
        ]}
      />
    </Card>
  );
}
