import { Picker, Text, View } from '@tarojs/components'

interface Props {
  label: string
  choices: readonly string[]
  /** The chosen index; null shows 请选择. */
  index: number | null
  onChange: (index: number) => void
  className?: string
}

/** A labelled row opening WeChat's picker over `choices` (the refund reason, the return carrier). */
export default function ChoiceRow({ label, choices, index, onChange, className = '' }: Props) {
  return (
    <Picker mode='selector' range={[...choices]} value={index ?? 0} onChange={(e) => onChange(Number(e.detail.value))}>
      <View className={`refund-reason ${className}`.trim()}>
        <Text className='refund-reason-label'>{label}</Text>
        <Text className={`refund-reason-value${index === null ? ' placeholder' : ''}`}>{index === null ? '请选择 ›' : `${choices[index]} ›`}</Text>
      </View>
    </Picker>
  )
}
