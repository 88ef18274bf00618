// DOM stand-ins for @tarojs/components: enough to render and click, keeping className and text.
import type { CSSProperties, ReactNode } from 'react'

interface Common {
  className?: string
  style?: CSSProperties
  children?: ReactNode
  onClick?: (e: unknown) => void
}

export const View = ({ className, style, children, onClick }: Common) => (
  <div className={className} style={style} onClick={onClick}>
    {children}
  </div>
)

export const Text = ({ className, style, children, onClick }: Common) => (
  <span className={className} style={style} onClick={onClick}>
    {children}
  </span>
)

export const Button = ({ className, children, onClick }: Common & { size?: string; type?: string }) => (
  <button type='button' className={className} onClick={onClick}>
    {children}
  </button>
)

export const Image = ({ className, src, mode, lazyLoad, onClick }: Common & { src: string; mode?: string; lazyLoad?: boolean }) => (
  <img className={className} src={src} alt='' data-mode={mode} data-lazy-load={lazyLoad ? 'true' : undefined} onClick={onClick} />
)

export const ScrollView = ({ className, children, onScrollToLower }: Common & { onScrollToLower?: () => void; [k: string]: unknown }) => (
  <div className={className} data-scroll-view='true' onScroll={() => onScrollToLower?.()}>
    {children}
  </div>
)
