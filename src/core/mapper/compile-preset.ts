import type { Preset } from '../schemas/preset.ts'

export interface CompiledRoute {
  from: string
  root: 'traits' | 'properties' | 'context'
  /** The path below the root (`page.url`), and its first segment (`page`). */
  key: string
  segments: string[]
  firstKey: string
  target: 'contactProperties' | 'eventProperties'
  targetKey: string
}

export interface CompiledPreset {
  routes: CompiledRoute[]
  /** Each page property name as path segments. */
  pageFields: { field: string; segments: string[] }[]
  events: Map<string, string>
}

const cache = new WeakMap<Preset, CompiledPreset>()

/** Parses a preset's route strings once per preset object, so mapping 100 000 events does not re-split them. */
export function compilePreset(preset: Preset): CompiledPreset {
  let compiled = cache.get(preset)
  if (compiled) return compiled
  compiled = {
    routes: preset.routes.map((route) => {
      const dot = route.from.indexOf('.')
      const key = route.from.slice(dot + 1)
      const targetDot = route.to.indexOf('.')
      return {
        from: route.from,
        root: route.from.slice(0, dot) as CompiledRoute['root'],
        key,
        segments: key.split('.'),
        firstKey: key.split('.')[0] ?? key,
        target: route.to.slice(0, targetDot) as CompiledRoute['target'],
        targetKey: route.to.slice(targetDot + 1),
      }
    }),
    events: new Map(Object.entries(preset.events)),
    pageFields: preset.pageProperties.map((field) => ({ field, segments: field.split('.') })),
  }
  cache.set(preset, compiled)
  return compiled
}
