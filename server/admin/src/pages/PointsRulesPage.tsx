import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Result, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { PointsLiability } from '@mc/shared';
import { api, errorMessage } from '../api';
import { FormError, showFieldErrors } from '../components/FormModal';
import { formatCents, formatCount } from '../format';
import { useFetch } from '../useFetch';
import {
  bpText,
  EARN_ON_OPTIONS,
  earnRule,
  expiryRule,
  expirySentence,
  giftRule,
  parseInteger,
  parsePercentBp,
  POINTS_VALUE_OPTIONS,
  spendShareRule,
  type PointsRules,
} from './points/rules';

const PATH = '/api/admin/points-rules';
const LIABILITY = '/api/admin/points/liability';

/** The form's values: number fields as staff typed them. */
interface Values {
  pointsValueCentsPer100: number;
  pointsMaxSpendPercent: string;
  pointsPerYuanEarned: string;
  pointsEarnOn: PointsRules['pointsEarnOn'];
  pointsExpiryYears: string;
  birthdayGiftPoints: string;
}

const toValues = (r: PointsRules): Values => ({
  pointsValueCentsPer100: r.pointsValueCentsPer100,
  pointsMaxSpendPercent: bpText(r.pointsMaxSpendBp),
  pointsPerYuanEarned: String(r.pointsPerYuanEarned),
  pointsEarnOn: r.pointsEarnOn,
  pointsExpiryYears: String(r.pointsExpiryYears),
  birthdayGiftPoints: String(r.birthdayGiftPoints),
});

/** The PUT body from values the fields' rules let through. */
const toBody = (v: Values): PointsRules => ({
  pointsValueCentsPer100: v.pointsValueCentsPer100,
  pointsMaxSpendBp: parsePercentBp(v.pointsMaxSpendPercent) ?? 0,
  pointsPerYuanEarned: parseInteger(v.pointsPerYuanEarned) ?? 0,
  pointsEarnOn: v.pointsEarnOn,
  pointsExpiryYears: parseInteger(v.pointsExpiryYears) ?? 0,
  birthdayGiftPoints: parseInteger(v.birthdayGiftPoints) ?? 0,
});

/** 积分规则: the store's points rules (`GET/PUT /api/admin/points-rules`) and what the points outstanding are worth (`GET /api/admin/points/liability`). */
export default function PointsRulesPage() {
  const { data, error, reload } = useFetch<PointsRules>(PATH);
  const liability = useFetch<PointsLiability>(LIABILITY);

  if (error && !data) {
    return (
      <Card title="积分规则">
        <Result
          status="warning"
          title="积分规则加载失败"
          subTitle={error}
          extra={
            <Button className="points-rules-retry" onClick={reload}>
              重试
            </Button>
          }
        />
      </Card>
    );
  }
  if (!data) {
    return (
      <div className="page-loading">
        <Spin />
      </div>
    );
  }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <PointsRulesForm saved={data} today={liability.data?.date ?? null} onSaved={liability.reload} />
      <LiabilityCard data={liability.data ?? null} error={liability.error} loading={liability.loading} />
    </Space>
  );
}

function PointsRulesForm({ saved, today, onSaved }: { saved: PointsRules; today: string | null; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const years = parseInteger(Form.useWatch('pointsExpiryYears', form) ?? String(saved.pointsExpiryYears));

  const onFinish = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.put(PATH, toBody(form.getFieldsValue(true) as Values));
      message.success('积分规则已保存');
      onSaved();
    } catch (e) {
      setError(errorMessage(e, '保存失败'));
      // the share is typed in per cent
      showFieldErrors(form, e, { pointsMaxSpendBp: 'pointsMaxSpendPercent' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="积分规则">
      <Form<Values> form={form} name="pointsRules" layout="vertical" initialValues={toValues(saved)} onFinish={onFinish} style={{ maxWidth: 720 }}>
        <Row gutter={24}>
          <Col span={12}>
            <Form.Item name="pointsPerYuanEarned" label="每元获得积分" extra="顾客每实付 1 元商品金额获得的积分，再乘以等级和会员日倍数" rules={[{ required: true, message: '请输入每元获得积分' }, earnRule]}>
              <Input inputMode="numeric" suffix="积分/元" style={{ width: 200 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="pointsEarnOn" label="发放时机" extra="订单完成后发放更稳妥：退款多在完成前发生">
              <Radio.Group options={EARN_ON_OPTIONS.map((o) => ({ ...o }))} className="points-earn-on" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="pointsValueCentsPer100" label="积分价值" extra="结算时积分抵扣现金的比例">
              <Select options={POINTS_VALUE_OPTIONS} style={{ width: 200 }} className="points-value" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="pointsMaxSpendPercent"
              label="积分抵扣上限"
              extra="积分最多抵扣优惠后商品金额的百分之几"
              rules={[{ required: true, message: '请输入积分抵扣上限' }, spendShareRule]}
            >
              <Input inputMode="decimal" suffix="%" style={{ width: 200 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="pointsExpiryYears"
              label="积分有效期（年）"
              extra={
                <span className="points-expiry-sentence">{expirySentence(years, today)}</span>
              }
              rules={[{ required: true, message: '请输入积分有效期' }, expiryRule]}
            >
              <Input inputMode="numeric" suffix="年" style={{ width: 200 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="birthdayGiftPoints" label="生日礼积分" extra="付费会员生日当天赠送，0 = 不送" rules={[{ required: true, message: '请输入生日礼积分' }, giftRule]}>
              <Input inputMode="numeric" suffix="积分" style={{ width: 200 }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">修改有效期只影响之后获得的积分；已获得的积分按获得时的规则过期。顾客使用积分时先用最早过期的积分。</Typography.Paragraph>
        <FormError error={error} top />
        <Button type="primary" htmlType="submit" className="points-rules-submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}

export function LiabilityCard({ data, error, loading }: { data: PointsLiability | null; error: string | null; loading: boolean }) {
  return (
    <Card title="积分负债" className="points-liability" extra={data ? <Typography.Text type="secondary">截至 {data.date}</Typography.Text> : null}>
      {error && !data ? <Alert type="warning" showIcon title={`积分负债加载失败：${error}`} /> : null}
      <Row gutter={24} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Statistic title="未使用积分" value={data ? formatCount(data.outstandingPoints) : '—'} loading={loading && !data} className="liability-outstanding" />
        </Col>
        <Col span={8}>
          <Statistic title="折合现金" value={data ? formatCents(data.outstandingValueCents) : '—'} loading={loading && !data} className="liability-value" />
        </Col>
        <Col span={8}>
          <Statistic title="顾客欠积分（退款扣回不足）" value={data ? formatCount(data.owedPoints) : '—'} loading={loading && !data} className="liability-owed" />
        </Col>
      </Row>
      <Table
        className="liability-months"
        size="small"
        rowKey="month"
        pagination={false}
        loading={loading && !data}
        dataSource={data?.expiringByMonth ?? []}
        columns={[
          { title: '月份', dataIndex: 'month' },
          { title: '将过期积分', dataIndex: 'points', align: 'right', render: (v: number) => formatCount(v) },
          { title: '折合现金', dataIndex: 'valueCents', align: 'right', render: (v: number) => formatCents(v) },
        ]}
      />
    </Card>
  );
}
