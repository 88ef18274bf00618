import type { SkuView, SpecGroup } from '@/services/catalog'

/** The chosen value of each spec group, by group name. */
export type SkuSelection = Record<string, string>

/** The SKU of a complete selection (every group chosen), or null. A product without specs has its one SKU. */
export function findSku(groups: SpecGroup[], skus: SkuView[], selection: SkuSelection): SkuView | null {
  if (groups.some((g) => !selection[g.name])) return null
  return skus.find((s) => groups.every((g) => s.specs[g.name] === selection[g.name])) ?? null
}

/**
 * Can `value` of `group` still be bought, given the other groups' choices? False when every SKU
 * with it (and the other chosen values) is out of stock, or no such SKU exists.
 */
export function isValueAvailable(groups: SpecGroup[], skus: SkuView[], selection: SkuSelection, group: string, value: string): boolean {
  return skus.some(
    (s) => s.stock > 0 && s.specs[group] === value && groups.every((g) => g.name === group || !selection[g.name] || s.specs[g.name] === selection[g.name]),
  )
}

/** Tapping a value: chooses it, or clears it when it was chosen; drops other choices it rules out. */
export function toggleValue(groups: SpecGroup[], skus: SkuView[], selection: SkuSelection, group: string, value: string): SkuSelection {
  const next: SkuSelection = { ...selection }
  if (next[group] === value) {
    delete next[group]
    return next
  }
  next[group] = value
  for (const g of groups) {
    if (g.name !== group && next[g.name] && !isValueAvailable(groups, skus, next, g.name, next[g.name])) delete next[g.name]
  }
  return next
}

/** Groups with a single value that can be bought start chosen (a one-SKU product is ready to buy). */
export function initialSelection(groups: SpecGroup[], skus: SkuView[]): SkuSelection {
  const selection: SkuSelection = {}
  for (const g of groups) {
    if (g.values.length === 1 && isValueAvailable(groups, skus, selection, g.name, g.values[0])) selection[g.name] = g.values[0]
  }
  return selection
}

/** The groups still to choose, e.g. `['颜色', '尺码']`. */
export function missingGroups(groups: SpecGroup[], selection: SkuSelection): string[] {
  return groups.filter((g) => !selection[g.name]).map((g) => g.name)
}
