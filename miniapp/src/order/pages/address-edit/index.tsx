import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import StateView from '@/components/StateView'
import {
  createAddress,
  deleteAddress,
  listAddresses,
  updateAddress,
  validateAddress,
  type Address,
  type AddressErrors,
  type AddressField,
  type AddressInput,
} from '@/services/address'
import { regionProblem } from '@mc/shared'
import RegionPicker, { type Region } from '@/order/components/RegionPicker'
import { REGIONS } from '@/order/regions'
import { errorMessage, isApiError } from '@/services/request'
import { pickAddress } from '@/stores/ui'
import { PAGES } from '@/utils/nav'
import { goBackOr } from '@/utils/order'
import './index.css'

const EMPTY: AddressInput = { name: '', phone: '', province: '', city: '', district: '', detail: '', isDefault: false }

const FIELDS: { key: 'name' | 'phone'; label: string; placeholder: string; type?: 'number'; max: number }[] = [
  { key: 'name', label: '收货人', placeholder: '姓名', max: 32 },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'number', max: 11 },
]

const REGION_FIELDS = ['province', 'city', 'district'] as const

/** The form's problems, then whether the place is one of the region list (the server checks the same). */
function problemsOf(input: AddressInput): AddressErrors {
  const problems = validateAddress(input)
  // the place is one row: one message for it
  if (REGION_FIELDS.some((f) => problems[f])) return { ...problems, province: '请选择所在地区', city: undefined, district: undefined }
  const region = regionProblem(REGIONS, input)
  return region ? { ...problems, [region.field]: region.message } : problems
}

/** The field a 400 names (`details.fields[0].field`), when it is one of the form's. */
function serverField(e: unknown): AddressField | null {
  if (!isApiError(e)) return null
  const field = (e.details as { fields?: { field?: string }[] } | undefined)?.fields?.[0]?.field
  return field && ['name', 'phone', 'province', 'city', 'district', 'detail'].includes(field) ? (field as AddressField) : null
}

/** WeChat's own address book (weapp only): 导入微信地址. */
const canImport = () => process.env.TARO_ENV === 'weapp'

