import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SettingsLoader, useSaveSettings } from '../components/SettingsForm';
import {
  MAX_MILESTONES,
  dayRule,
  parseDay,
  parsePoints,
  pointsRule,
  streakPreview,
  type CheckInRules,
} from './checkIn/rules';

const PATH = '/api/admin/check-in-rules';

interface MilestoneRow {
  day: string;
  bonusPoints: string;
}

/** The form's values: text as staff typed it. */
interface Values {
  dailyPoints: string;
  milestones: MilestoneRow[];
  makeUpEnabled: boolean;
  makeUpCostPoints: string;
}

function toValues(r: CheckInRules): Values {
  return {
    dailyPoints: String(r.dailyPoints),
    milestones: [...r.milestones].sort((a, b) => a.day - b.day).map((m) => ({ day: String(m.day), bonusPoints: String(m.bonusPoints) })),
    makeUpEnabled: r.makeUpEnabled,
    makeUpCostPoints: String(r.makeUpCostPoints),
  };
}

/**
 * The PUT body from values the fields' rules let through. With make-up off the cost field is
 * hidden (and not validated): the cost sent is the one typed when it is valid, else the saved one.
 */
function toBody(v: Values, saved: CheckInRules): CheckInRules {
  return {
    dailyPoints: parsePoints(v.dailyPoints) ?? 0,
    milestones: (v.milestones ?? []).map((m) => ({ day: parseDay(m.day) ?? 0, bonusPoints: parsePoints(m.bonusPoints) ?? 0 })),
    makeUpEnabled: Boolean(v.makeUpEnabled),
    makeUpCostPoints: parsePoints(v.makeUpCostPoints) ?? saved.makeUpCostPoints,
  };
}

/** The typed rules when every value shown in the preview is valid, else null. */
function typedRules(v: Partial<Values> | undefined): Pick<CheckInRules, 'dailyPoints' | 'milestones'> | null {
  if (!v) return null;
  const dailyPoints = parsePoints(v.dailyPoints);
  if (dailyPoints === null) return null;
  const milestones: CheckInRules['milestones'] = [];
  for (const m of v.milestones ?? []) {
    const day = parseDay(m?.day);
    const bonusPoints = parsePoints(m?.bonusPoints);
    if (day === null || bonusPoints === null || milestones.some((x) => x.day === day)) return null;
    milestones.push({ day, bonusPoints });
  }
  return { dailyPoints, milestones };
}

/** Server field paths ('milestones.2.day') → form field names (['milestones', 2, 'day']). */
function formField(path: string): (string | number)[] | null {
  const parts = path.split('.');
  if (parts.length === 1 && ['dailyPoints', 'makeUpEnabled', 'makeUpCostPoints'].includes(parts[0])) return parts;
  if (parts[0] === 'milestones' && parts.length === 3 && /^\d+$/.test(parts[1]) && ['day', 'bonusPoints'].includes(parts[2])) {
    return ['milestones', Number(parts[1]), parts[2]];
  }
  return null;
}

/** 签到规则: `GET/PUT /api/admin/check-in-rules` (owner, operator). */
export default function CheckInRulesPage() {
  return (
    <SettingsLoader<CheckInRules> title="签到规则" path={PATH} retryClassName="check-in-rules-retry">
      {(saved) => <CheckInRulesForm saved={saved} />}
    </SettingsLoader>
  );
}

function CheckInRulesForm({ saved: loaded }: { saved: CheckInRules }) {
  const [form] = Form.useForm<Values>();
  const [saved, setSaved] = useState(loaded);
  const { saving, error, save } = useSaveSettings(form, PATH, '签到规则已保存', formField);
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const makeUpEnabled = Form.useWatch('makeUpEnabled', form) ?? loaded.makeUpEnabled;
  const preview = typedRules(watched ?? toValues(loaded));

  const onFinish = async () => {
    const body = toBody(form.getFieldsValue(true) as Values, saved);
    if (await save(body)) setSaved(body);
  };

  /** A day that was refused as a duplicate is checked again when another milestone changes. */
  const onValuesChange = (changed: Partial<Values>) => {
    if (!changed.milestones) return;
    const rows = (form.getFieldValue('milestones') as MilestoneRow[] | undefined) ?? [];
    const names = rows.map((_, i) => ['milestones', i, 'day'] as ['milestones', number, 'day']).filter((name) => form.getFieldError(name).length > 0);
    if (names.length) void form.validateFields(names).catch(() => undefined);
  };

  const milestoneDays = () => ((form.getFieldValue('milestones') as MilestoneRow[] | undefined) ?? []).map((m) => m?.day);

  return (
    <Card title="签到规则">
      <Form<Values> form={form} name="checkInRules" layout="vertical" initialValues={toValues(loaded)} onFinish={onFinish} onValuesChange={onValuesChange} style={{ maxWidth: 720 }}>
        <Form.Item
          name="dailyPoints"
          label="每日签到积分"
          extra="每天签到一次获得；付费会员按所在等级的积分倍数发放"
          rules={[{ required: true, message: '请输入每日签到积分' }, pointsRule]}
        >
          <Input inputMode="numeric" suffix="积分" style={{ width: 200 }} />
        </Form.Item>

        <Form.Item
          label="连续签到奖励"
          extra={`连续签到到第 N 天时额外发放；最多 ${MAX_MILESTONES} 个，天数 1–31 且不能重复；连续天数过了最大的奖励天数后重新计算`}
        >
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" className="check-in-milestone" style={{ display: 'flex' }}>
                    <span>第</span>
                    <Form.Item
                      name={[f.name, 'day']}
                      rules={[{ required: true, message: '请输入天数' }, dayRule(milestoneDays, f.name)]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input inputMode="numeric" aria-label="连续天数" style={{ width: 90 }} />
                    </Form.Item>
                    <span>天 额外</span>
                    <Form.Item
                      name={[f.name, 'bonusPoints']}
                      rules={[{ required: true, message: '请输入奖励积分' }, pointsRule]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input inputMode="numeric" aria-label="奖励积分" suffix="积分" style={{ width: 140 }} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label="移除"
                      className="check-in-milestone-remove"
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  className="check-in-milestone-add"
                  disabled={fields.length >= MAX_MILESTONES}
                  onClick={() => add({ day: '', bonusPoints: '' })}
                >
                  {fields.length >= MAX_MILESTONES ? `最多 ${MAX_MILESTONES} 个奖励` : '添加奖励'}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>

        <Space size="large" align="start">
          <Form.Item name="makeUpEnabled" label="允许补签" valuePropName="checked" extra="开启后顾客可消耗积分补签本月今天以前漏签的日期">
            <Switch className="check-in-make-up" />
          </Form.Item>
          {makeUpEnabled && (
            <Form.Item
              name="makeUpCostPoints"
              label="补签消耗积分"
              extra="每补签一天消耗"
              rules={[{ required: true, message: '请输入补签消耗积分' }, pointsRule]}
            >
              <Input inputMode="numeric" suffix="积分" style={{ width: 160 }} />
            </Form.Item>
          )}
        </Space>

        <Alert
          className="check-in-preview"
          type="info"
          style={{ marginBottom: 16 }}
          title={
            preview ? (
              <Typography.Text strong className="check-in-preview-line">
                {streakPreview(preview)}
              </Typography.Text>
            ) : (
              <span className="check-in-preview-line">填写正确的积分和天数后显示连续签到 7 天的积分</span>
            )
          }
          description="按上面填写的规则，连续签到 7 天每天获得的积分（付费会员再乘以所在等级的积分倍数）"
        />

        {error && <Alert className="form-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" className="check-in-rules-submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
