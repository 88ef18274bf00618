import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import postcss, { type Rule } from 'postcss'
import { describe, expect, it } from 'vitest'

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src')
const cssFiles = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.css')).map((f) => join(src, f))

/**
 * The stylesheets are plain CSS for both builds: a rule inside a rule (a lost `}`, e.g. from a
 * merge) parses, but Taro's H5 build then fails in postcss-pxtransform with "Cannot read
 * properties of undefined (reading 'source')" and names no file. Only at-rules (@media) may hold rules.
 */
describe('mini-program stylesheets', () => {
  it('finds the stylesheets', () => {
    expect(cssFiles.length).toBeGreaterThan(10)
  })

  it.each(cssFiles.map((f) => [relative(src, f), f]))('%s has no rule nested in a rule', (_, file) => {
    const nested: string[] = []
    postcss.parse(readFileSync(file, 'utf8'), { from: file }).walkRules((rule: Rule) => {
      if (rule.parent?.type === 'rule') nested.push(`line ${rule.source?.start?.line}: ${rule.selector}`)
    })
    expect(nested).toEqual([])
  })
})
