import { Text, View } from '@tarojs/components'
import './index.css'

export interface QtyStepperProps {
  value: number
  min?: number
  max: number
  disabled?: boolean
  onChange: (value: number) => void
}

/** − qty + ; the buttons stop at min and max. */
export default function QtyStepper({ value, min = 1, max, disabled = false, onChange }: QtyStepperProps) {
  const canMinus = !disabled && value > min
  const canPlus = !disabled && value < max
  return (
    <View className={`qty-stepper${disabled ? ' disabled' : ''}`}>
      <View className={`qty-minus${canMinus ? '' : ' disabled'}`} onClick={() => canMinus && onChange(value - 1)}>
        <Text>−</Text>
      </View>
      <Text className='qty-value'>{value}</Text>
      <View className={`qty-plus${canPlus ? '' : ' disabled'}`} onClick={() => canPlus && onChange(value + 1)}>
        <Text>+</Text>
      </View>
    </View>
  )
}
