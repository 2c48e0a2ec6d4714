import type { ContentView } from '../state/mock-state.ts'

/** The order of a workflow's nodes from the root, as "Type → Type" lines (a branch lists its paths). */
function nodeLines(nodes: ContentView['workflows'][number]['nodes']): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  return nodes.map((n) => `${n.typeName}${n.next.length > 0 ? ` → ${n.next.map((id) => byId.get(id)?.typeName ?? '?').join(', ')}` : ''}`)
}

/** What a program created through the content API: campaigns, transactional emails (status, data variables), workflows. */
export function MockContent({ teams }: { teams: ContentView[] }) {
  const shown = teams.filter((t) => t.campaigns.length + t.transactionalEmails.length + t.workflows.length > 0)
  if (shown.length === 0) return <p class="empty">No content yet. Campaigns, transactional emails and workflows created through the content API appear here.</p>
  return (
    <div aria-label="Content">
      {shown.map((team) => (
        <section class="content-team" key={team.team}>
          {shown.length > 1 && <h3>{team.team}</h3>}
          {team.transactionalEmails.length > 0 && (
            <ul class="rows" aria-label="Transactional emails">
              {team.transactionalEmails.map((t) => (
                <li key={t.id}>
                  <div class="who">
                    {t.name} <span class={t.sendable ? 'badge ok' : 'badge'}>{t.status}</span>
                  </div>
                  <div class="props">
                    {t.dataVariables.length === 0 ? 'no data variables' : t.dataVariables.map((v) => `${v.name}${v.required ? '' : ' (optional)'}`).join(' · ')}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {team.campaigns.length > 0 && (
            <ul class="rows" aria-label="Campaigns">
              {team.campaigns.map((c) => (
                <li key={c.id}>
                  <div class="who">
                    {c.name} <span class="badge">{c.status}</span>
                  </div>
                  <div class="props">{c.email?.subject ? `subject: ${c.email.subject}` : 'no subject yet'}</div>
                </li>
              ))}
            </ul>
          )}
          {team.workflows.length > 0 && (
            <ul class="rows" aria-label="Workflows">
              {team.workflows.map((w) => (
                <li key={w.id}>
                  <div class="who">
                    {w.name} <span class="badge">{w.status}</span> <span class="hint">{w.nodes.length} nodes</span>
                  </div>
                  <ul class="timeline">
                    {nodeLines(w.nodes).map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}
