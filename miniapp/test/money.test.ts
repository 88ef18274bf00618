import { describe, expect, it } from 'vitest'
import { formatYuan, priceText } from '@/utils/money'

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [5, '0.05'],
    [10, '0.10'],
    [99, '0.99'],
    [100, '1.00'],
    [1990, '19.90'],
    [1799, '17.99'],
    [123456789, '1234567.89'],
    [-1990, '-19.90'],
    [-5, '-0.05'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i fen → %s', (cents, text) => {
    expect(formatYuan(cents)).toBe(text)
  })

  it('rejects anything but a safe integer', () => {
    expect(() => formatYuan(19.9)).toThrow(RangeError)
    expect(() => formatYuan(Number.NaN)).toThrow(RangeError)
    expect(() => formatYuan(2 ** 53)).toThrow(RangeError)
  })

  it('priceText adds the yuan sign', () => {
    expect(priceText(1990)).toBe('¥19.90')
  })
})
