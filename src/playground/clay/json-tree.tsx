import { useState } from 'preact/hooks'

export interface JsonTreeProps {
  value: unknown
  /** Called with an attribute's path when its "Add as column" is chosen. */
  onPick?: (path: string[]) => void
  path?: string[]
  label?: string
}

const scalar = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value))

/** A JSON value as an expandable tree (objects open two levels deep); leaves can be picked. */
export function JsonTree({ value, onPick, path = [], label }: JsonTreeProps) {
  const [open, setOpen] = useState(path.length < 2)
  const name = label ?? 'body'
  if (typeof value === 'object' && value !== null) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
    return (
      <li class="tree-node">
        <button type="button" class="tree-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {name} <span class="muted">{Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}</span>
        </button>
        {open && (
          <ul class="tree">
            {entries.map(([key, item]) => (
              <JsonTree key={key} value={item} path={[...path, key]} label={key} {...(onPick ? { onPick } : {})} />
            ))}
          </ul>
        )}
      </li>
    )
  }
  return (
    <li class="tree-leaf">
      <span class="key">{name}</span>: <code>{scalar(value)}</code>
      {onPick && path.length > 0 && (
        <button type="button" class="btn link small-link" onClick={() => onPick(path)} aria-label={`Add ${path.join('.')} as column`}>
          Add as column
        </button>
      )}
    </li>
  )
}
