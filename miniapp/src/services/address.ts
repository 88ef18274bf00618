import type { Address, AddressList } from '@mc/shared'
import type { Id } from './catalog'
import { del, get, post, put } from './request'

export type { Address } from '@mc/shared'

export type AddressInput = Omit<Address, 'id'>

export const fullAddress = (a: Pick<Address, 'province' | 'city' | 'district' | 'detail'>) => `${a.province}${a.city}${a.district} ${a.detail}`

/** `GET /api/addresses`: default first. */
export async function listAddresses(): Promise<Address[]> {
  const res = await get<AddressList>('/api/addresses')
  return res.items
}

export function createAddress(input: AddressInput): Promise<Address> {
  return post<Address>('/api/addresses', input)
}

export function updateAddress(id: Id, input: Partial<AddressInput>): Promise<Address> {
  return put<Address>(`/api/addresses/${id}`, input)
}

export function deleteAddress(id: Id): Promise<void> {
  return del<void>(`/api/addresses/${id}`)
}

export type AddressField = 'name' | 'phone' | 'province' | 'city' | 'district' | 'detail'
export type AddressErrors = Partial<Record<AddressField, string>>

/** The server's rules (AddressDto), checked before sending so the form can say which field is wrong. */
export function validateAddress(input: Pick<AddressInput, AddressField>): AddressErrors {
  const errors: AddressErrors = {}
  const required = (field: AddressField, label: string, max: number) => {
    const v = input[field].trim()
    if (!v) errors[field] = `请填写${label}`
    else if (v.length > max) errors[field] = `${label}最多 ${max} 个字`
  }
  required('name', '收货人', 32)
  if (!input.phone.trim()) errors.phone = '请填写手机号'
  else if (!/^1\d{10}$/.test(input.phone.trim())) errors.phone = '请填写 11 位手机号'
  required('province', '省份', 32)
  required('city', '城市', 32)
  required('district', '区县', 32)
  required('detail', '详细地址', 200)
  return errors
}
