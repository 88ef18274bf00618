import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Result, Space, Spin, Switch, TreeSelect } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { AdminCategory } from '@mc/shared';
import { api, errorMessage, isApiError } from '../../api';
import { formatYuan, parseYuan } from '../../format';
import { useFetch } from '../../useFetch';
import { treeSelectData } from '../categories/categoryTree';
import ImageGallery from '../../components/ImageGallery';
import RichTextEditor from '../../components/RichTextEditor';
import SkuEditor, { EMPTY_SKU, type SkuRow } from './SkuEditor';
import type { ProductDetail } from './types';
import { intRule, intText, MAX_INT, parseInteger } from '../../numberRules';

interface Values {
  categoryId?: number;
  title: string;
  subtitle: string;
  keywords: string;
  /** Gallery URLs, the cover first. */
  images: string[];
  description: string;
  memberOnly: boolean;
  /** As typed. */
  sort: string;
  specKeys: string[];
  skus: SkuRow[];
}

const TEXT_FIELDS = ['title', 'subtitle', 'keywords', 'description'] as const;

const yuanOrEmpty = (cents: number | null) => (cents === null ? '' : formatYuan(cents));

function toValues(p: ProductDetail): Values {
  const skus = p.skus.filter((s) => s.active);
  return {
    categoryId: p.categoryId,
    title: p.title,
    subtitle: p.subtitle,
    keywords: p.keywords,
    images: p.images,
    description: p.description,
    memberOnly: p.memberOnly,
    sort: String(p.sort),
    specKeys: [...new Set(skus.flatMap((s) => Object.keys(s.specs)))],
    skus: skus.map((s) => ({
      id: s.id,
      specs: s.specs,
      price: formatYuan(s.priceCents),
      memberPrice: yuanOrEmpty(s.memberPriceCents),
      memberDayPrice: yuanOrEmpty(s.memberDayPriceCents),
      stock: String(s.stock),
      weightGrams: intText(s.weightGrams),
    })),
  };
}

const NEW_PRODUCT: Values = {
  title: '',
  subtitle: '',
  keywords: '',
  images: [],
  description: '',
  memberOnly: false,
  sort: '0',
  specKeys: [],
  skus: [{ ...EMPTY_SKU }],
};

/**
 * The request body. A new product leaves out empty texts and prices; an edit sends the texts
 * that changed, null for a cleared member / member-day price, and an existing SKU's stock only when changed.
 */
function toBody(v: Values, initial: Values, isEdit: boolean) {
  const keys = [...new Set((v.specKeys ?? []).map((k) => k.trim()).filter(Boolean))];
  const body: Record<string, unknown> = { categoryId: v.categoryId };
  for (const field of TEXT_FIELDS) {
    const text = (v[field] ?? '').trim();
    if (isEdit ? text !== initial[field] : text !== '') body[field] = text;
  }
  const images = v.images ?? [];
  if (isEdit ? images.join() !== initial.images.join() : images.length > 0) body.images = images;
  body.memberOnly = v.memberOnly;
  // the fields' rules let only whole numbers in range through
  body.sort = parseInteger(v.sort) ?? 0;
  body.skus = (v.skus ?? []).map((row) => {
    const sku: Record<string, unknown> = row.id === undefined ? {} : { id: row.id };
    sku.specs = Object.fromEntries(keys.map((k) => [k, (row.specs?.[k] ?? '').trim()]));
    sku.priceCents = parseYuan(row.price);
    const memberPrice = parseYuan(row.memberPrice);
    if (memberPrice !== null || isEdit) sku.memberPriceCents = memberPrice;
    const memberDayPrice = parseYuan(row.memberDayPrice);
    if (memberDayPrice !== null || isEdit) sku.memberDayPriceCents = memberDayPrice;
    // An existing SKU's stock is sent only when changed: an absolute value would undo sales made meanwhile.
    const before = initial.skus.find((s) => s.id !== undefined && s.id === row.id);
    const stock = parseInteger(row.stock) ?? 0;
    if (!before || stock !== parseInteger(before.stock)) sku.stock = stock;
    const weight = parseInteger(row.weightGrams);
    if (weight !== null) sku.weightGrams = weight;
    return sku;
  });
  return body;
}

/** A spec combination used twice ('颜色：红 / 尺码：M'), or null. */
function duplicateSpecs(body: Record<string, unknown>): string | null {
  const seen = new Set<string>();
  for (const sku of body.skus as { specs: Record<string, string> }[]) {
    const key = JSON.stringify(Object.entries(sku.specs));
    if (seen.has(key)) return Object.values(sku.specs).join(' / ') || '默认规格';
    seen.add(key);
  }
  return null;
}

