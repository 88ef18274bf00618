#!/usr/bin/env node
// Sizes of the WeChat build: the main package (everything outside the subpackage roots) and each
// subpackage, in KB (1024 B). Exits 1 when a package is over WeChat's 2 MB limit (or all over 20 MB).
// Usage: node scripts/weapp-size.js [dist/weapp]
'use strict'
const fs = require('node:fs')
const path = require('node:path')

const KB = 1024
const PACKAGE_LIMIT = 2048 * KB
const TOTAL_LIMIT = 20 * 1024 * KB
// Not uploaded as part of the code package.
const IGNORED = [/^project(\.private)?\.config\.json$/, /\.map$/]

const root = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist', 'weapp'))

/** 319898 → "312.4 KB" (integer math, one decimal). */
function kb(bytes) {
  const tenths = Math.round((bytes * 10) / KB)
  return `${Math.floor(tenths / 10)}.${tenths % 10} KB`
}

function walk(dir, rel, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name)
    const relPath = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) walk(abs, relPath, out)
    else if (entry.isFile() && !IGNORED.some((re) => re.test(entry.name))) out.push({ rel: relPath, size: fs.statSync(abs).size })
  }
  return out
}

function main() {
  const appJson = path.join(root, 'app.json')
  if (!fs.existsSync(appJson)) {
    console.error(`weapp-size: ${appJson} not found (run taro build --type weapp first)`)
    return 1
  }
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8'))
  const roots = (app.subPackages || app.subpackages || []).map((p) => String(p.root).replace(/^\/+|\/+$/g, ''))
  const sizes = new Map(roots.map((r) => [r, 0]))
  let main = 0
  for (const file of walk(root, '', [])) {
    const owner = roots.find((r) => file.rel === r || file.rel.startsWith(`${r}/`))
    if (owner) sizes.set(owner, sizes.get(owner) + file.size)
    else main += file.size
  }

  let failed = false
  const mainOver = main > PACKAGE_LIMIT
  failed = failed || mainOver
  console.log(`weapp main package: ${kb(main)} of ${PACKAGE_LIMIT / KB} KB${mainOver ? '  OVER THE LIMIT' : ''}`)
  let total = main
  for (const [r, size] of sizes) {
    total += size
    const over = size > PACKAGE_LIMIT
    failed = failed || over
    console.log(`weapp subpackage ${r}: ${kb(size)} of ${PACKAGE_LIMIT / KB} KB${over ? '  OVER THE LIMIT' : ''}`)
  }
  const totalOver = total > TOTAL_LIMIT
  failed = failed || totalOver
  console.log(`weapp total: ${kb(total)} of ${TOTAL_LIMIT / KB} KB${totalOver ? '  OVER THE LIMIT' : ''}`)
  return failed ? 1 : 0
}

process.exitCode = main()
