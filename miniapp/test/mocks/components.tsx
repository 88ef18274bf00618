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

export const Button = ({ className, children, onClick, openType }: Common & { size?: string; type?: string; openType?: string }) => (
  <button type='button' className={className} onClick={onClick} data-open-type={openType}>
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

type InputEvent = { detail: { value: string } }

export const Input = ({
  className,
  value,
  placeholder,
  onInput,
  onConfirm,
}: Common & { value?: string; placeholder?: string; onInput?: (e: InputEvent) => void; onConfirm?: (e: InputEvent) => void; [k: string]: unknown }) => (
  <input
    className={className}
    value={value ?? ''}
    placeholder={placeholder}
    onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    onKeyDown={(e) => {
      if (e.key === 'Enter') onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } })
    }}
  />
)

export const Textarea = ({
  className,
  value,
  placeholder,
  onInput,
}: Common & { value?: string; placeholder?: string; onInput?: (e: InputEvent) => void; [k: string]: unknown }) => (
  <textarea className={className} value={value ?? ''} placeholder={placeholder} onChange={(e) => onInput?.({ detail: { value: e.target.value } })} />
)

/** As Taro's H5 rich-text does with an HTML string: its markup inside a block. */
export const RichText = ({ className, nodes }: Common & { nodes?: string }) => <div className={className} dangerouslySetInnerHTML={{ __html: nodes ?? '' }} />
export const Swiper = ({ className, children }: Common & { [k: string]: unknown }) => <div className={className}>{children}</div>
export const SwiperItem = ({ className, children }: Common) => <div className={className}>{children}</div>

/**
 * A selector picker as a <select> over `range`; onChange gets `{ detail: { value: index } }`. `mode='date'` is an
 * <input type="date">; onChange gets `{ detail: { value: 'YYYY-MM-DD' } }`.
 */
export const Picker = ({
  children,
  mode,
  range = [],
  onChange,
}: Common & { mode?: string; range?: string[]; value?: number | string; start?: string; end?: string; onChange?: (e: { detail: { value: any } }) => void }) =>
  mode === 'date' ? (
    <div className='picker'>
      <input type='date' className='picker-date' onChange={(e) => onChange?.({ detail: { value: e.target.value } })} />
      {children}
    </div>
  ) : (
  <div className='picker'>
    <select className='picker-select' defaultValue='' onChange={(e) => onChange?.({ detail: { value: Number(e.target.value) } })}>
      <option value='' disabled>
        —
      </option>
      {range.map((r, i) => (
        <option key={r} value={i}>
          {r}
        </option>
      ))}
    </select>
    {children}
  </div>
  )

/** A switch as a checkbox; onChange gets `{ detail: { value: checked } }`. */
export const Switch = ({
  className,
  checked,
  disabled,
  onChange,
}: Common & { checked?: boolean; disabled?: boolean; color?: string; onChange?: (e: { detail: { value: boolean } }) => void }) => (
  <input
    type='checkbox'
    className={className}
    checked={Boolean(checked)}
    disabled={disabled}
    onChange={(e) => onChange?.({ detail: { value: e.target.checked } })}
  />
)
