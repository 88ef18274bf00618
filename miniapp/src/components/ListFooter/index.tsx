import { Text, View } from '@tarojs/components'
import type { PagedList } from '@/hooks/usePagedList'

/** The footer under a paged list: loading, a failed next page (tap to retry), more below, or the end. */
export default function ListFooter({ list }: { list: Pick<PagedList<unknown>, 'loading' | 'error' | 'hasMore' | 'retry'> }) {
  if (list.loading) {
    return (
      <View className='list-footer list-loading'>
        <Text>加载中…</Text>
      </View>
    )
  }
  if (list.error) {
    return (
      <View className='list-footer list-error' onClick={() => void list.retry()}>
        <Text>加载失败，点击重试</Text>
      </View>
    )
  }
  return (
    <View className={`list-footer${list.hasMore ? '' : ' list-end'}`}>
      <Text>{list.hasMore ? '上拉加载更多' : '— 没有更多了 —'}</Text>
    </View>
  )
}
