import { useCallback, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StateView from '@/components/StateView'
import { deleteAddress, fullAddress, listAddresses, updateAddress, type Address } from '@/services/address'
import { errorMessage } from '@/services/request'
import { pickAddress } from '@/stores/ui'
import { PAGES } from '@/utils/nav'
import { goBackOr } from '@/utils/order'
import './index.css'

export default function AddressListPage() {
  const { params } = useRouter()
  const selecting = params.select === '1'
  const [list, setList] = useState<Address[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setError(null)
    try {
      setList(await listAddresses())
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])

  // Also after adding or editing one.
  useDidShow(() => {
    void load()
  })

  const edit = (a?: Address) => {
    const query = [a ? `id=${a.id}` : '', selecting ? 'pick=1' : ''].filter(Boolean).join('&')
    void Taro.navigateTo({ url: query ? `${PAGES.addressEdit}?${query}` : PAGES.addressEdit })
  }

  const choose = (a: Address) => {
    if (!selecting) return edit(a)
    pickAddress(a)
    goBackOr(PAGES.checkout)
  }

  const makeDefault = async (a: Address) => {
    try {
      await updateAddress(a.id, { isDefault: true })
      await load()
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }

  const remove = async (a: Address) => {
    const { confirm } = await Taro.showModal({ title: '删除地址', content: '确定删除这个收货地址吗？', confirmText: '删除', confirmColor: '#e4393c' })
    if (!confirm) return
    try {
      await deleteAddress(a.id)
      await load()
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }

  let body
  if (!list) body = error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />
  else if (list.length === 0) body = <StateView state='empty' text='还没有收货地址' />
  else
    body = list.map((a) => (
      <View className='card address-item' key={a.id}>
        <View className='address-item-main' onClick={() => choose(a)}>
          <View className='address-who'>
            <Text className='address-name'>{a.name}</Text>
            <Text className='address-phone'>{a.phone}</Text>
            {a.isDefault ? <Text className='address-default-tag'>默认</Text> : null}
          </View>
          <Text className='address-full'>{fullAddress(a)}</Text>
        </View>
        <View className='address-item-actions'>
          <View className='address-set-default' onClick={() => !a.isDefault && void makeDefault(a)}>
            <View className={`check${a.isDefault ? ' checked' : ''}`} />
            <Text>{a.isDefault ? '默认地址' : '设为默认'}</Text>
          </View>
          <Text className='address-action address-edit' onClick={() => edit(a)}>
            编辑
          </Text>
          <Text className='address-action address-delete' onClick={() => void remove(a)}>
            删除
          </Text>
        </View>
      </View>
    ))

  return (
    <View className='address-list-page'>
      {body}
      <View className='address-bar'>
        <View className='btn btn-primary address-add' hoverClass='btn-pressed' onClick={() => edit()}>
          <Text>＋ 新增收货地址</Text>
        </View>
      </View>
    </View>
  )
}
