import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import { resetTaroMock } from './mocks/taro'

afterEach(() => {
  cleanup()
  resetTaroMock()
  vi.unstubAllEnvs()
})
