import { Form, Input, Radio, Select, Space, Switch } from 'antd';
import { bpToZheText, zheToBp, type AdminTier, type CouponTemplateRequest, type CouponTemplateView } from '@mc/shared';
import { createOrUpdate } from '../../api';
import FormModal from '../../components/FormModal';
import { formatYuan, parseYuan } from '../../format';
import { intRule, intText, parseInteger } from '../../numberRules';
import { yuanRule } from '../products/yuanRule';
import { dayOf, endOfDay, startOfDay } from './time';

/** The server's bounds (CouponTemplateDto), said with the server's sentences. */
const MAX_CENTS = 10_000_000;
const MESSAGES = {
  amountOff: '减免金额须为 0.01 到 100000 元之间，最多两位小数',
  threshold: '使用门槛须为 0 到 100000 元之间，最多两位小数',
  cap: '最多减免须为 0.01 到 100000 元之间，最多两位小数',
  zhe: '折扣须在 0.01 折到 9.99 折之间',
};

export interface Values {
  title: string;
  kind: 'AMOUNT_OFF' | 'PERCENT_OFF';
  /** Yuan, as typed. */
  amountOff: string;
  /** 折, as typed ('9', '8.5'). */
  zhe: string;
  threshold: string;
  cap: string;
  validity: 'DAYS' | 'WINDOW';
  validDays: string;
  /** 'YYYY-MM-DD', store days (China time). */
  validFrom: string;
  validUntil: string;
  audience: 'ALL' | 'PAID_MEMBERS';
  minTierId: number | null;
  totalQuantity: string;
  perCustomerLimit: string;
  grantOnCardPurchase: boolean;
  active: boolean;
}

const centsRule = (message: string, min: number) => ({
  validator: (_: unknown, v: string) => {
    const cents = parseYuan(v);
    return !v || cents === null || (cents >= min && cents <= MAX_CENTS) ? Promise.resolve() : Promise.reject(new Error(message));
  },
});