/** Server field paths ('skus.0.priceCents') → form field names (['skus', 0, 'price']). */
const SKU_FIELD: Record<string, string> = { priceCents: 'price', memberPriceCents: 'memberPrice', memberDayPriceCents: 'memberDayPrice' };
function formField(path: string): (string | number)[] | null {
  const parts = path.split('.');
  if (parts.length === 1 && ['categoryId', 'sort', ...TEXT_FIELDS].includes(parts[0])) return parts;
  if (parts[0] === 'images') return ['images'];
  if (parts[0] === 'skus' && parts.length === 3 && /^\d+$/.test(parts[1])) {
    const name = SKU_FIELD[parts[2]] ?? parts[2];
    return ['price', 'memberPrice', 'memberDayPrice', 'stock', 'weightGrams'].includes(name) ? ['skus', Number(parts[1]), name] : null;
  }
  return null;
}

export default function ProductForm() {
  const { id } = useParams();
  const isEdit = id !== undefined;
  const detail = useFetch<ProductDetail>(isEdit ? `/api/admin/products/${id}` : null);

  if (!isEdit) return <ProductEditor initial={NEW_PRODUCT} />;
  if (detail.error) return <Result status="warning" title="商品加载失败" subTitle={detail.error} />;
  if (!detail.data) {
    return (
      <div className="page-loading">
        <Spin />
      </div>
    );
  }
  return <ProductEditor productId={detail.data.id} initial={toValues(detail.data)} />;
}

function ProductEditor({ productId, initial }: { productId?: number; initial: Values }) {
  const isEdit = productId !== undefined;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const categories = useFetch<AdminCategory[]>('/api/admin/categories').data ?? [];

  const onFinish = async () => {
    // Every stored value, also those without a field of their own (the SKU ids).
    const body = toBody(form.getFieldsValue(true) as Values, initial, isEdit);
    const dup = duplicateSpecs(body);
    if (dup) {
      setError(`规格组合重复：${dup}`);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      if (isEdit) await api.put(`/api/admin/products/${productId}`, body);
      else await api.post('/api/admin/products', body);
      message.success(isEdit ? '商品已保存' : '商品已创建');
      navigate('/products');
    } catch (e) {
      setError(errorMessage(e, '保存失败'));
      const fields = isApiError(e) ? (e.details as { fields?: { field: string; problems: string[] }[] } | undefined)?.fields : undefined;
      form.setFields(
        (fields ?? []).flatMap((f) => {
          const name = formField(f.field);
          return name ? [{ name, errors: f.problems }] : [];
        }) as Parameters<typeof form.setFields>[0],
      );
      setSaving(false);
    }
  };

  return (
    <Card title={isEdit ? '编辑商品' : '新建商品'}>
      <Form<Values> form={form} name="product" layout="vertical" initialValues={initial} onFinish={onFinish} style={{ maxWidth: 1100 }}>
        <Form.Item name="categoryId" label="分类" rules={[{ required: true, message: '请选择分类' }]}>
          <TreeSelect treeData={treeSelectData(categories)} treeDefaultExpandAll placeholder="选择分类" style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请输入标题' }, { max: 120 }]}>
          <Input placeholder="如：有机红富士苹果 5 斤装" />
        </Form.Item>
        <Form.Item name="subtitle" label="副标题" rules={[{ max: 200 }]}>
          <Input placeholder="选填" />
        </Form.Item>
        <Form.Item name="keywords" label="搜索关键词" tooltip="顾客搜索这些词也能找到本商品（标题、副标题和分类名已可搜索），多个词用空格分开" rules={[{ max: 200, message: '搜索关键词最多 200 个字' }]}>
          <Input placeholder="选填，如：坚果 山核桃 零食" />
        </Form.Item>
        <Form.Item name="images" label="商品图片" extra="JPEG、PNG 或 WebP，每张不超过 5 MB；拖动排序，第一张为封面">
          <ImageGallery />
        </Form.Item>
        <Form.Item name="description" label="商品详情">
          <RichTextEditor />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item name="memberOnly" label="会员专享" valuePropName="checked" extra="仅付费会员可购买">
            <Switch />
          </Form.Item>
          <Form.Item name="sort" label="排序" extra="数字越大越靠前" rules={[intRule('排序', -MAX_INT, MAX_INT)]}>
            <Input inputMode="numeric" style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <SkuEditor />
        {error && <Alert className="form-error" type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        <Space style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" className="product-submit" loading={saving}>
            保存
          </Button>
          <Button onClick={() => navigate('/products')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
