import { STYLE_ATTRIBUTES } from '../../../src/core/lmx/index.ts'
import { iso, type TeamContent, type ThemeRecord } from '../../content/content-store.ts'
import { newestFirst, paginate } from '../../content/paginate.ts'
import { atLeastOne, onlyKeys, readRecord, readString } from '../../content/read-fields.ts'
import { kindOf } from '../../../src/core/loops/kind-of.ts'
import { badRequest } from '../../loops-request-error.ts'
import { ok } from '../../reply.ts'
import type { Route } from '../../route.ts'
import { contentRoute, created, notFound } from './content-route.ts'

/** ThemeStyles: colours and font names are strings, sizes and paddings numbers. */
const STRING_STYLES = new Set(['backgroundColor', 'bodyColor', 'bodyFontFamily', 'bodyFontCategory', 'borderColor', 'buttonBodyColor', 'buttonBorderColor', 'buttonTextColor', 'dividerColor', 'textBaseColor', 'textLinkColor', 'heading1Color', 'heading2Color', 'heading3Color'])

const themeJson = (t: ThemeRecord) => ({ id: t.id, name: t.name, styles: t.styles, isDefault: t.isDefault, createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt) })

function readStyles(value: unknown): Record<string, string | number> {
  const styles = readRecord(value, 'styles')
  for (const [key, v] of Object.entries(styles)) {
    if (!(STYLE_ATTRIBUTES as readonly string[]).includes(key)) throw badRequest(`"styles.${key}" is not a theme style; use the attribute names of the LMX <Style /> tag (e.g. bodyColor, textBaseFontSize).`)
    const wantString = STRING_STYLES.has(key)
    if (wantString ? typeof v !== 'string' : typeof v !== 'number' || !Number.isFinite(v)) throw badRequest(`"styles.${key}" must be a ${wantString ? 'string' : 'number'}, got ${kindOf(v)}.`)
  }
  return styles as Record<string, string | number>
}

/** Emails that follow a theme: their `<Style themeId>` names it, or they name none and it is the default theme. */
function emailsUsing(content: TeamContent, theme: ThemeRecord): number {
  let count = 0
  for (const m of content.messages.values()) {
    const themeId = m.doc.style?.themeId ?? m.doc.style?.styleTemplateId
    if (themeId === theme.id || (themeId === undefined && theme.isDefault && m.lmx !== '')) count++
  }
  return count
}

export const themeRoutes: Route[] = [
  contentRoute('themes', {
    GET: ({ url }, content) => paginate(url, newestFirst(content.themes), themeJson),
    POST: async ({ state, body }, content) => {
      const json = await body()
      onlyKeys(json, ['name', 'styles'])
      const name = readString(json, 'name', { required: true, max: 255 })
      const styles = json.styles === undefined ? {} : readStyles(json.styles)
      const now = state.clock.now()
      const theme: ThemeRecord = { id: state.newId(), name, styles, isDefault: false, createdAt: now, updatedAt: now }
      content.themes.set(theme.id, theme)
      return created(themeJson(theme))
    },
  }),
  contentRoute('themes/{themeId}', {
    GET: ({ params }, content) => {
      const theme = content.themes.get(params.themeId ?? '')
      if (!theme) throw notFound('Theme', params.themeId ?? '')
      return ok(themeJson(theme))
    },
    POST: async ({ state, params, body }, content) => {
      const json = await body()
      onlyKeys(json, ['name', 'styles'])
      atLeastOne(json, ['name', 'styles'])
      const name = readString(json, 'name', { max: 255, nonEmpty: true })
      const styles = json.styles === undefined ? undefined : readStyles(json.styles)
      const theme = content.themes.get(params.themeId ?? '')
      if (!theme) throw notFound('Theme', params.themeId ?? '')
      const changed = styles !== undefined && Object.entries(styles).some(([k, v]) => theme.styles[k] !== v)
      const next: ThemeRecord = { ...theme, ...(name !== undefined ? { name } : {}), ...(styles !== undefined ? { styles: { ...theme.styles, ...styles } } : {}), updatedAt: state.clock.now() }
      content.themes.set(next.id, next)
      return ok({ ...themeJson(next), affectedEmailCount: changed ? emailsUsing(content, next) : 0 })
    },
  }),
]
