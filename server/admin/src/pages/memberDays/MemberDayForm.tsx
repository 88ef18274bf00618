import { useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  Divider,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Switch,
  TreeSelect,
  Typography,
  type FormRule,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  beiToBp,
  bpToBeiText,
  bpToZheText,
  zheToBp,
  type AdminCategory,
  type AdminMemberDay,
  type AdminTier,
  type MemberDayAudience,
  type MemberDayPreview,
} from '@mc/shared';
import { api, createOrUpdate, errorMessage, isApiError } from '../../api';
import FormModal from '../../components/FormModal';
import { formatCents, formatYuan, parseYuan } from '../../format';
import { useFetch } from '../../useFetch';
import { treeSelectData } from '../categories/categoryTree';
import { beiRule, zheRule } from '../membership/rateRules';
import { specsText, type ProductDetail } from '../products/types';
import { yuanRule } from '../products/yuanRule';
import { intRule, parseInteger } from '../../numberRules';
import PreviewDrawer from './PreviewDrawer';
import { ProductIdsSelect, ProductPicker } from './ProductSearch';
import { WEEKDAY_LABELS, minuteText, parseMinute } from './types';

interface SkuPriceRow {
  skuId: number;
  price: string;
}

interface RateRow {
  categoryId?: number;
  /** 折 as typed. */
  zhe: string;
}

interface Values {
  name: string;
  kind: 'MONTHLY' | 'WEEKLY';
  days: number[];
  weekdays: number[];
  start: string;
  end: string;
  audience: MemberDayAudience;
  /** A tier chosen in the list, or an id typed as text when the list cannot be read. */
  audienceTierId?: number | string;
  skuPrices: SkuPriceRow[];
  categoryRates: RateRow[];
  exclusiveProductIds: number[];
  /** 倍 as typed. */
  bei: string;
  /** As typed. */
  perCustomerLimit: string;
  active: boolean;
}

/** What a SKU row shows: its product and specs, and the list price its member-day price may not exceed. */
interface SkuInfo {
  label: string;
  listPriceCents: number;
  /** A member-day price above it gets a warning (members would pay more on the day). */
  memberPriceCents: number | null;
}

const MONTH_DAYS = Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: String(i + 1) }));
const WEEKDAYS = WEEKDAY_LABELS.map((label, i) => ({ value: i + 1, label }));

function toValues(rule: AdminMemberDay | null): Values {
  if (!rule) {
    return {
      name: '',
      kind: 'MONTHLY',
      days: [],
      weekdays: [],
      start: '00:00',
      end: '24:00',
      audience: 'PAID_MEMBERS',
      skuPrices: [],
      categoryRates: [],
      exclusiveProductIds: [],
      bei: '2',
      perCustomerLimit: '0',
      active: true,
    };
  }
  const r = rule.recurrence;
  return {
    name: rule.name,
    kind: r.kind,
    days: r.kind === 'MONTHLY' ? r.days : [],
    weekdays: r.kind === 'WEEKLY' ? r.weekdays : [],
    start: minuteText(rule.startMinute),
    end: minuteText(rule.endMinute),
    audience: rule.audience,
    audienceTierId: rule.audienceTierId ?? undefined,
    skuPrices: rule.skuPrices.map((p) => ({ skuId: p.skuId, price: formatYuan(p.priceCents) })),
    categoryRates: Object.entries(rule.categoryRates).map(([id, bp]) => ({ categoryId: Number(id), zhe: bpToZheText(bp) })),
    exclusiveProductIds: rule.exclusiveProductIds,
    bei: bpToBeiText(rule.pointsMultiplierBp),
    perCustomerLimit: String(rule.perCustomerLimit),
    active: rule.active,
  };
}

