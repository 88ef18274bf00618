import { useCallback, useEffect, useState } from 'react'
import { getOrder, type OrderDetail } from '@/services/order'
import { errorMessage } from '@/services/request'

/** One of the customer's orders, loaded when the page opens; `reload` retries after an error. */
export function useOrder(id: string) {
  const [order, setOrder] = useState<OrderDetail | null>(null)
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(async () => {
    setError(null)
    try {
      setOrder(await getOrder(id))
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [id])

  useEffect(() => {
    void reload()
  }, [reload])

  return { order, error, reload }
}
