import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import {
  CAMPAIGN_LIMITS,
  typedValueProblems,
  type AdminSubscriptionTemplate,
  type CampaignInput,
  type CampaignPreview,
  type CampaignView,
  type CouponTemplateView,
  type Paged,
  type SegmentReport,
} from '@mc/shared';
import { api, errorMessage, isApiError } from '../../api';
import { intRule, parseInteger } from '../../numberRules';
import { useFetch } from '../../useFetch';
import type { SegmentParams } from './SegmentsTab';

interface Values {
  name: string;
  groups: CampaignInput['groups'];
  tags: CampaignInput['tags'];
  actionKind: CampaignInput['actionKind'];
  couponTemplateId?: number;
  points?: string;
  messageTitle?: string;
  messageContent?: string;
}

const FIELDS = ['name', 'groups', 'tags', 'actionKind', 'couponTemplateId', 'points', 'messageTitle', 'messageContent'];
const L = CAMPAIGN_LIMITS;
/** The message's inputs and the 活动通知 field each fills. */
const MESSAGE_INPUTS = [
  { name: 'messageTitle', field: 'title', label: '消息标题' },
  { name: 'messageContent', field: 'content', label: '消息内容' },
] as const;

/** 新建活动: the audience (groups and tags, with their counts), the action, a preview of the recipients, then a draft. */
export function CampaignForm({ params, report, onCreated }: { params: SegmentParams; report?: SegmentReport; onCreated: (c: CampaignView) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: templates } = useFetch<Paged<CouponTemplateView>>('/api/admin/coupon-templates', { page: 1, pageSize: 100 });
  const kind = Form.useWatch('actionKind', form) ?? 'POINTS';
  const { data: messageTemplates } = useFetch<AdminSubscriptionTemplate[]>(kind === 'MESSAGE' ? '/api/admin/subscription-templates' : null);
  const messageTemplate = messageTemplates?.find((t) => t.kind === 'CAMPAIGN' && t.enabled && t.templateId) ?? null;
  /** A message field must fit, as typed, the template keywords it fills (e.g. thing: 20 characters, phrase: 5). */
  const fitsTemplate = (field: 'title' | 'content') => ({
    validator: (_: unknown, v: string | undefined) => {
      const problem = messageTemplate && v ? typedValueProblems(messageTemplate.fields, { [field]: v })[0] : undefined;
      return problem ? Promise.reject(new Error(problem.problem)) : Promise.resolve();
    },
  });

  const audience = () => {
    const v = form.getFieldsValue(['groups', 'tags']) as Pick<Values, 'groups' | 'tags'>;
    return { groups: v.groups ?? [], tags: v.tags ?? [], ...params };
  };
  /** A 400 from the server shown on its fields, as it said it. */
  const showError = (e: unknown) => {
    const fields = isApiError(e) ? ((e.details as { fields?: { field: string; problems: string[] }[] } | undefined)?.fields ?? []) : [];
    const known = fields.filter((f) => FIELDS.includes(f.field));
    if (known.length) form.setFields(known.map((f) => ({ name: f.field as keyof Values, errors: [f.problems.join('，')] })));
    setError(errorMessage(e));
  };

  const runPreview = async () => {
    setError(null);
    try {
      await form.validateFields(['groups', 'tags']);
      setPreview(await api.post<CampaignPreview>('/api/admin/campaigns/preview', { ...audience(), ...(kind === 'MESSAGE' ? { actionKind: kind } : {}) }));
    } catch (e) {
      if (isApiError(e)) showError(e);
    }
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body: CampaignInput = {
        name: v.name,
        ...audience(),
        actionKind: v.actionKind,
        ...(v.actionKind === 'COUPON'
          ? { couponTemplateId: v.couponTemplateId }
          : v.actionKind === 'MESSAGE'
            ? { messageTitle: v.messageTitle, messageContent: v.messageContent }
            : { points: parseInteger(v.points) ?? undefined }),
      };
      const created = await api.post<CampaignView>('/api/admin/campaigns', body);
      message.success(`活动「${created.name}」已创建，点击“开始”发送`);
      form.resetFields();
      setPreview(null);
      onCreated(created);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const counted = <T extends string>(items: { label: string; count: number }[] | undefined, key: (i: number) => T) =>
    (items ?? []).map((x, i) => ({ value: key(i), label: `${x.label}（${x.count}）` }));

  return (
    <Card title="新建活动">
      <Form<Values>
        form={form}
        name="campaign"
        layout="vertical"
        initialValues={{ name: '', groups: [], tags: [], actionKind: 'POINTS', points: '' }}
        onFinish={submit}
        onValuesChange={(changed) => {
          if ('groups' in changed || 'tags' in changed || 'actionKind' in changed) setPreview(null);
        }}
      >
        <Form.Item name="name" label="活动名称" rules={[{ required: true, message: '请输入活动名称' }, { max: L.nameMax, message: `名称最多 ${L.nameMax} 个字` }]}>
          <Input style={{ maxWidth: 360 }} />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          发送对象：属于所选任一分层、且同时具有所选全部标签的客户（统计最近 {params.windowDays} 天，签到活跃为本月签到 ≥ {params.checkInDays} 天）。括号内为当前人数。
        </Typography.Paragraph>
        <Space size="large" align="start" wrap>
          <Form.Item
            name="groups"
            label="客户分层"
            dependencies={['tags']}
            rules={[
              {
                validator: (_, groups: string[] | undefined) =>
                  (groups?.length ?? 0) + ((form.getFieldValue('tags') as string[] | undefined)?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error('请选择至少一个客户分层或标签')),
              },
            ]}
          >
            <Select mode="multiple" allowClear placeholder="不限分层" style={{ width: 340 }} options={counted(report?.groups, (i) => report!.groups[i].group)} />
          </Form.Item>
          <Form.Item name="tags" label="客户标签">
            <Select mode="multiple" allowClear placeholder="不限标签" style={{ width: 340 }} options={counted(report?.tags, (i) => report!.tags[i].tag)} />
          </Form.Item>
        </Space>
        <Form.Item name="actionKind" label="动作">
          <Radio.Group
            options={[
              { value: 'POINTS', label: '送积分' },
              { value: 'COUPON', label: '发优惠券' },
              { value: 'MESSAGE', label: '发订阅消息' },
            ]}
          />
        </Form.Item>
        {kind === 'MESSAGE' ? (
          <>
            {messageTemplates && !messageTemplate && (
              <Alert className="campaign-message-template" type="warning" showIcon style={{ marginBottom: 16 }} title="「活动通知」模板未启用：请先在「订阅消息」页配置并启用，顾客同意后才能收到" />
            )}
            <Typography.Paragraph type="secondary">每位客户收到一条「活动通知」订阅消息，只发给已同意（订阅）的客户；未订阅的记为失败（未订阅）。</Typography.Paragraph>
            {MESSAGE_INPUTS.map(({ name, field, label }) => (
              <Form.Item
                key={name}
                name={name}
                label={label}
                rules={[{ required: true, whitespace: true, message: `请输入${label}` }, { max: L.messageMax, message: `${label}最多 ${L.messageMax} 个字` }, fitsTemplate(field)]}
              >
                <Input style={{ maxWidth: 360 }} />
              </Form.Item>
            ))}
          </>
        ) : kind === 'POINTS' ? (
          <Form.Item name="points" label="每人赠送积分" rules={[{ required: true, message: '请输入赠送积分' }, intRule('积分', L.pointsMin, L.pointsMax)]}>
            <Input inputMode="numeric" suffix="积分" style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Form.Item name="couponTemplateId" label="优惠券" rules={[{ required: true, message: '请选择优惠券' }]}>
            <Select
              placeholder="选择优惠券"
              style={{ width: 300 }}
              options={(templates?.items ?? []).filter((t) => t.active).map((t) => ({ value: t.id, label: t.totalQuantity === null ? t.title : `${t.title}（剩 ${t.totalQuantity - t.issuedCount} 张）` }))}
            />
          </Form.Item>
        )}
        {preview && (
          <Alert
            className="campaign-preview"
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`将发送给 ${preview.recipients} 位客户`}
            description={
              [
                preview.consented === undefined ? null : preview.consented === null ? '「活动通知」模板未启用，无人能收到' : `其中 ${preview.consented} 位已订阅活动通知，其余不会收到`,
                preview.sample.length ? `如：${preview.sample.map((c) => c.nickname || `#${c.id}`).join('、')}` : null,
              ]
                .filter(Boolean)
                .join('；') || undefined
            }
          />
        )}
        {error && <Alert className="form-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button className="campaign-preview-button" onClick={runPreview}>
            预览人数
          </Button>
          <Button type="primary" htmlType="submit" className="campaign-submit" loading={busy}>
            创建活动
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