/** The POST / PUT body (docs/membership-contract.md), from values the fields' rules let through. */
export function toBody(v: Values) {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return {
    name: v.name.trim(),
    recurrence: v.kind === 'MONTHLY' ? { kind: 'MONTHLY', days: sorted(v.days ?? []) } : { kind: 'WEEKLY', weekdays: sorted(v.weekdays ?? []) },
    startMinute: parseMinute(v.start),
    endMinute: parseMinute(v.end),
    audience: v.audience,
    audienceTierId: v.audience === 'TIER_AT_LEAST' ? (typeof v.audienceTierId === 'string' ? parseInteger(v.audienceTierId) : (v.audienceTierId ?? null)) : null,
    skuPrices: (v.skuPrices ?? []).map((p) => ({ skuId: p.skuId, priceCents: parseYuan(p.price) })),
    categoryRates: Object.fromEntries((v.categoryRates ?? []).map((r) => [String(r.categoryId), zheToBp(r.zhe)])),
    exclusiveProductIds: v.exclusiveProductIds ?? [],
    pointsMultiplierBp: beiToBp(v.bei),
    // the field's rule lets only a whole number in range through
    perCustomerLimit: parseInteger(v.perCustomerLimit) ?? 0,
    active: v.active,
  };
}

const timeRule: FormRule = {
  validator: (_, value: string) => (parseMinute(value) !== null ? Promise.resolve() : Promise.reject(new Error('请输入 HH:mm，如 09:30'))),
};

interface Props {
  rule: AdminMemberDay | null;
  tiers: AdminTier[];
  /** The tier list could not be read (it is the owner's): the tier is typed as an id. */
  tiersError: boolean;
  onClose: () => void;
  onSaved: () => void;
}

