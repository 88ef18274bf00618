import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Space, Switch, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { SettingsLoader, useSaveSettings } from '../components/SettingsForm';
import { formatYuan, parseYuan } from '../format';
import { intText, parseInteger } from '../numberRules';
import { RULES, timeZoneRule, type GeneralSettings } from './settings/rules';

const PATH = '/api/admin/settings';

/** The form's values: numbers and amounts as staff typed them. */
interface Values {
  shippingFee: string;
  freeShippingThreshold: string;
  memberFreeShipping: boolean;
  unpaidTimeoutMinutes: string;
  autoConfirmDays: string;
  afterSaleDays: string;
  maxQtyPerLine: string;
  cardFastRefundDays: string;
  timezone: string;
}

const toValues = (s: GeneralSettings): Values => ({
  shippingFee: formatYuan(s.shippingFeeCents),
  freeShippingThreshold: s.freeShippingThresholdCents === null ? '' : formatYuan(s.freeShippingThresholdCents),
  memberFreeShipping: s.memberFreeShipping,
  unpaidTimeoutMinutes: intText(s.unpaidTimeoutMinutes),
  autoConfirmDays: intText(s.autoConfirmDays),
  afterSaleDays: intText(s.afterSaleDays),
  maxQtyPerLine: intText(s.maxQtyPerLine),
  cardFastRefundDays: intText(s.cardFastRefundDays),
  timezone: s.timezone,
});

/** The PUT body (every general setting) from values the fields' rules let through; an empty threshold = no free shipping by amount. */
const toBody = (v: Values): GeneralSettings => ({
  shippingFeeCents: parseYuan(v.shippingFee) ?? 0,
  freeShippingThresholdCents: v.freeShippingThreshold ? parseYuan(v.freeShippingThreshold) : null,
  memberFreeShipping: Boolean(v.memberFreeShipping),
  unpaidTimeoutMinutes: parseInteger(v.unpaidTimeoutMinutes) ?? 0,
  autoConfirmDays: parseInteger(v.autoConfirmDays) ?? 0,
  afterSaleDays: parseInteger(v.afterSaleDays) ?? 0,
  maxQtyPerLine: parseInteger(v.maxQtyPerLine) ?? 0,
  cardFastRefundDays: parseInteger(v.cardFastRefundDays) ?? 0,
  timezone: v.timezone,
});

const FORM_NAMES: Record<string, keyof Values> = {
  shippingFeeCents: 'shippingFee',
  freeShippingThresholdCents: 'freeShippingThreshold',
  memberFreeShipping: 'memberFreeShipping',
  unpaidTimeoutMinutes: 'unpaidTimeoutMinutes',
  autoConfirmDays: 'autoConfirmDays',
  afterSaleDays: 'afterSaleDays',
  maxQtyPerLine: 'maxQtyPerLine',
  cardFastRefundDays: 'cardFastRefundDays',
  timezone: 'timezone',
};
const formField = (path: string) => (FORM_NAMES[path] ? [FORM_NAMES[path]] : null);

const required = (what: string) => ({ required: true, message: `请输入${what}` });

/** 店铺设置: the general store settings (`GET/PUT /api/admin/settings`, owner); the points, check-in and commission settings have their own pages. */
export default function SettingsPage() {
  return (
    <SettingsLoader<GeneralSettings> title="店铺设置" path={PATH} retryClassName="settings-retry">
      {(saved) => <SettingsForm saved={saved} />}
    </SettingsLoader>
  );
}

function SettingsForm({ saved }: { saved: GeneralSettings }) {
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useSaveSettings(form, PATH, '店铺设置已保存', formField);
  const [timezone, setTimezone] = useState(saved.timezone);

  const onFinish = async () => {
    const body = toBody(form.getFieldsValue(true) as Values);
    if (await save(body)) setTimezone(body.timezone);
  };

  const field = (name: keyof Values, label: string, suffix: string, extra: string) => (
    <Col span={12}>
      <Form.Item name={name} label={label} extra={extra} rules={[required(label), RULES[name as keyof typeof RULES]]}>
        <Input inputMode="numeric" suffix={suffix} style={{ width: 200 }} />
      </Form.Item>
    </Col>
  );

  return (
    <Card title="店铺设置">
      <Form<Values> form={form} name="settings" layout="vertical" initialValues={toValues(saved)} onFinish={onFinish} style={{ maxWidth: 760 }}>
        <Typography.Title level={5}>运费</Typography.Title>
        <Row gutter={24}>
          <Col span={12}>
            <Form.Item name="shippingFee" label="运费" extra="订单含需发货的商品时收取" rules={[required('运费'), RULES.shippingFee]}>
              <Input inputMode="decimal" suffix="元" style={{ width: 200 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="freeShippingThreshold" label="包邮门槛" extra="商品金额满此金额包邮；不填则不按金额包邮" rules={[RULES.freeShippingThreshold]}>
              <Input inputMode="decimal" suffix="元" style={{ width: 200 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="memberFreeShipping" label="付费会员包邮" valuePropName="checked" extra="持卡会员的订单免运费">
              <Switch className="settings-member-free-shipping" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>订单与售后</Typography.Title>
        <Row gutter={24}>
          {field('unpaidTimeoutMinutes', '未支付自动取消时间（分钟）', '分钟', '下单后超过此时间未支付的订单自动取消，库存、积分、优惠券退回')}
          {field('autoConfirmDays', '自动确认收货天数', '天', '发货后超过此天数自动确认收货，订单完成')}
          {field('afterSaleDays', '售后期天数', '天', '订单完成后可申请售后的天数；售后期结束后佣金结算')}
          {field('maxQtyPerLine', '单品限购件数', '件', '同一商品在购物车或一个订单中最多购买的件数')}
        </Row>

        <Typography.Title level={5}>会员卡</Typography.Title>
        <Row gutter={24}>{field('cardFastRefundDays', '极速退卡天数', '天', '购卡不超过此天数且未使用会员权益的，可立即退卡退款')}</Row>

        <Typography.Title level={5}>时区</Typography.Title>
        <Form.Item
          name="timezone"
          label="店铺时区"
          extra={`当前：${timezone}。会员日、签到、生日、积分过期和报表的日期都按店铺时区计算`}
          rules={[required('店铺时区'), timeZoneRule]}
        >
          <Input style={{ width: 240 }} placeholder="Asia/Shanghai" />
        </Form.Item>

        <Alert
          className="settings-elsewhere"
          type="info"
          style={{ marginBottom: 16 }}
          title={
            <Space wrap>
              <span>积分、签到和分销的设置在各自的页面：</span>
              <Link to="/points-rules">积分规则</Link>
              <Link to="/check-in-rules">签到规则</Link>
              <Link to="/commission-rules">佣金规则</Link>
            </Space>
          }
        />

        {error && <Alert className="form-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" className="settings-submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
