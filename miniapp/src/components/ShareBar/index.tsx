import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { SharePayload, ShareTarget } from '@/services/distribution'
import { h5AbsoluteUrl, posterUrl } from '@/utils/nav'
import './index.css'

/**
 * 分享给好友: WeChat's share button (the page's share card, whose path carries the distributor's ref);
 * in H5, where there is no share sheet, the link is copied.
 */
export function ShareFriendButton({ path, className }: { path: string; className: string }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button className={`btn btn-ghost ${className}`} openType='share'>
        分享给好友
      </Button>
    )
  }
  const copy = () =>
    void Taro.setClipboardData({ data: h5AbsoluteUrl(path) }).then(
      () => Taro.showToast({ title: '链接已复制，发给好友吧', icon: 'none' }),
      () => undefined,
    )
  return (
    <View className={`btn btn-ghost ${className}`} hoverClass='btn-pressed' onClick={copy}>
      <Text>复制链接</Text>
    </View>
  )
}

/** An approved distributor's share row on a shareable page: 分享给好友 and 生成海报. */
export default function ShareBar({ payload, target }: { payload: SharePayload | null; target: ShareTarget }) {
  if (!payload) return null
  return (
    <View className='card share-bar'>
      <Text className='share-bar-text'>分享赚佣金</Text>
      <ShareFriendButton path={payload.path} className='btn-small share-bar-button share-friend' />
      <View className='btn btn-primary btn-small share-bar-button share-poster' hoverClass='btn-pressed' onClick={() => void Taro.navigateTo({ url: posterUrl(target) })}>
        <Text>生成海报</Text>
      </View>
    </View>
  )
}
