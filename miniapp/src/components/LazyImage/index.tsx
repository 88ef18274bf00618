import { Image, View } from '@tarojs/components'
import { assetUrl } from '@/services/config'

export interface LazyImageProps {
  className: string
  /** A server path or URL; empty: a grey box in its place. */
  src: string | null | undefined
  onClick?: () => void
}

/**
 * A lazily loaded, aspect-filled image. Without a source it is an empty box, not an Image: Taro's H5
 * Image with lazyLoad and no src observes an element it never rendered, and IntersectionObserver
 * throws ("parameter 1 is not of type 'Element'") into the console of every list that shows one.
 */
export default function LazyImage({ className, src, onClick }: LazyImageProps) {
  const url = assetUrl(src)
  if (!url) return <View className={`${className} image-missing`} onClick={onClick} />
  return <Image className={className} src={url} mode='aspectFill' lazyLoad onClick={onClick} />
}
