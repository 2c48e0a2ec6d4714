import type { Preset, PresetFile, PropertyRoute } from '../schemas/preset.ts'
import { defaultPreset } from './default-preset.ts'

const sameRoute = (a: PropertyRoute, b: PropertyRoute): boolean => a.from === b.from && a.to === b.to

/** The label of a preset without a `name`: it says what it is built on, never just "Default". */
export function unnamedPresetLabel(base: PresetFile['extends']): string {
  return base === 'none' ? 'Custom preset (extends none)' : 'Custom preset (extends Default)'
}

/**
 * The merge rule, one place:
 * - `extends` is `"Default"` unless it says `"none"`;
 * - the tables merge entry by entry over the base's, yours winning: `events` (an entry mapped to `null` removes
 *   the base's), `routes` (yours are tried first; a first route that finds a value wins) and
 *   `consent.categoryMap`; with `"extends": "none"` the base's tables are empty;
 * - `identity` and `consent` merge key by key; every other key you give replaces Default's (`pageProperties`
 *   too: it is the list of page fields to send, not a table);
 * - without `name` the preset is called "Custom preset (extends …)", unless it changes nothing at all.
 */
export function mergePreset(file: PresetFile): Preset {
  const base = file.extends ?? 'Default'
  const fromDefault = base === 'Default'
  const events: Record<string, string> = fromDefault ? { ...defaultPreset.events } : {}
  for (const [name, eventName] of Object.entries(file.events ?? {})) {
    if (eventName === null) delete events[name]
    else events[name] = eventName
  }
  const own = file.routes ?? []
  const inherited = fromDefault ? defaultPreset.routes.filter((route) => !own.some((mine) => sameRoute(mine, route))) : []
  const { extends: _base, name, ...settings } = file
  const changesNothing = fromDefault && Object.values(settings).every((v) => v === undefined)
  return {
    name: name ?? (changesNothing ? defaultPreset.name : unnamedPresetLabel(base)),
    unmappedEvents: file.unmappedEvents ?? defaultPreset.unmappedEvents,
    pageProperties: file.pageProperties ?? defaultPreset.pageProperties,
    identify: file.identify ?? defaultPreset.identify,
    contactProperties: file.contactProperties ?? defaultPreset.contactProperties,
    nonScalarValues: file.nonScalarValues ?? defaultPreset.nonScalarValues,
    events,
    routes: [...own, ...inherited],
    identity: { emailTraits: file.identity?.emailTraits ?? defaultPreset.identity.emailTraits },
    consent: {
      subscribeWhenGranted: file.consent?.subscribeWhenGranted !== undefined ? file.consent.subscribeWhenGranted : defaultPreset.consent.subscribeWhenGranted,
      requirePurpose: file.consent?.requirePurpose !== undefined ? file.consent.requirePurpose : defaultPreset.consent.requirePurpose,
      categoryMap: { ...(fromDefault ? defaultPreset.consent.categoryMap : {}), ...file.consent?.categoryMap },
    },
  }
}
