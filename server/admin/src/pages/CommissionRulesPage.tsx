import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Divider, Form, Input, Radio, Space, Switch, TreeSelect, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { percentToBp, type AdminCategory, type BindingMode, type CommissionRules } from '@mc/shared';
import { SettingsLoader, useSaveSettings } from '../components/SettingsForm';
import { formatYuan, parseYuan } from '../format';
import { intRule, parseInteger } from '../numberRules';
import { useFetch } from '../useFetch';
import { treeSelectData } from './categories/categoryTree';
import { ProductIdSelect } from './memberDays/ProductSearch';
import { bpToPercentText, percentRule } from './membership/rateRules';
import { yuanBetweenRule } from './products/yuanRule';

const PATH = '/api/admin/commission-rules';

/** The highest commission rate the server takes: 50 % (refused above, never clamped). */
export const MAX_RATE_BP = 5000;
const MAX_WITHDRAW_CENTS = 100_000_000;
const rateRule = percentRule(0, MAX_RATE_BP);

interface RateRow {
  id?: number;
  rate: string;
}

/** The form's values: text as staff typed it. */
interface Values {
  defaultRate: string;
  level2Enabled: boolean;
  level2Rate: string;
  bindingMode: BindingMode;
  bindingDays: string;
  settleAfterDays: string;
  autoApproveMembers: boolean;
  withdrawMin: string;
  withdrawDailyCap: string;
  categoryRates: RateRow[];
  productRates: RateRow[];
}

function toValues(r: CommissionRules): Values {
  return {
    defaultRate: bpToPercentText(r.defaultRateBp),
    level2Enabled: r.level2Enabled,
    level2Rate: bpToPercentText(r.level2RateBp),
    bindingMode: r.bindingMode,
    bindingDays: String(r.bindingDays),
    settleAfterDays: String(r.settleAfterDays),
    autoApproveMembers: r.autoApproveMembers,
    withdrawMin: formatYuan(r.withdrawMinCents),
    withdrawDailyCap: formatYuan(r.withdrawDailyCapCents),
    categoryRates: r.categoryRates.map((c) => ({ id: c.categoryId, rate: bpToPercentText(c.rateBp) })),
    productRates: r.productRates.map((p) => ({ id: p.productId, rate: bpToPercentText(p.rateBp) })),
  };
}

/** The PUT body from values the fields' rules let through; with level 2 off its hidden rate is the typed one when valid, else the saved one. */
function toBody(v: Values, saved: CommissionRules): CommissionRules {
  const bp = (text: string) => percentToBp(text) ?? 0;
  return {
    defaultRateBp: bp(v.defaultRate),
    level2Enabled: Boolean(v.level2Enabled),
    level2RateBp: percentToBp(v.level2Rate ?? '') ?? saved.level2RateBp,
    bindingMode: v.bindingMode,
    bindingDays: parseInteger(v.bindingDays) ?? 0,
    settleAfterDays: parseInteger(v.settleAfterDays) ?? 0,
    autoApproveMembers: Boolean(v.autoApproveMembers),
    withdrawMinCents: parseYuan(v.withdrawMin) ?? 0,
    withdrawDailyCapCents: parseYuan(v.withdrawDailyCap) ?? 0,
    categoryRates: (v.categoryRates ?? []).map((r) => ({ categoryId: r.id!, rateBp: bp(r.rate) })),
    productRates: (v.productRates ?? []).map((r) => ({ productId: r.id!, rateBp: bp(r.rate) })),
  };
}

const FIELDS: Record<string, keyof Values> = {
  defaultRateBp: 'defaultRate',
  level2Enabled: 'level2Enabled',
  level2RateBp: 'level2Rate',
  bindingMode: 'bindingMode',
  bindingDays: 'bindingDays',
  settleAfterDays: 'settleAfterDays',
  autoApproveMembers: 'autoApproveMembers',
  withdrawMinCents: 'withdrawMin',
  withdrawDailyCapCents: 'withdrawDailyCap',
};

/** Server field paths ('categoryRates.2.rateBp') → form field names (['categoryRates', 2, 'rate']). */
function formField(path: string): (string | number)[] | null {
  if (FIELDS[path]) return [FIELDS[path]];
  const m = /^(categoryRates|productRates)\.(\d+)\.(rateBp|categoryId|productId)$/.exec(path);
  return m ? [m[1], Number(m[2]), m[3] === 'rateBp' ? 'rate' : 'id'] : null;
}

/** 佣金规则: `GET/PUT /api/admin/commission-rules` (owner, operator). */
export default function CommissionRulesPage() {
  return (
    <SettingsLoader<CommissionRules> title="佣金规则" path={PATH} retryClassName="commission-rules-retry">
      {(saved) => <CommissionRulesForm saved={saved} />}
    </SettingsLoader>
  );
}