export default function MemberDayForm({ rule, tiers, tiersError, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  /** The body the preview drawer shows (the form's values when 预览 was pressed), nothing saved. */
  const [draft, setDraft] = useState<ReturnType<typeof toBody> | null>(null);
  const [picked, setPicked] = useState<ReadonlyMap<number, SkuInfo>>(new Map());
  const categories = useFetch<AdminCategory[]>('/api/admin/categories').data ?? [];
  // A saved rule's SKUs with their titles and list prices.
  const saved = useFetch<MemberDayPreview>(rule ? `/api/admin/member-days/${rule.id}/preview` : null, { count: 1 }).data;
  const initial = toValues(rule);
  // undefined until the form is mounted: the initial values meanwhile.
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const audience = Form.useWatch('audience', form) ?? initial.audience;

  const skuInfo = (skuId: number): SkuInfo | undefined => {
    const p = picked.get(skuId);
    if (p) return p;
    const s = saved?.skus.find((x) => x.skuId === skuId);
    return s && { label: `${s.title} ${specsText(s.specs)}`, listPriceCents: s.listPriceCents, memberPriceCents: s.memberPriceCents };
  };

  const addProduct = async (productId: number) => {
    try {
      const p = await api.get<ProductDetail>(`/api/admin/products/${productId}`);
      const skus = p.skus.filter((s) => s.active);
      setPicked((m) => new Map([...m, ...skus.map((s) => [s.id, { label: `${p.title} ${specsText(s.specs)}`, listPriceCents: s.priceCents, memberPriceCents: s.memberPriceCents }] as const)]));
      const rows: SkuPriceRow[] = form.getFieldValue('skuPrices') ?? [];
      const have = new Set(rows.map((r) => r.skuId));
      const added = skus
        .filter((s) => !have.has(s.id))
        .map((s) => ({ skuId: s.id, price: s.memberDayPriceCents === null ? '' : formatYuan(s.memberDayPriceCents) }));
      form.setFieldValue('skuPrices', [...rows, ...added]);
      if (!added.length) message.info('该商品的 SKU 已在列表中');
    } catch (e) {
      message.error(errorMessage(e, '商品加载失败'));
    }
  };

  /** A 409 said in words: the overlapping rules, or the SKU priced above its list price. */
  const saveError = (e: unknown): string => {
    const d = isApiError(e) && e.status === 409 ? (e.details as { conflictsWith?: unknown; skuId?: unknown } | undefined) : undefined;
    if (Array.isArray(d?.conflictsWith) && d.conflictsWith.length) {
      return `与会员日 ${d.conflictsWith.map((id) => `#${String(id)}`).join('、')} 冲突：时间重叠且对同一 SKU 或分类定价`;
    }
    if (typeof d?.skuId === 'number') return `「${skuInfo(d.skuId)?.label ?? `SKU #${d.skuId}`}」的会员日价须低于原价`;
    return errorMessage(e, '保存失败');
  };

  const save = async () => {
    // Every stored value, also those without a field of their own (the SKU ids).
    const body = toBody(form.getFieldsValue(true) as Values);
    await createOrUpdate('/api/admin/member-days', rule?.id, body);
    return rule ? '会员日已保存' : '会员日已创建';
  };

  const openPreview = async () => {
    try {
      await form.validateFields();
    } catch {
      return; // the fields say what is missing
    }
    setDraft(toBody(form.getFieldsValue(true) as Values));
  };

  return (
    <FormModal<Values>
      form={form}
      name="memberDay"
      width={860}
      title={rule ? `编辑会员日 #${rule.id}` : '新建会员日'}
      submitClassName="member-day-submit"
      initialValues={initial}
      intro={draft && <PreviewDrawer draft={draft} onClose={() => setDraft(null)} />}
      errorBelow
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
      errorText={saveError}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <Button className="member-day-form-preview" onClick={() => void openPreview()}>
            预览
          </Button>
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 64 }]}>
        <Input placeholder="如：每月 7 日会员日" />
      </Form.Item>
      <Form.Item name="kind" label="周期">
        <Radio.Group
          options={[
            { value: 'MONTHLY', label: '每月' },
            { value: 'WEEKLY', label: '每周' },
          ]}
        />
      </Form.Item>
      {kind === 'WEEKLY' ? (
        <Form.Item name="weekdays" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一天' }]}>
          <Checkbox.Group className="member-day-weekdays" options={WEEKDAYS} />
        </Form.Item>
      ) : (
        <Form.Item name="days" extra="没有该日的月份（如 2 月 30 日）跳过" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一天' }]}>
          <Checkbox.Group className="member-day-days" options={MONTH_DAYS} style={{ display: 'grid', gridTemplateColumns: 'repeat(8, 64px)' }} />
        </Form.Item>
      )}
      <Space align="start">
        <Form.Item name="start" label="每日开始" rules={[{ required: true, message: '请输入开始时间' }, timeRule]}>
          <Input placeholder="00:00" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item
          name="end"
          label="每日结束"
          dependencies={['start']}
          rules={[
            { required: true, message: '请输入结束时间' },
            timeRule,
            ({ getFieldValue }) => ({
              validator: (_, value: string) => {
                const start = parseMinute(getFieldValue('start') as string);
                const end = parseMinute(value);
                return start === null || end === null || end > start ? Promise.resolve() : Promise.reject(new Error('须晚于开始时间'));
              },
            }),
          ]}
          extra="门店时区，24:00 为当日结束"
        >
          <Input placeholder="24:00" style={{ width: 110 }} />
        </Form.Item>
      </Space>
      <Space align="start" size="large">
        <Form.Item name="audience" label="参与人群">
          <Radio.Group
            options={[
              { value: 'PAID_MEMBERS', label: '付费会员' },
              { value: 'TIER_AT_LEAST', label: '等级及以上' },
            ]}
          />
        </Form.Item>
        {audience === 'TIER_AT_LEAST' && (
          <Form.Item
            name="audienceTierId"
            label="最低等级"
            rules={tiersError ? [{ required: true, message: '请输入等级 ID' }, intRule('最低等级 ID', 1, 2147483647)] : [{ required: true, message: '请选择等级' }]}
            extra={tiersError ? '无法读取等级列表，请输入等级 ID' : undefined}
          >
            {tiersError ? (
              <Input className="member-day-tier-id" style={{ width: 160 }} />
            ) : (
              <Select style={{ width: 200 }} placeholder="选择等级" options={tiers.map((t) => ({ value: t.id, label: t.name }))} />
            )}
          </Form.Item>
        )}
      </Space>

      <Divider titlePlacement="start">优惠</Divider>
      <Form.Item label="SKU 会员日价" extra="会员日价不能高于原价；与会员价、等级折扣不叠加，取最低价">
        <Form.List name="skuPrices">
          {(fields, { remove }) => (
            <>
              {fields.map((f) => {
                const skuId = form.getFieldValue(['skuPrices', f.name, 'skuId']) as number;
                const info = skuInfo(skuId);
                return (
                  <Space key={f.key} align="baseline" className="member-day-sku" style={{ display: 'flex' }}>
                    <span style={{ display: 'inline-block', width: 320 }}>{info?.label ?? `SKU #${skuId}`}</span>
                    <Typography.Text type="secondary" style={{ display: 'inline-block', width: 110 }}>
                      原价 {info ? formatCents(info.listPriceCents) : '—'}
                    </Typography.Text>
                    <Form.Item
                      name={[f.name, 'price']}
                      rules={[
                        { required: true, message: '请输入会员日价' },
                        yuanRule,
                        {
                          validator: (_, value: string) => {
                            const cents = parseYuan(value);
                            return !info || cents === null || cents <= info.listPriceCents
                              ? Promise.resolve()
                              : Promise.reject(new Error('不能高于原价'));
                          },
                        },
                        {
                          // allowed, but members would pay more on the member day than on other days
                          warningOnly: true,
                          validator: (_, value: string) => {
                            const cents = parseYuan(value);
                            return !info || info.memberPriceCents === null || cents === null || cents <= info.memberPriceCents
                              ? Promise.resolve()
                              : Promise.reject(new Error(`高于会员价 ${formatCents(info.memberPriceCents)}，会员当天反而更贵`));
                          },
                        },
                      ]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input prefix="¥" placeholder="会员日价" aria-label="会员日价" style={{ width: 140 }} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label="移除" onClick={() => remove(f.name)} />
                  </Space>
                );
              })}
              <ProductPicker className="member-day-sku-search" onPick={(p) => void addProduct(p.id)} />
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label="分类折扣" extra="该分类下没有单独会员日价的商品按此折扣">
        <Form.List name="categoryRates">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" className="member-day-rate" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'categoryId']} rules={[{ required: true, message: '请选择分类' }]} style={{ marginBottom: 8 }}>
                    <TreeSelect treeData={treeSelectData(categories)} treeDefaultExpandAll placeholder="选择分类" style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'zhe']} rules={[{ required: true, message: '请输入折扣' }, zheRule(100, 10000)]} style={{ marginBottom: 8 }}>
                    <Input inputMode="decimal" suffix="折" aria-label="分类折扣" style={{ width: 120 }} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="移除" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} className="member-day-rate-add" onClick={() => add({ zhe: '9' })}>
                添加分类折扣
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="exclusiveProductIds" label="会员日专享商品" extra="仅在会员日时段内、对参与人群可购买">
        <ProductIdsSelect />
      </Form.Item>
      <Space align="start" size="large">
        <Form.Item name="bei" label="积分倍数" extra="1–10 倍" rules={[{ required: true, message: '请输入积分倍数' }, beiRule(10000, 100000)]}>
          <Input inputMode="decimal" suffix="倍" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="perCustomerLimit"
          label="每人限购"
          extra="0 = 不限"
          rules={[{ required: true, message: '请输入每人限购件数' }, intRule('每人限购件数', 0, 9999)]}
        >
          <Input inputMode="numeric" suffix="件" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
