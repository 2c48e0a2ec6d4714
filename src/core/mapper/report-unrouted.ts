import type { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import type { Preset } from '../schemas/preset.ts'
import { compilePreset } from './compile-preset.ts'
import type { MapperIssue } from './map-result.ts'
import type { MapTrace } from './provenance.ts'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const toCamelCase = (key: string): string => key.replace(/[_\s-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())

/**
 * The traits and page properties of this call that the preset sends nowhere, as info issues naming the preset
 * key that would send each (as an unmapped event name gets a note). Traits are the call's own (identify's
 * traits, any call's context.traits) that no route reads and that are not the email trait; page properties are
 * those outside `pageProperties` that no route reads. Track properties are all sent, so never reported here.
 */
export function reportUnrouted(envelope: DataflyEnvelope, preset: Preset, trace?: MapTrace, call = 0): MapperIssue[] {
  const { routes } = compilePreset(preset)
  const routed = (root: 'traits' | 'properties', key: string): boolean => routes.some((r) => r.root === root && r.firstKey === key)
  const issues: MapperIssue[] = []
  const traits: Record<string, unknown> = {
    ...(isObject(envelope.context?.traits) ? envelope.context.traits : {}),
    ...(envelope.type === 'identify' && isObject(envelope.traits) ? envelope.traits : {}),
  }
  const emailTraits = new Set(preset.identity.emailTraits)
  for (const key of Object.keys(traits)) {
    if (emailTraits.has(key) || routed('traits', key) || traits[key] === undefined) continue
    const route = JSON.stringify({ from: `traits.${key}`, to: `contactProperties.${toCamelCase(key)}` })
    issues.push({
      severity: 'info',
      path: `traits.${key}`,
      message: `The trait "${key}" is not sent: no route of the preset reads traits.${key}. Add ${route} to the preset's "routes" to send it as a contact property.`,
      from: `traits.${key}`,
    })
    trace?.drop({ call, from: `traits.${key}`, reason: `no route of the preset reads traits.${key}`, route: `routes: ${route}` })
  }
  if (envelope.type === 'page' && isObject(envelope.properties)) {
    const sent = new Set(preset.pageProperties.map((field) => field.split('.')[0]))
    for (const key of Object.keys(envelope.properties)) {
      if (sent.has(key) || routed('properties', key)) continue
      issues.push({
        severity: 'info',
        path: `properties.${key}`,
        message: `The page property "${key}" is not sent: page calls send only the preset's pageProperties (${preset.pageProperties.join(', ') || 'none'}). Add "${key}" to "pageProperties" to send it as an event property.`,
        from: `properties.${key}`,
      })
      trace?.drop({ call, from: `properties.${key}`, reason: 'page calls send only the preset\'s pageProperties', route: `pageProperties: "${key}"` })
    }
  }
  return issues
}
