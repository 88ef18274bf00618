import { useEffect, useMemo, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import type { RegionTree } from '@mc/shared'

export interface Region {
  province: string
  city: string
  district: string
}

export interface RegionPickerProps {
  regions: RegionTree
  value: Region
  onChange: (region: Region) => void
  invalid?: boolean
}

/** Column indexes of a place (0 where it is not in the list). */
function indexesOf(regions: RegionTree, r: Region): [number, number, number] {
  const provinces = Object.keys(regions)
  const p = Math.max(0, provinces.indexOf(r.province))
  const cities = Object.keys(regions[provinces[p]])
  const c = Math.max(0, cities.indexOf(r.city))
  const d = Math.max(0, regions[provinces[p]][cities[c]].indexOf(r.district))
  return [p, c, d]
}

/** The three columns for these indexes. */
function columnsOf(regions: RegionTree, [p, c]: number[]): [string[], string[], string[]] {
  const provinces = Object.keys(regions)
  const cities = Object.keys(regions[provinces[p]])
  return [provinces, cities, [...regions[provinces[p]][cities[c]]]]
}

/** Province / city / district in three linked columns over the region list; shows the chosen place or a hint. */
export default function RegionPicker({ regions, value, onChange, invalid }: RegionPickerProps) {
  // the columns follow what the customer scrolls to before confirming
  const [draft, setDraft] = useState<number[]>(() => indexesOf(regions, value))
  useEffect(() => setDraft(indexesOf(regions, value)), [regions, value.province, value.city, value.district])
  const columns = useMemo(() => columnsOf(regions, draft), [regions, draft])
  const chosen = value.province ? [value.province, value.city, value.district].filter(Boolean).join(' ') : ''

  const onColumnChange = (column: number, row: number) => {
    setDraft((d) => (column === 0 ? [row, 0, 0] : column === 1 ? [d[0], row, 0] : [d[0], d[1], row]))
  }

  return (
    <Picker
      mode='multiSelector'
      range={columns}
      value={draft}
      onColumnChange={(e) => onColumnChange(e.detail.column, e.detail.value)}
      onChange={(e) => {
        const [p, c, d] = e.detail.value as number[]
        const [provinces] = columnsOf(regions, [p, 0])
        const cities = Object.keys(regions[provinces[p]])
        onChange({ province: provinces[p], city: cities[c], district: regions[provinces[p]][cities[c]][d] })
      }}
      onCancel={() => setDraft(indexesOf(regions, value))}
    >
      <View className={`region-value${invalid ? ' invalid' : ''}`}>
        {chosen ? <Text className='region-text'>{chosen}</Text> : <Text className='region-text placeholder'>请选择省 / 市 / 区县</Text>}
        <Text className='region-arrow'>›</Text>
      </View>
    </Picker>
  )
}
