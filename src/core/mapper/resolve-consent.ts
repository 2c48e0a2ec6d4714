import type { ConsentPurpose, DataflyConsent } from '../schemas/datafly-envelope.ts'

export type ConsentShape = 'canonical' | 'categories' | 'legacy' | 'none'

export interface ConsentView {
  purposes: Partial<Record<ConsentPurpose, boolean>>
  /** The shape the decisive values came from: canonical wins over categories, which win over legacy. */
  shape: ConsentShape
}

const PURPOSES: readonly ConsentPurpose[] = ['essential', 'functional', 'analytics', 'marketing', 'personalization']

/**
 * Reads consent in Datafly's three shapes into canonical purposes. The canonical view wins; raw CMP categories
 * are mapped through `categoryMap` and OR-merged (several codes can feed one purpose); the flat legacy shape is
 * the fallback.
 */
export function resolveConsent(
  consent: DataflyConsent | undefined,
  categoryMap: Readonly<Record<string, ConsentPurpose>>,
): ConsentView {
  if (!consent || typeof consent !== 'object') return { purposes: {}, shape: 'none' }
  const purposes: Partial<Record<ConsentPurpose, boolean>> = {}
  let shape: ConsentShape = 'none'

  for (const purpose of PURPOSES) {
    const flat = consent[purpose]
    if (typeof flat === 'boolean') {
      purposes[purpose] = flat
      shape = 'legacy'
    }
  }

  const categories = consent.categories
  if (categories !== undefined && categories !== null) {
    const granted = Array.isArray(categories)
      ? new Set(categories.filter((c): c is string => typeof c === 'string'))
      : new Set(Object.entries(categories).filter(([, v]) => v === true).map(([k]) => k))
    const known = Array.isArray(categories) ? Object.keys(categoryMap) : Object.keys(categories)
    const fromCategories: Partial<Record<ConsentPurpose, boolean>> = {}
    for (const code of known) {
      const purpose = categoryMap[code]
      if (!purpose) continue
      fromCategories[purpose] = (fromCategories[purpose] ?? false) || granted.has(code)
    }
    if (Object.keys(fromCategories).length > 0) {
      Object.assign(purposes, fromCategories)
      shape = 'categories'
    }
  }

  const canonical = consent.canonical
  if (canonical && typeof canonical === 'object') {
    let any = false
    for (const purpose of PURPOSES) {
      const value = canonical[purpose]
      if (typeof value === 'boolean') {
        purposes[purpose] = value
        any = true
      }
    }
    if (any) shape = 'canonical'
  }
  return { purposes, shape }
}
