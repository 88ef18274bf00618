import { useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import ProductList from '@/components/ProductList'
import { useProductPager } from '@/hooks/useProductPager'
import { openProduct } from '@/utils/product'
import './index.css'

function initialQuery(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw).trim().slice(0, 50)
  } catch {
    return ''
  }
}

export default function SearchPage() {
  const { params } = useRouter()
  const [input, setInput] = useState(() => initialQuery(params.q))
  const [q, setQ] = useState(() => initialQuery(params.q))
  const filter = useMemo(() => ({ q }), [q])
  const pager = useProductPager(filter, 10, q !== '')

  const submit = (value = input) => {
    const text = value.trim()
    if (!text) {
      void Taro.showToast({ title: '请输入要搜索的商品', icon: 'none' })
      return
    }
    setInput(text)
    if (text === q) void pager.reload()
    else setQ(text)
  }

  /** Typing: an emptied box leaves the search (the results of the last one go). */
  const onType = (value: string) => {
    setInput(value)
    if (!value.trim()) setQ('')
  }

  useReachBottom(() => {
    if (q) void pager.loadMore()
  })

  usePullDownRefresh(() => {
    const done = q ? pager.reload() : Promise.resolve()
    void done.finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className='search-page'>
      <View className='search-bar'>
        <Input
          className='search-input'
          value={input}
          focus={!q}
          confirmType='search'
          placeholder='搜索商品'
          placeholderClass='placeholder'
          maxlength={50}
          onInput={(e) => onType(e.detail.value)}
          onConfirm={(e) => submit(e.detail.value)}
        />
        {input ? (
          <View className='search-clear' onClick={() => onType('')}>
            <Text>×</Text>
          </View>
        ) : null}
        <View className='search-submit' onClick={() => submit()}>
          <Text>搜索</Text>
        </View>
      </View>
      {q ? (
        <>
          {pager.items.length > 0 ? <Text className='search-total'>{`共 ${pager.total} 件商品`}</Text> : null}
          <ProductList
            items={pager.items}
            loading={pager.loading}
            error={pager.error}
            hasMore={pager.hasMore}
            onRetry={() => void pager.retry()}
            onItemClick={openProduct}
            emptyText={`没有找到“${q}”相关的商品`}
          />
        </>
      ) : (
        <View className='search-hint'>
          <Text>输入商品名称、分类或关键词，例如“茶”“坚果”</Text>
        </View>
      )}
    </View>
  )
}
