import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ShareFriendButton } from '@/components/ShareBar'
import StateView from '@/components/StateView'
import { assetUrl } from '@/services/config'
import { getSharePayload, type SharePayload, type ShareTarget } from '@/services/distribution'
import { errorMessage } from '@/services/request'
import { PAGES } from '@/utils/nav'
import { decodeParam } from '@/utils/time'
import '../../styles.css'
import './index.css'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** `?productId=12` → a product, `?page=card` → the member-card page, else the home page. */
export function posterTarget(params: Record<string, string | undefined>): ShareTarget {
  const productId = decodeParam(params.productId)
  if (productId) return { productId }
  return params.page === 'card' ? { page: 'card' } : {}
}

/** WeChat: download the PNG, then save it to the album (asking for the album permission when it was refused). */
async function saveToAlbum(url: string): Promise<void> {
  try {
    const file = await Taro.downloadFile({ url })
    if (file.statusCode !== 200) throw new Error(`download ${file.statusCode}`)
    await Taro.saveImageToPhotosAlbum({ filePath: file.tempFilePath })
    void Taro.showToast({ title: '已保存到相册', icon: 'success' })
  } catch (e) {
    const msg = String((e as { errMsg?: string })?.errMsg ?? '')
    if (/cancel/.test(msg)) return
    if (/auth|deny|denied/.test(msg)) {
      const answer = await Taro.showModal({ title: '需要相册权限', content: '请在设置中允许保存到相册，然后再试一次', confirmText: '去设置' })
      if (answer.confirm) void Taro.openSetting()
      return
    }
    toast('保存失败，请稍后重试')
  }
}

/** H5: the browser downloads the PNG (a long press on the picture also saves it on phones). */
function download(url: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = 'poster.png'
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** 推广海报: the poster PNG with the distributor's mini-program code, to save or share. */
export default function PosterPage() {
  const { params } = useRouter()
  const target = posterTarget(params)
  const key = JSON.stringify(target)
  const [payload, setPayload] = useState<SharePayload | null>(null)
  const [error, setError] = useState<string | null>(null)
  const weapp = process.env.TARO_ENV === 'weapp'

  const load = useCallback(async () => {
    setError(null)
    try {
      setPayload(await getSharePayload(JSON.parse(key) as ShareTarget))
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [key])

  useEffect(() => {
    void load()
  }, [load])

  useShareAppMessage(() => (payload ? { title: payload.title, path: payload.path } : { title: '会员商城', path: PAGES.home }))

  if (!payload) {
    return (
      <View className='dist-page'>
        {error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}
      </View>
    )
  }

  const src = assetUrl(payload.posterUrl)
  return (
    <View className='dist-page poster-page'>
      <View className='poster-frame'>
        <Image className='poster-image' src={src} mode='widthFix' showMenuByLongpress />
      </View>
      <Text className='poster-hint'>{weapp ? '保存海报分享到朋友圈，好友扫码进入即成为你的客户' : '点击下载海报，手机上也可以长按图片保存'}</Text>
      <View className='poster-actions'>
        <ShareFriendButton path={payload.path} className='poster-share' />
        <View
          className='btn btn-primary poster-save'
          hoverClass='btn-pressed'
          onClick={() => (weapp ? void saveToAlbum(src) : download(src))}
        >
          <Text>{weapp ? '保存到相册' : '下载海报'}</Text>
        </View>
      </View>
    </View>
  )
}