/** A list of per-category or per-product rates; an id may appear once. */
function RateList({ name, label, picker }: { name: 'categoryRates' | 'productRates'; label: string; picker: () => ReactNode }) {
  const form = Form.useFormInstance<Values>();
  const ids = () => ((form.getFieldValue(name) as RateRow[] | undefined) ?? []).map((r) => r?.id);
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" className={`commission-rate-row ${name}-row`} style={{ display: 'flex' }}>
              <Form.Item
                name={[f.name, 'id']}
                rules={[
                  { required: true, message: `请选择${label}` },
                  {
                    validator: (_, id: number | undefined) =>
                      id !== undefined && ids().some((other, i) => i !== f.name && other === id) ? Promise.reject(new Error(`${label}不能重复`)) : Promise.resolve(),
                  },
                ]}
                style={{ marginBottom: 8 }}
              >
                {picker()}
              </Form.Item>
              <Form.Item name={[f.name, 'rate']} rules={[{ required: true, message: '请输入佣金比例' }, rateRule]} style={{ marginBottom: 8 }}>
                <Input aria-label={`${label}佣金比例`} suffix="%" style={{ width: 140 }} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} aria-label="移除" className="commission-rate-remove" onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} className={`${name}-add`} onClick={() => add({ rate: '' })}>
            {`添加${label}佣金比例`}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function CommissionRulesForm({ saved: loaded }: { saved: CommissionRules }) {
  const [form] = Form.useForm<Values>();
  const [saved, setSaved] = useState(loaded);
  const { saving, error, save } = useSaveSettings(form, PATH, '佣金规则已保存', formField);
  const level2Enabled = Form.useWatch('level2Enabled', form) ?? loaded.level2Enabled;
  const categories = useFetch<AdminCategory[]>('/api/admin/categories').data ?? [];

  const onFinish = async () => {
    const body = toBody(form.getFieldsValue(true) as Values, saved);
    if (await save(body)) setSaved(body);
  };

  /** A row refused as a duplicate is checked again when another row changes. */
  const onValuesChange = (changed: Partial<Values>) => {
    for (const list of ['categoryRates', 'productRates'] as const) {
      if (!changed[list]) continue;
      const rows = (form.getFieldValue(list) as RateRow[] | undefined) ?? [];
      const names = rows.map((_, i) => [list, i, 'id'] as [typeof list, number, 'id']).filter((n) => form.getFieldError(n).length > 0);
      if (names.length) void form.validateFields(names).catch(() => undefined);
    }
  };

  const percent = (label: string) => [{ required: true, message: `请输入${label}` }, rateRule];

  return (
    <Card title="佣金规则">
      <Form<Values> form={form} name="commissionRules" layout="vertical" initialValues={toValues(loaded)} onFinish={onFinish} onValuesChange={onValuesChange} style={{ maxWidth: 760 }}>
        <Divider titlePlacement="start">佣金比例</Divider>
        <Form.Item name="defaultRate" label="默认佣金比例（一级）" extra="商品和分类都没有单独设置时，按顾客实付金额的这个比例计佣；0%–50%，最多两位小数" rules={percent('默认佣金比例')}>
          <Input suffix="%" style={{ width: 160 }} />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item name="level2Enabled" label="二级佣金" valuePropName="checked" extra="推广员的上级推广员也获得佣金">
            <Switch className="commission-level2" />
          </Form.Item>
          {level2Enabled && (
            <Form.Item name="level2Rate" label="二级佣金比例" rules={percent('二级佣金比例')}>
              <Input suffix="%" style={{ width: 160 }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item label="分类佣金比例" extra="商品所属的分类（只看该分类本身，不含子分类）设置了比例时按此计一级佣金；商品单独设置的比例优先">
          <RateList
            name="categoryRates"
            label="分类"
            picker={() => <TreeSelect aria-label="分类" treeData={treeSelectData(categories)} treeDefaultExpandAll placeholder="选择分类" style={{ width: 280 }} />}
          />
        </Form.Item>
        <Form.Item label="商品佣金比例">
          <RateList name="productRates" label="商品" picker={() => <ProductIdSelect className="commission-product-select" />} />
        </Form.Item>

        <Divider titlePlacement="start">客户绑定与结算</Divider>
        <Form.Item name="bindingMode" label="绑定方式">
          <Radio.Group className="commission-binding-mode">
            <Radio value="FIRST_TOUCH">首次绑定（已绑定的客户不改绑）</Radio>
            <Radio value="LAST_TOUCH">最近一次（通过新推广员的链接进入即改绑）</Radio>
          </Radio.Group>
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item name="bindingDays" label="绑定有效天数" extra="通过同一推广员再次进入会续期" rules={[{ required: true, message: '请输入绑定有效天数' }, intRule('绑定有效天数', 1, 3650)]}>
            <Input inputMode="numeric" suffix="天" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="settleAfterDays" label="佣金结算天数" extra="订单完成后过了售后期再结算为可提现" rules={[{ required: true, message: '请输入佣金结算天数' }, intRule('佣金结算天数', 0, 365)]}>
            <Input inputMode="numeric" suffix="天" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="autoApproveMembers" label="付费会员申请自动通过" valuePropName="checked">
          <Switch className="commission-auto-approve" />
        </Form.Item>

        <Divider titlePlacement="start">提现</Divider>
        <Space size="large" align="start" wrap>
          <Form.Item name="withdrawMin" label="最低提现金额" rules={[{ required: true, message: '请输入最低提现金额' }, yuanBetweenRule('最低提现金额', 1, MAX_WITHDRAW_CENTS)]}>
            <Input suffix="元" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="withdrawDailyCap"
            label="每日提现上限"
            extra="每位推广员每天合计"
            rules={[{ required: true, message: '请输入每日提现上限' }, yuanBetweenRule('每日提现上限', 1, MAX_WITHDRAW_CENTS)]}
          >
            <Input suffix="元" style={{ width: 180 }} />
          </Form.Item>
        </Space>

        {error && <Alert className="form-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">佣金按每件商品的顾客实付金额计算（不含运费和积分抵扣部分），退款时按退款金额比例扣减。</Typography.Paragraph>
        <Button type="primary" htmlType="submit" className="commission-rules-submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
