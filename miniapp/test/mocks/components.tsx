// DOM stand-ins for @tarojs/components: enough to render and click, keeping className and text.
import type { CSSProperties, ReactNode } from 'react'

interface Common {
  className?: string
  style?: CSSProperties
  children?: ReactNode
  onClick?: (e: unknown) => void
}

export const View = ({ className, style, children, onClick, onTransitionEnd }: Common & { onTransitionEnd?: () => void }) => (
  <div className={className} style={style} onClick={onClick} onTransitionEnd={onTransitionEnd}>
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
 * A selector picker as a <select> over `range`; onChange gets `{ detail: { value: index } }`.
 * mode='multiSelector': one <select> per column (a change fires onColumnChange, as scrolling a
 * column does) and a confirm button firing onChange with `value`, as WeChat's 确定 does.
 * mode='date': an <input type="date">; onChange gets `{ detail: { value: 'YYYY-MM-DD' } }`.
 */
export const Picker = ({
  children,
  mode,
  range,
  value,
  onChange,
  onColumnChange,
}: Common & {
  mode?: string
  range?: string[] | string[][]
  value?: number | number[] | string
  onChange?: (e: { detail: { value: number | number[] } }) => void
  onColumnChange?: (e: { detail: { column: number; value: number } }) => void
  onCancel?: () => void
  start?: string
  end?: string
}) => {
  if (mode === 'date') {
    return (
      <div className='picker'>
        <input type='date' className='picker-date' onChange={(e) => (onChange as ((e: { detail: { value: unknown } }) => void) | undefined)?.({ detail: { value: e.target.value } })} />
        {children}
      </div>
    )
  }
  if (mode === 'multiSelector') {
    const columns = range as string[][]
    const at = (value as number[] | undefined) ?? columns.map(() => 0)
    return (
      <div className='picker picker-multi'>
        {columns.map((col, column) => (
          <select
            key={column}
            className={`picker-column picker-column-${column}`}
            value={at[column] ?? 0}
            onChange={(e) => onColumnChange?.({ detail: { column, value: Number(e.target.value) } })}
          >
            {col.map((r, i) => (
              <option key={`${r}-${i}`} value={i}>
                {r}
              </option>
            ))}
          </select>
        ))}
        <button className='picker-confirm' onClick={() => onChange?.({ detail: { value: at } })}>
          确定
        </button>
        {children}
      </div>
    )
  }
  return (
    <div className='picker'>
      <select className='picker-select' defaultValue='' onChange={(e) => onChange?.({ detail: { value: Number(e.target.value) } })}>
        <option value='' disabled>
          —
        </option>
        {((range ?? []) as string[]).map((r, i) => (
          <option key={r} value={i}>
            {r}
          </option>
        ))}
      </select>
      {children}
    </div>
  )
}

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
