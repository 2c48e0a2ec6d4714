/** A playground example: a Datafly.js script (read, never run) and, optionally, a preset to pair it with. */
export interface Example {
  id: string
  title: string
  /** One sentence shown under the menu: what to look at. */
  about: string
  script: string
  preset?: Record<string, unknown>
  /** A Clay table to load with it (the Clay view opens). */
  clay?: import('../clay/clay-model.ts').ClayTableState
}
