/** Where a command writes, and what stops it (a long-running command ends when `signal` aborts). */
export interface CommandIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  /** default: none (the process's SIGINT/SIGTERM end a server) */
  signal?: AbortSignal
  /** the receiver's clock, epoch ms; default Date.now */
  now?: () => number
  env?: Readonly<Record<string, string | undefined>>
}

export const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }
