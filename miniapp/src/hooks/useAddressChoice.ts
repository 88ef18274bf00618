import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { listAddresses, type Address } from '@/services/address'
import { errorMessage } from '@/services/request'
import { PAGES } from '@/utils/nav'

/**
 * The shipping address a page sends with an order (checkout, a points-mall redemption): the
 * customer's list, the chosen one (kept while it exists, else the default, else the first), `load`
 * (with the address the address pages just picked, if any) and `pickerUrl` (the list to choose
 * from, or the form when there is none yet).
 */
export function useAddressChoice() {
  const [addresses, setAddresses] = useState<Address[] | null>(null)
  const [addressId, setAddressId] = useState<Address['id'] | null>(null)

  const load = useCallback(async (prefer?: Address['id']) => {
    try {
      const list = await listAddresses()
      setAddresses(list)
      setAddressId((current) => {
        const want = prefer ?? current
        if (want != null && list.some((a) => String(a.id) === String(want))) return want
        return (list.find((a) => a.isDefault) ?? list[0])?.id ?? null
      })
    } catch (e) {
      setAddresses((current) => current ?? [])
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }, [])

  const address = addresses?.find((a) => String(a.id) === String(addressId)) ?? null
  const pickerUrl = addresses && addresses.length > 0 ? `${PAGES.addressList}?select=1` : `${PAGES.addressEdit}?pick=1`
  return { addresses, address, load, pickerUrl }
}
