import { useState } from 'preact/hooks'

/** Text shown in two lines at most; clicking it (or Enter) shows it whole, and again folds it. */
export function ClampText({ text, class: className = '' }: { text: string; class?: string }) {
  const [open, setOpen] = useState(false)
  if (text.length <= 90) return <span class={className}>{text}</span>
  return (
    <button
      type="button"
      class={`clamp-text ${className}${open ? '' : ' clamp'}`}
      aria-expanded={open}
      title={open ? 'Show less' : text}
      onClick={(event) => {
        event.stopPropagation()
        setOpen(!open)
      }}
    >
      {text}
    </button>
  )
}
