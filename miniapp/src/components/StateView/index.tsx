import { Button, Text, View } from '@tarojs/components'
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
