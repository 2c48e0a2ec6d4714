/** A place in a body template: `offset` is a UTF-16 index; `line` and `character` are 1-based. */
export interface TemplatePosition {
  offset: number
  line: number
  character: number
}

export type TemplateIssueCode =
  | 'unclosed-token'
  | 'empty-token'
  | 'unknown-column'
  | 'invalid-json'
  | 'not-an-object'
  | 'loops-rule'

/**
 * Why a template, or a row rendered through it, gives no request. `row` is the 1-based row number (absent for
 * faults of the template itself); `column` names the Clay column involved, if one is; `start`/`end` point into the
 * template text, for markers and messages.
 */
export interface TemplateIssue {
  code: TemplateIssueCode
  severity: 'error' | 'warning'
  message: string
  row?: number
  column?: string
  /** For `loops-rule`: where in the body, e.g. `body.email`. */
  path?: string
  start: TemplatePosition
  end: TemplatePosition
}

/** 1-based line and character of `offset` in `text`. */
export function positionAt(text: string, offset: number): TemplatePosition {
  const at = Math.max(0, Math.min(offset, text.length))
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { offset: at, line, character: at - lineStart + 1 }
}

/** "line 2, character 14" */
export function describePosition(position: TemplatePosition): string {
  return `line ${position.line}, character ${position.character}`
}
