import { Form, Input, Radio, Select, Space, Switch } from 'antd';
import { MALL_ITEM_KINDS, MALL_ITEM_KIND_LABEL, MALL_LIMITS, type AdminMallItemView, type CouponTemplateView, type MallItemInput } from '@mc/shared';
import { createOrUpdate, type Page } from '../../api';
import FormModal from '../../components/FormModal';
import { formatYuan, parseYuan } from '../../format';
import { intRule, intText, parseInteger } from '../../numberRules';
import { useFetch } from '../../useFetch';
import { yuanRule } from '../products/yuanRule';

const L = MALL_LIMITS;
/** The server's sentence for the cash field (CentsBetween). */
const CASH_MESSAGE = `加价金额须为 0 到 ${L.cashCents.max / 100} 元之间，最多两位小数`;

interface Values {
  title: string;
  kind: AdminMallItemView['kind'];
  /** Numbers as typed. */
  skuId: string;
  couponTemplateId?: number;
  cardDays: string;
  pointsCost: string;
  cash: string;
  stock: string;
  perCustomerLimit: string;
  sort: string;
  description: string;
  coverUrl: string;
  onShelf: boolean;
}

/** The body from values the fields' rules let through. */
export function toBody(v: Values): MallItemInput {
  return {
    title: v.title.trim(),
    kind: v.kind,
    ...(v.kind === 'GOODS' ? { skuId: parseInteger(v.skuId) } : v.kind === 'COUPON' ? { couponTemplateId: v.couponTemplateId } : { cardDays: parseInteger(v.cardDays) }),
    pointsCost: parseInteger(v.pointsCost)!,
    cashCents: v.cash ? parseYuan(v.cash)! : 0,
    stock: parseInteger(v.stock)!,
    perCustomerLimit: parseInteger(v.perCustomerLimit)!,
    sort: parseInteger(v.sort) ?? 0,
    description: (v.description ?? '').trim(),
    coverUrl: (v.coverUrl ?? '').trim(),
    onShelf: v.onShelf,
  };
}

/** Create (no item) or edit a mall item: `POST` / `PUT /api/admin/points-mall/items`. */
export default function MallItemForm({ item, onClose, onSaved }: { item: AdminMallItemView | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? item?.kind ?? 'GOODS';
  const templates = useFetch<Page<CouponTemplateView>>(kind === 'COUPON' ? '/api/admin/coupon-templates' : null, { pageSize: 100 });
  // active templates, and the item's own even when staff stopped it since
  const templateOptions = (templates.data?.items ?? [])
    .filter((t) => t.active || t.id === item?.couponTemplateId)
    .map((t) => ({ value: t.id, label: t.active ? t.title : `${t.title}（已停用）` }));

  const save = async (v: Values) => {
    await createOrUpdate('/api/admin/points-mall/items', item?.id, toBody(v));
    return item ? '兑换商品已保存' : '兑换商品已创建';
  };

  return (
    <FormModal<Values>
      form={form}
      name="mallItem"
      title={item ? '编辑兑换商品' : '新建兑换商品'}
      submitClassName="mall-item-submit"
      width={640}
      initialValues={{
        title: item?.title ?? '',
        kind: item?.kind ?? 'GOODS',
        skuId: intText(item?.skuId),
        couponTemplateId: item?.couponTemplateId ?? undefined,
        cardDays: intText(item?.cardDays),
        pointsCost: intText(item?.pointsCost),
        cash: item && item.cashCents > 0 ? formatYuan(item.cashCents) : '',
        stock: intText(item?.stock),
        perCustomerLimit: intText(item?.perCustomerLimit ?? 1),
        sort: intText(item?.sort ?? 0),
        description: item?.description ?? '',
        coverUrl: item?.coverUrl ?? '',
        // a new item is off shelf until staff put it on
        onShelf: item?.onShelf ?? false,
      }}
      serverFields={{ cashCents: 'cash' }}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
    >
      <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 60, message: '名称最多 60 个字' }]}>
        <Input placeholder="如：定制帆布袋" />
      </Form.Item>
      <Form.Item name="kind" label="类型">
        <Radio.Group disabled={item !== null} options={MALL_ITEM_KINDS.map((k) => ({ value: k, label: MALL_ITEM_KIND_LABEL[k] }))} />
      </Form.Item>
      {kind === 'GOODS' ? (
        <Form.Item name="skuId" label="SKU 编号" extra="发货的商品规格；兑换同时占用该 SKU 的库存" rules={[{ required: true, message: '实物商品须选择一个 SKU' }, intRule('SKU 编号', 1, 2_147_483_647)]}>
          <Input inputMode="numeric" style={{ width: 160 }} />
        </Form.Item>
      ) : kind === 'COUPON' ? (
        <Form.Item name="couponTemplateId" label="优惠券模板" extra="每兑换一件发一张；只列出启用中的模板" rules={[{ required: true, message: '请选择优惠券模板' }]}>
          <Select className="mall-item-template" loading={templates.loading} options={templateOptions} placeholder="选择优惠券模板" style={{ width: 320 }} notFoundContent={templates.error ?? '没有启用中的优惠券模板'} />
        </Form.Item>
      ) : (
        <Form.Item name="cardDays" label="会员天数（每件）" rules={[{ required: true, message: '请输入会员天数' }, intRule('会员天数', L.cardDays.min, L.cardDays.max)]}>
          <Input inputMode="numeric" suffix="天" style={{ width: 160 }} />
        </Form.Item>
      )}
      <Space size="large" align="start" wrap>
        <Form.Item name="pointsCost" label="所需积分" rules={[{ required: true, message: '请输入所需积分' }, intRule('所需积分', L.pointsCost.min, L.pointsCost.max)]}>
          <Input inputMode="numeric" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="cash"
          label="加价（元）"
          extra="不填为纯积分兑换"
          rules={[
            yuanRule,
            {
              validator: (_, val: string) => {
                const cents = val ? parseYuan(val) : 0;
                return cents === null || cents <= L.cashCents.max ? Promise.resolve() : Promise.reject(new Error(CASH_MESSAGE));
              },
            },
          ]}
        >
          <Input prefix="¥" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="stock" label="兑换库存" rules={[{ required: true, message: '请输入兑换库存' }, intRule('兑换库存', L.stock.min, L.stock.max)]}>
          <Input inputMode="numeric" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="perCustomerLimit" label="每人限兑" extra="0 为不限" rules={[{ required: true, message: '请输入每人限兑' }, intRule('每人限兑', L.perCustomerLimit.min, L.perCustomerLimit.max)]}>
          <Input inputMode="numeric" suffix="件" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="sort" label="排序" extra="数字越大越靠前" rules={[intRule('排序', L.sort.min, L.sort.max)]}>
          <Input inputMode="numeric" style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="description" label="说明" rules={[{ max: 500, message: '说明最多 500 个字' }]}>
        <Input.TextArea rows={2} placeholder="如：纯积分兑换，包邮到家" />
      </Form.Item>
      <Form.Item name="coverUrl" label="图片地址" extra="不填则用商品主图" rules={[{ max: 512 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="onShelf" label="上架" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
