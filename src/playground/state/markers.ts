import { computed } from '@preact/signals'
import type { Issue } from '../../core/index.ts'
import type { EditorMarker } from '../editor/editor-marker.ts'
import { describeCall } from './describe-call.ts'
import { mapping } from './mapping.ts'

function toMarker(issue: Issue, prefix = ''): EditorMarker | undefined {
  if (issue.line === undefined) return undefined
  const column = issue.column ?? 1
  return {
    severity: issue.severity,
    message: `${prefix}${issue.message}${issue.path && issue.path !== 'script' ? `\n(${issue.path})` : ''}`,
    startLineNumber: issue.line,
    startColumn: column,
    endLineNumber: issue.endLine ?? issue.line,
    endColumn: issue.endColumn ?? column,
  }
}

/** Inline markers for the script: syntax errors, mapper issues at the part they belong to, skip reasons. */
export const scriptMarkers = computed((): EditorMarker[] => {
  const { results, calls, scriptIssues, stale } = mapping.value
  const markers = scriptIssues.map((issue) => toMarker(issue))
  if (!stale) {
    for (const result of results) {
      const label = `${describeCall(result)}: `
      markers.push(...result.issues.map((issue) => toMarker(issue, label)))
      const position = calls[result.source.index]?.position
      if (result.status === 'skipped' && position) {
        const marker = toMarker({ severity: 'info', path: '', message: `Skipped: ${result.reason ?? ''}`, ...position }, label)
        markers.push(marker && { ...marker, severity: 'hint' })
      }
    }
  }
  return markers.filter((m): m is EditorMarker => m !== undefined)
})
