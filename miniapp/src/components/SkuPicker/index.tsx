import { Text, View } from '@tarojs/components'
import type { SkuView, SpecGroup } from '@/services/catalog'
import { isValueAvailable, toggleValue, type SkuSelection } from '@/utils/sku'
import './index.css'

export interface SkuPickerProps {
  groups: SpecGroup[]
  skus: SkuView[]
  selection: SkuSelection
  onChange: (selection: SkuSelection) => void
}

/** One row of value chips per spec group; values that cannot be bought with the other choices are disabled. */
export default function SkuPicker({ groups, skus, selection, onChange }: SkuPickerProps) {
  if (groups.length === 0) return null
  return (
    <View className='sku-picker'>
      {groups.map((g) => (
        <View className='sku-group' key={g.name}>
          <Text className='sku-group-name'>{g.name}</Text>
          <View className='sku-values'>
            {g.values.map((v) => {
              const active = selection[g.name] === v
              const disabled = !isValueAvailable(groups, skus, selection, g.name, v)
              return (
                <View
                  key={v}
                  className={`sku-value${active ? ' active' : ''}${disabled ? ' disabled' : ''}`}
                  onClick={() => {
                    if (disabled && !active) return
                    onChange(toggleValue(groups, skus, selection, g.name, v))
                  }}
                >
                  <Text>{v}</Text>
                </View>
              )
            })}
          </View>
        </View>
      ))}
    </View>
  )
}