export default function AddressEditPage() {
  const { params } = useRouter()
  const editingId = params.id
  const pickAfterSave = params.pick === '1'
  const [form, setForm] = useState<AddressInput>(EMPTY)
  const [errors, setErrors] = useState<AddressErrors>({})
  const [loading, setLoading] = useState(Boolean(editingId))
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!editingId) return
    Taro.setNavigationBarTitle({ title: '编辑收货地址' }).catch(() => undefined)
    // There is no GET /api/addresses/:id: the list holds it.
    listAddresses()
      .then((list) => {
        const a = list.find((x) => String(x.id) === editingId)
        if (!a) setLoadError('地址不存在')
        else setForm({ name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail, isDefault: a.isDefault })
      })
      .catch((e: unknown) => setLoadError(errorMessage(e)))
      .finally(() => setLoading(false))
  }, [editingId])

  useEffect(() => {
    if (!editingId) Taro.setNavigationBarTitle({ title: '新增收货地址' }).catch(() => undefined)
  }, [editingId])

  const set = (key: keyof AddressInput, value: string | boolean) => {
    setForm((f) => ({ ...f, [key]: value }))
    if (key in errors) setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const setRegion = (r: Region) => {
    setForm((f) => ({ ...f, ...r }))
    setErrors((e) => ({ ...e, province: undefined, city: undefined, district: undefined }))
  }

  /** Fills the form from WeChat's address book; a place not in the region list is flagged at once. */
  const importFromWechat = async () => {
    let picked: Awaited<ReturnType<typeof Taro.chooseAddress>>
    try {
      picked = await Taro.chooseAddress()
    } catch {
      return // cancelled, or not allowed: the form stays as it was
    }
    const next: AddressInput = {
      ...form,
      name: picked.userName ?? '',
      phone: picked.telNumber ?? '',
      province: picked.provinceName ?? '',
      city: picked.cityName ?? '',
      district: picked.countyName ?? '',
      detail: picked.detailInfo ?? '',
    }
    setForm(next)
    setErrors(problemsOf(next))
  }

  const save = async () => {
    if (saving) return
    const trimmed: AddressInput = {
      ...form,
      name: form.name.trim(),
      phone: form.phone.trim(),
      province: form.province.trim(),
      city: form.city.trim(),
      district: form.district.trim(),
      detail: form.detail.trim(),
    }
    const problems = problemsOf(trimmed)
    setErrors(problems)
    if (Object.keys(problems).length > 0) {
      void Taro.showToast({ title: Object.values(problems)[0]!, icon: 'none' })
      return
    }
    setSaving(true)
    try {
      const saved: Address = editingId ? await updateAddress(editingId, trimmed) : await createAddress(trimmed)
      if (pickAfterSave) pickAddress(saved)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      goBackOr(PAGES.addressList)
    } catch (e) {
      const field = serverField(e)
      if (field) setErrors((prev) => ({ ...prev, [field]: errorMessage(e) }))
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  const regionError = errors.province ?? errors.city ?? errors.district

  const remove = async () => {
    if (!editingId) return
    const { confirm } = await Taro.showModal({ title: '删除地址', content: '确定删除这个收货地址吗？', confirmText: '删除', confirmColor: '#e4393c' })
    if (!confirm) return
    try {
      await deleteAddress(editingId)
      goBackOr(PAGES.addressList)
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }

  if (loading || loadError) {
    return <View className='address-edit-page'>{loadError ? <StateView state='error' text={loadError} /> : <StateView state='loading' />}</View>
  }

  return (
    <View className='address-edit-page'>
      {canImport() ? (
        <View className='card address-import' onClick={() => void importFromWechat()}>
          <Text>导入微信收货地址</Text>
          <Text className='address-import-go'>›</Text>
        </View>
      ) : null}
      <View className='card address-form'>
        {FIELDS.map((f) => (
          <View className={`field${errors[f.key] ? ' invalid' : ''}`} key={f.key}>
            <View className='field-row'>
              <Text className='field-label'>{f.label}</Text>
              <Input
                className={`field-input addr-${f.key}`}
                type={f.type ?? 'text'}
                value={form[f.key]}
                maxlength={f.max}
                placeholder={f.placeholder}
                placeholderClass='placeholder'
                onInput={(e) => set(f.key, e.detail.value)}
              />
            </View>
            {errors[f.key] ? <Text className='field-error'>{errors[f.key]}</Text> : null}
          </View>
        ))}
        <View className={`field address-region${regionError ? ' invalid' : ''}`}>
          <View className='field-row'>
            <Text className='field-label'>所在地区</Text>
            <View className='field-input'>
              <RegionPicker regions={REGIONS} value={form} onChange={setRegion} invalid={Boolean(regionError)} />
            </View>
          </View>
          {regionError ? <Text className='field-error'>{regionError}</Text> : null}
        </View>
        <View className={`field${errors.detail ? ' invalid' : ''}`}>
          <View className='field-row'>
            <Text className='field-label'>详细地址</Text>
            <Textarea
              className='field-input field-textarea addr-detail'
              value={form.detail}
              maxlength={200}
              autoHeight
              placeholder='街道、门牌号等'
              placeholderClass='placeholder'
              onInput={(e) => set('detail', e.detail.value)}
            />
          </View>
          {errors.detail ? <Text className='field-error'>{errors.detail}</Text> : null}
        </View>
        <View className='field field-row address-default-toggle' onClick={() => set('isDefault', !form.isDefault)}>
          <Text className='field-label'>设为默认</Text>
          <View className={`check${form.isDefault ? ' checked' : ''}`} />
        </View>
      </View>
      <View className='address-edit-actions'>
        <View className={`btn btn-primary address-save${saving ? ' disabled' : ''}`} hoverClass='btn-pressed' onClick={() => void save()}>
          <Text>{saving ? '保存中…' : '保存'}</Text>
        </View>
        {editingId ? (
          <View className='btn btn-ghost address-remove' onClick={() => void remove()}>
            <Text>删除地址</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
