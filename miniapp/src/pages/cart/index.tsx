import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import './index.css'

export default function CartPage() {
  return (
    <View className='cart-page'>
      <Text className='cart-empty-title'>购物车还是空的</Text>
      <Text className='cart-empty-sub'>去挑几件喜欢的商品吧</Text>
      <Button className='cart-go-shopping' onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
        去逛逛
      </Button>
    </View>
  )
}
