import type { Node } from 'acorn'
import type { Issue } from '../schemas/issue.ts'

type Located = Node & { loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null }

/** 1-based line/column span of an acorn node (acorn's columns are 0-based). */
export function positionOf(node: Node): Pick<Issue, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const loc = (node as Located).loc
  if (!loc) return {}
  return { line: loc.start.line, column: loc.start.column + 1, endLine: loc.end.line, endColumn: loc.end.column + 1 }
}
