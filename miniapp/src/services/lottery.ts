import type { LotteryDrawResponse, LotteryView } from '@mc/shared'
import { get, post } from './request'

export type { LotteryDrawResponse, LotteryView }

/** The wheel: cost, the draws left today and the prizes in wheel order. */
export const getLottery = () => get<LotteryView>('/api/lottery')

/** One draw, decided on the server; 409 INSUFFICIENT_POINTS / LIMIT_EXCEEDED. */
export const drawLottery = () => post<LotteryDrawResponse>('/api/lottery/draw')

/** Full turns the wheel makes before it stops. */
const TURNS = 6

/**
 * The wheel's next rotation (degrees, always more than `from`) that stops the pointer at the top on
 * the middle of sector `index` of `count` (sector 0 starts at the top, sectors run clockwise).
 */
export function landingAngle(from: number, index: number, count: number): number {
  const sector = 360 / count
  const target = (360 - (index + 0.5) * sector) % 360
  const base = from - (((from % 360) + 360) % 360)
  return base + TURNS * 360 + target
}