const zheRule = {
  validator: (_: unknown, v: string) => {
    if (!v) return Promise.resolve();
    const bp = zheToBp(v);
    return bp !== null && bp >= 10 && bp <= 9990 ? Promise.resolve() : Promise.reject(new Error(MESSAGES.zhe));
  },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateRule = { pattern: DATE, message: '请按 2027-03-01 的格式填写日期' };

/** The request body from what staff typed (the fields' rules have let only valid text through). */
export function requestOf(v: Values): CouponTemplateRequest {
  const amount = v.kind === 'AMOUNT_OFF';
  const optionalInt = (text: string) => (text.trim() === '' ? undefined : (parseInteger(text) ?? undefined));
  return {
    title: v.title.trim(),
    kind: v.kind,
    ...(amount ? { amountOffCents: parseYuan(v.amountOff)! } : { percentOffBp: 10_000 - zheToBp(v.zhe)! }),
    thresholdCents: v.threshold.trim() === '' ? 0 : parseYuan(v.threshold)!,
    ...(!amount && v.cap.trim() !== '' ? { capCents: parseYuan(v.cap)! } : {}),
    ...(v.validity === 'DAYS' ? { validDays: parseInteger(v.validDays)! } : { validFrom: startOfDay(v.validFrom), validUntil: endOfDay(v.validUntil) }),
    audience: v.audience,
    ...(v.minTierId ? { minTierId: v.minTierId } : {}),
    ...(optionalInt(v.totalQuantity) !== undefined ? { totalQuantity: optionalInt(v.totalQuantity) } : {}),
    ...(optionalInt(v.perCustomerLimit) !== undefined ? { perCustomerLimit: optionalInt(v.perCustomerLimit) } : {}),
    grantOnCardPurchase: v.grantOnCardPurchase,
    active: v.active,
  };
}

export function valuesOf(t: CouponTemplateView | null): Values {
  return {
    title: t?.title ?? '',
    kind: t?.kind ?? 'AMOUNT_OFF',
    amountOff: t?.amountOffCents != null ? formatYuan(t.amountOffCents) : '',
    zhe: t?.percentOffBp != null ? bpToZheText(10_000 - t.percentOffBp) : '',
    threshold: t ? formatYuan(t.thresholdCents) : '',
    cap: t?.capCents != null ? formatYuan(t.capCents) : '',
    validity: t && t.validDays === null ? 'WINDOW' : 'DAYS',
    validDays: t ? intText(t.validDays) : '30',
    validFrom: dayOf(t?.validFrom ?? null),
    validUntil: dayOf(t?.validUntil ?? null, true),
    audience: t?.audience ?? 'ALL',
    minTierId: t?.minTierId ?? null,
    totalQuantity: intText(t?.totalQuantity),
    perCustomerLimit: intText(t?.perCustomerLimit),
    grantOnCardPurchase: t?.grantOnCardPurchase ?? false,
    active: t?.active ?? true,
  };
}

/** Create (no template) or edit a coupon template: `POST` / `PUT /api/admin/coupon-templates`. */
export default function CouponTemplateForm({ template, tiers, onClose, onSaved }: { template: CouponTemplateView | null; tiers: AdminTier[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? template?.kind ?? 'AMOUNT_OFF';
  const validity = Form.useWatch('validity', form) ?? valuesOf(template).validity;

  const save = async (v: Values) => {
    await createOrUpdate('/api/admin/coupon-templates', template?.id, requestOf(v));
    return template ? '优惠券已保存' : '优惠券已创建';
  };

  return (
    <FormModal<Values>
      form={form}
      name="coupon"
      title={template ? '编辑优惠券' : '新建优惠券'}
      submitClassName="coupon-submit"
      width={640}
      initialValues={valuesOf(template)}
      serverFields={{ amountOffCents: 'amountOff', percentOffBp: 'zhe', thresholdCents: 'threshold', capCents: 'cap' }}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
      intro={template && template.issuedCount > 0 ? <p className="coupon-form-note">已发放的 {template.issuedCount} 张按发放时的规则使用，修改只影响以后发放的优惠券。</p> : null}
    >
      <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '名称不能为空' }, { max: 40, message: '名称最多 40 个字' }]}>
        <Input placeholder="如：满 100 减 20" />
      </Form.Item>
      <Form.Item name="kind" label="类型">
        <Radio.Group>
          <Radio value="AMOUNT_OFF">满减券</Radio>
          <Radio value="PERCENT_OFF">折扣券</Radio>
        </Radio.Group>
      </Form.Item>
      <Space size="large" align="start" wrap>
        {kind === 'AMOUNT_OFF' ? (
          <Form.Item name="amountOff" label="减免金额（元）" rules={[{ required: true, message: '请输入减免金额' }, yuanRule, centsRule(MESSAGES.amountOff, 1)]}>
            <Input prefix="¥" placeholder="20" style={{ width: 140 }} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="zhe" label="折扣（折）" rules={[{ required: true, message: '请输入折扣' }, zheRule]}>
              <Input suffix="折" placeholder="9" style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="cap" label="最多减免（元）" extra="不填则不封顶" rules={[yuanRule, centsRule(MESSAGES.cap, 1)]}>
              <Input prefix="¥" style={{ width: 140 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="threshold" label="使用门槛（元）" extra="商品原价合计满此金额可用，0 或不填为无门槛" rules={[yuanRule, centsRule(MESSAGES.threshold, 0)]}>
          <Input prefix="满 ¥" style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="validity" label="有效期">
        <Radio.Group>
          <Radio value="DAYS">领取后 N 天</Radio>
          <Radio value="WINDOW">固定日期</Radio>
        </Radio.Group>
      </Form.Item>
      {validity === 'DAYS' ? (
        <Form.Item name="validDays" label="有效天数" rules={[{ required: true, message: '请输入有效天数' }, intRule('有效天数', 1, 3650)]}>
          <Input inputMode="numeric" suffix="天" style={{ width: 140 }} />
        </Form.Item>
      ) : (
        <Space size="large" align="start">
          <Form.Item name="validFrom" label="开始日期" rules={[{ required: true, message: '请输入开始日期' }, dateRule]}>
            <Input placeholder="2027-03-01" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="validUntil"
            label="结束日期（含当天）"
            dependencies={['validFrom']}
            rules={[
              { required: true, message: '请输入结束日期' },
              dateRule,
              ({ getFieldValue }) => ({
                validator: (_, v: string) => (!v || !DATE.test(getFieldValue('validFrom') ?? '') || v >= getFieldValue('validFrom') ? Promise.resolve() : Promise.reject(new Error('结束时间须晚于开始时间'))),
              }),
            ]}
          >
            <Input placeholder="2027-03-31" style={{ width: 160 }} />
          </Form.Item>
        </Space>
      )}
      <Space size="large" align="start" wrap>
        <Form.Item name="audience" label="适用人群">
          <Radio.Group>
            <Radio value="ALL">所有顾客</Radio>
            <Radio value="PAID_MEMBERS">付费会员</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="minTierId" label="会员等级不低于">
          <Select allowClear placeholder="不限" style={{ width: 160 }} options={tiers.map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
      </Space>
      <Space size="large" align="start" wrap>
        <Form.Item name="totalQuantity" label="发放总量" extra="不填为不限" rules={[intRule('发放总量', 1, 10_000_000)]}>
          <Input inputMode="numeric" suffix="张" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="perCustomerLimit" label="每人限领" extra="不填为不限" rules={[intRule('每人限领', 1, 1000)]}>
          <Input inputMode="numeric" suffix="张" style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Space size="large" align="start">
        <Form.Item name="grantOnCardPurchase" label="随卡赠送" valuePropName="checked" extra="顾客每买一张会员卡送一张">
          <Switch />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
