import { currentEdition, type GuideEditionState } from '@faro/core'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { PublicContent } from '../public/content.ts'

export interface StoredEdition {
  recordId: string
  version: number
  state: GuideEditionState
}

/**
 * The site's editions as the public site reads them, with no session: each request asks the
 * database only for the editions' ids and versions, and parses and renders an edition once per
 * version. Which one is shown is decided by the clock at each request, so an edition scheduled
 * for six in the morning is on the site at six, in every Faro process sharing the database.
 */
export class SiteEditions {
  private readonly states = new Map<string, StoredEdition>()
  private readonly contents = new Map<string, PublicContent>()

  constructor(
    private readonly deps: { db: Db; clock: Clock },
    private readonly shipped: PublicContent = new PublicContent(),
  ) {}

  /** Every edition, as stored now. */
  async all(): Promise<StoredEdition[]> {
    const rows = await this.deps.db.db.selectFrom('records').select(['recordId', 'version']).where('recordType', '=', 'guide_edition').execute()
    const missing = rows.filter((r) => this.states.get(r.recordId)?.version !== r.version).map((r) => r.recordId)
    if (missing.length > 0) {
      const fresh = await this.deps.db.db.selectFrom('records').select(['recordId', 'version', 'state']).where('recordType', '=', 'guide_edition').where('recordId', 'in', missing).execute()
      for (const r of fresh) {
        this.states.set(r.recordId, { recordId: r.recordId, version: r.version, state: JSON.parse(r.state) as GuideEditionState })
      }
    }
    return rows.map((r) => this.states.get(r.recordId)).filter((e): e is StoredEdition => e !== undefined)
  }

  /** The edition the site shows now, or the shipped sections when none is published. */
  async current(): Promise<PublicContent> {
    const edition = currentEdition(await this.all(), this.deps.clock.now())
    return edition === undefined ? this.shipped : this.contentOf(edition)
  }

  /** An edition's sections as the site would render them (a preview, or an archived edition). */
  contentOf(edition: StoredEdition): PublicContent {
    const key = `${edition.recordId}@${edition.version}`
    let content = this.contents.get(key)
    if (content === undefined) {
      content = new PublicContent(edition.state.sections, { id: edition.recordId, season: edition.state.season, year: edition.state.year })
      // Only the newest version of each edition is worth keeping.
      for (const k of this.contents.keys()) {
        if (k.startsWith(`${edition.recordId}@`)) {
          this.contents.delete(k)
        }
      }
      this.contents.set(key, content)
    }
    return content
  }
}
