import { Text, View } from '@tarojs/components'
import './index.css'

/** Placeholder for the subpackage pages that are not built yet. */
export default function ComingSoon({ title }: { title: string }) {
  return (
    <View className='coming-soon'>
      <Text className='coming-soon-title'>{title}</Text>
      <Text className='coming-soon-text'>即将上线</Text>
    </View>
  )
}
