import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { errorMessage } from '@/services/request'
import { getSubscriptionTemplates, postConsents, type SubscriptionScene, type SubscriptionTemplatesResponse } from '@/services/subscriptions'
import './index.css'

type Template = SubscriptionTemplatesResponse['templates'][number]

/**
 * Asks the shopper, on their tap and never by itself, to be told by WeChat (one-time subscription
 * messages: each consent lets the store send one). In the mini-program that is WeChat's own sheet
 * (`requestSubscribeMessage`); in H5, which has no such sheet, a small dialog in its place, so the
 * demo and browser tests can consent. Shows nothing when the store enabled no template for the scene.
 */
export default function SubscribePrompt({ scene, text }: { scene: SubscriptionScene; text: string }) {
  const [templates, setTemplates] = useState<Template[]>([])
  const [asking, setAsking] = useState(false)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    getSubscriptionTemplates(scene)
      .then((r) => live && setTemplates(r.templates))
      .catch(() => undefined) // no prompt: the page works the same without it
    return () => {
      live = false
    }
  }, [scene])

  if (!templates.length) return null
  const ids = templates.map((t) => t.templateId)

  const record = async (results: Record<string, string>) => {
    setBusy(true)
    try {
      await postConsents(results)
      const accepted = ids.some((id) => results[id] === 'accept')
      setDone(accepted)
      void Taro.showToast({ title: accepted ? '订阅成功' : '已取消订阅', icon: 'none' })
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const ask = async () => {
    if (busy) return
    if (process.env.TARO_ENV !== 'weapp') {
      setAsking(true)
      return
    }
    let answer: Record<string, unknown>
    try {
      answer = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, unknown>
    } catch {
      return // the shopper closed the sheet, or turned subscriptions off in settings
    }
    const results = Object.fromEntries(ids.flatMap((id) => (typeof answer[id] === 'string' ? [[id, answer[id] as string]] : [])))
    if (Object.keys(results).length) await record(results)
  }

  const answerAll = (value: 'accept' | 'reject') => {
    setAsking(false)
    void record(Object.fromEntries(ids.map((id) => [id, value])))
  }

  return (
    <View className='card subscribe-prompt'>
      <View className='subscribe-prompt-row'>
        <Text className='subscribe-prompt-text'>{done ? '已订阅，到时会通过微信通知你' : text}</Text>
        <View className={`btn btn-small ${done ? 'btn-ghost' : 'btn-primary'} subscribe-prompt-button`} onClick={() => void ask()}>
          <Text>{done ? '再订阅一次' : '订阅通知'}</Text>
        </View>
      </View>
      {asking && (
        <View className='subscribe-dialog-mask'>
          <View className='subscribe-dialog'>
            <Text className='subscribe-dialog-title'>允许本店向你发送以下消息</Text>
            {templates.map((t) => (
              <Text key={t.templateId} className='subscribe-dialog-item'>
                {`· ${t.title}`}
              </Text>
            ))}
            <Text className='subscribe-dialog-note'>每次允许，本店可向你发送一次该消息</Text>
            <View className='subscribe-dialog-actions'>
              <View className='btn btn-ghost subscribe-dialog-reject' onClick={() => answerAll('reject')}>
                <Text>取消</Text>
              </View>
              <View className='btn btn-primary subscribe-dialog-accept' onClick={() => answerAll('accept')}>
                <Text>允许</Text>
              </View>
            </View>
          </View>
        </View>
      )}
    </View>
  )
}
