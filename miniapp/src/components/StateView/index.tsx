import { Button, Text, View } from '@tarojs/components'
import type { PagedList } from '@/hooks/usePagedList'
import './index.css'

export interface StateViewProps {
  state: 'loading' | 'error' | 'empty'
  /** error: the message; empty: the text */
  text?: string
  onRetry?: () => void
  /** empty: an optional button */
  actionText?: string
  onAction?: () => void
}

/** A whole-page loading, error (tap to retry) or empty state. */
export default function StateView({ state, text, onRetry, actionText, onAction }: StateViewProps) {
  if (state === 'loading') {
    return (
      <View className='state-view list-loading'>
        <Text>加载中…</Text>
      </View>
    )
  }
  if (state === 'error') {
    return (
      <View className='state-view list-error' onClick={onRetry}>
        <Text>{text || '加载失败'}</Text>
        <Text className='state-sub'>点击重试</Text>
      </View>
    )
  }
  return (
    <View className='state-view list-empty'>
      <Text>{text || '暂无内容'}</Text>
      {actionText ? (
        <Button className='state-action' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}

/** A paged list's whole-page state while it has no items: loading, its error (tap to retry) or `emptyText`; null once it has items. */
export function ListStateView({ list, emptyText }: { list: Pick<PagedList<unknown>, 'items' | 'loading' | 'loaded' | 'error' | 'retry'>; emptyText: string }) {
  if (list.items.length > 0) return null
  if (list.error && !list.loading) return <StateView state='error' text={list.error} onRetry={() => void list.retry()} />
  if (list.loading || !list.loaded) return <StateView state='loading' />
  return <StateView state='empty' text={emptyText} />
}
