import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'weapp-size.js')
const dirs: string[] = []

function fakeDist(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'weapp-size-'))
  dirs.push(root)
  writeFileSync(join(root, 'app.json'), JSON.stringify({ pages: ['pages/home/index'], subPackages: [{ root: 'member', pages: ['pages/center/index'] }] }))
  for (const [rel, size] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), Buffer.alloc(size))
  }
  return root
}

function run(root: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, [script, root], { encoding: 'utf8' }) }
  } catch (e) {
    const err = e as { status: number; stdout: string }
    return { code: err.status, out: err.stdout }
  }
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('scripts/weapp-size.js', () => {
  it('splits the main package from the subpackages', () => {
    const root = fakeDist({ 'app.js': 300 * 1024, 'pages/home/index.js': 12 * 1024, 'member/pages/center/index.js': 2048, 'project.config.json': 500 * 1024 })
    const { code, out } = run(root)
    expect(code).toBe(0)
    // main = 312 KB + app.json (~100 B); project.config.json is not part of the package
    expect(out).toMatch(/^weapp main package: 312\.1 KB of 2048 KB$/m)
    expect(out).toMatch(/^weapp subpackage member: 2\.0 KB of 2048 KB$/m)
  })

  it('fails when the main package is over 2 MB', () => {
    const { code, out } = run(fakeDist({ 'app.js': 2049 * 1024 }))
    expect(code).toBe(1)
    expect(out).toMatch(/main package: 2049\.\d KB of 2048 KB {2}OVER THE LIMIT/)
  })
})
