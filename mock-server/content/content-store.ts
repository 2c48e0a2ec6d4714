import type { LmxDocument } from '../../src/core/lmx/index.ts'
import type { MockState } from '../mock-state.ts'
import type { AudienceFilter } from './audience-filter.ts'
import type { WorkflowRecord } from './workflow-graph.ts'

export interface GroupRecord {
  id: string
  name: string
  description: string
  reserved: boolean
  createdAt: number
  updatedAt: number
}

export type MessageOwner = { kind: 'campaign' | 'transactional' | 'workflow'; id: string }

export interface EmailMessageRecord {
  id: string
  team: string
  owner: MessageOwner
  subject: string
  previewText: string
  fromName: string
  fromEmail: string
  replyToEmail: string
  ccEmail?: string
  bccEmail?: string
  languageCode?: string
  emailFormat: 'styled' | 'plain'
  lmx: string
  /** the compiled LMX (variables, links, components, style) */
  doc: LmxDocument
  contentRevisionId: string
  updatedAt: number
  contactPropertiesFallbacks: Record<string, string>
  eventPropertiesFallbacks: Record<string, string>
  dataVariablesFallbacks: Record<string, string>
}

export interface CampaignRecord {
  id: string
  name: string
  status: 'Draft' | 'Scheduled' | 'Sending' | 'Sent'
  emailMessageId: string
  campaignGroupId: string
  mailingListId: string | null
  audienceSegmentId: string | null
  audienceFilter: AudienceFilter | null
  scheduling: { method: 'now' | 'schedule'; timestamp: string | null }
  createdAt: number
  updatedAt: number
}

/** What the content API adds to a transactional email (name and data variables live in `db.transactionals`). */
export interface TransactionalMeta {
  id: string
  groupId: string
  draftMessageId: string | null
  publishedMessageId: string | null
}

export interface ThemeRecord {
  id: string
  name: string
  styles: Record<string, string | number>
  isDefault: boolean
  createdAt: number
  updatedAt: number
}

export interface ComponentRecord {
  id: string
  name: string
  lmx: string
  doc: LmxDocument
  createdAt: number
}

export interface SegmentRecord {
  id: string
  name: string
  description: string | null
  filter: AudienceFilter | null
  createdAt: number
  updatedAt: number
}

export interface UploadRecord {
  id: string
  team: string
  contentType: string
  contentLength: number
  bytes?: Uint8Array
  completed: boolean
  createdAt: number
}

export interface EventPatternRecord {
  id: string
  eventName: string
  /** property name → type, in first-seen order */
  properties: Map<string, 'string' | 'number' | 'boolean' | 'date'>
}

export interface PreviewRecord {
  id: string
  emailMessageId: string
  emails: string[]
  contactProperties?: Record<string, string>
  eventProperties?: Record<string, string>
  dataVariables?: Record<string, string>
  subject: string
  at: number
}

/** The content one team holds. Maps keep insertion order: lists answer newest first by reading them backwards. */
export interface TeamContent {
  team: string
  campaignGroups: Map<string, GroupRecord>
  transactionalGroups: Map<string, GroupRecord>
  campaigns: Map<string, CampaignRecord>
  messages: Map<string, EmailMessageRecord>
  transactionals: Map<string, TransactionalMeta>
  themes: Map<string, ThemeRecord>
  components: Map<string, ComponentRecord>
  segments: Map<string, SegmentRecord>
  workflows: Map<string, WorkflowRecord>
  /** by event name */
  eventPatterns: Map<string, EventPatternRecord>
  /** how many of the team's stored events have been folded into `eventPatterns` */
  eventsSeen: number
  previews: PreviewRecord[]
}

export interface TeamFeatures {
  /** the content API answers (default true); off → 401 "content API not enabled for this team" */
  contentApi: boolean
  /** transactional attachments are enabled (default true) */
  attachments: boolean
}

export interface ContentStore {
  teams: Map<string, TeamContent>
  features: Map<string, Partial<TeamFeatures>>
  /** every upload by id: the presigned URL carries no API key */
  uploads: Map<string, UploadRecord>
}

const stores = new WeakMap<MockState, ContentStore>()

/** The content store of a mock (created on first use). */
export function contentOf(state: MockState): ContentStore {
  let store = stores.get(state)
  if (!store) stores.set(state, (store = { teams: new Map(), features: new Map(), uploads: new Map() }))
  return store
}

/** Drops every team's content (campaigns, emails, workflows, uploads…); team features are kept. */
export function resetContent(state: MockState): void {
  const store = contentOf(state)
  store.teams.clear()
  store.uploads.clear()
}

export function featuresOf(state: MockState, team: string): TeamFeatures {
  const set = contentOf(state).features.get(team) ?? {}
  return { contentApi: set.contentApi ?? true, attachments: set.attachments ?? true }
}

export function setTeamFeatures(state: MockState, team: string, features: Partial<TeamFeatures>): void {
  const store = contentOf(state)
  store.features.set(team, { ...store.features.get(team), ...features })
}

/** A team's content; a new team starts with the reserved "Unsorted" groups and a default theme. */
export function teamContent(state: MockState, team: string): TeamContent {
  const store = contentOf(state)
  let content = store.teams.get(team)
  if (content) return content
  const now = state.clock.now()
  const unsorted = (): GroupRecord => ({ id: state.newId(), name: 'Unsorted', description: '', reserved: true, createdAt: now, updatedAt: now })
  const campaignGroup = unsorted()
  const transactionalGroup = unsorted()
  const theme: ThemeRecord = { id: state.newId(), name: 'Default', styles: { ...DEFAULT_THEME_STYLES }, isDefault: true, createdAt: now, updatedAt: now }
  content = {
    team,
    campaignGroups: new Map([[campaignGroup.id, campaignGroup]]),
    transactionalGroups: new Map([[transactionalGroup.id, transactionalGroup]]),
    campaigns: new Map(),
    messages: new Map(),
    transactionals: new Map(),
    themes: new Map([[theme.id, theme]]),
    components: new Map(),
    segments: new Map(),
    workflows: new Map(),
    eventPatterns: new Map(),
    eventsSeen: 0,
    previews: [],
  }
  store.teams.set(team, content)
  return content
}

export const DEFAULT_THEME_STYLES: Readonly<Record<string, string | number>> = {
  backgroundColor: '#F4F4F5',
  bodyColor: '#FFFFFF',
  bodyFontFamily: 'Inter',
  bodyFontCategory: 'sans-serif',
  textBaseColor: '#18181B',
  textBaseFontSize: 16,
  textLinkColor: '#2563EB',
  buttonBodyColor: '#18181B',
  buttonTextColor: '#FFFFFF',
}

export const iso = (ms: number): string => new Date(ms).toISOString()
