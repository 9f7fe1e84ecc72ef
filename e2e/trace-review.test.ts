import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { uuidv7 } from '../packages/web/src/outbox/uuidv7.ts'
import { apiSession } from './api-session.ts'
import { DEMO_PASSWORD, SKIP_BROWSER_TESTS } from './harness.ts'
import { expectAccessible, settle, shoot, signedInPages } from './screens.ts'

// A code of a closed list shown as it is stored (not_this_person, found_alive…) instead of in words.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/
// The demo's registry holds another Wilmer Zelaya, aged 24: the age tells them apart.
const FOUND = { givenNames: 'Wilmer Josué', firstSurname: 'Zelaya', secondSurname: 'Oyuela', sex: 'male', approximateAge: 29, nationality: 'HN' }
const FOUND_NAME = 'Wilmer Josué Zelaya Oyuela'
const PLACE = 'Albergue Juventud 2000, Tijuana'
const STORY = 'Salieron juntos de Choloma a principios de octubre; la última llamada fue desde Mexicali.'

/**
 * A location request reviewed, end to end: a Grupo Beta attends a man and stores who he is; the
 * Honduran consulate asks for three people, one of them written "Wilmer Selaya"; the groups'
 * national coordination finds him first among the candidates, with why, confirms him, says he was
 * found alive and where, and records that he lets his family know only that he is alive and well;
 * the consulate is told exactly that, and that the other two are still being searched for.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('reviewing a location request in Chromium', () => {
  const filed = { recordId: '', attentionId: `att-e2e-review-${Date.now()}` }
  const { openAs } = signedInPages(async (faro) => {
    // The man in the registry: an attention by the Tijuana group, and who he is, in the vault.
    const agent = await apiSession(faro.baseUrl, 'agente.tijuana', DEMO_PASSWORD)
    const attention = { id: uuidv7(), recordType: 'attention', recordId: filed.attentionId, type: 'AttentionRecorded', payload: { orgUnitId: 'beta-tijuana', at: new Date().toISOString(), setting: 'rail_tracks', people: [{ count: 1 }], services: ['water', 'food', 'orientation'] } }
    const recorded = await agent.request('POST', '/api/records/actions', attention)
    expect(recorded.status, await recorded.clone().text()).toBe(201)
    const person = await agent.request('POST', '/api/people', { orgUnitId: 'beta-tijuana', identity: FOUND, link: { recordType: 'attention', recordId: filed.attentionId, legalBasis: 'consent', purpose: 'referral_services' } })
    expect(person.status, await person.clone().text()).toBe(201)
  })

  async function describePerson(person: Locator, values: { given?: string; surname?: string; alias?: string; age?: string; sex?: string }): Promise<void> {
    if (values.given) {
      await person.getByLabel(es['case.intake.givenNames'], { exact: true }).fill(values.given)
    }
    if (values.surname) {
      await person.getByLabel(es['case.intake.firstSurname'], { exact: true }).fill(values.surname)
    }
    if (values.alias) {
      await person.getByLabel(es['trace.person.aliases'], { exact: true }).fill(values.alias)
    }
    if (values.sex) {
      await person.getByLabel(es['trace.person.sex'], { exact: true }).selectOption(values.sex)
    }
    if (values.age) {
      await person.getByLabel(es['trace.person.age'], { exact: true }).fill(values.age)
    }
    await person.getByLabel(es['case.intake.nationality'], { exact: true }).selectOption('HN')
  }

  it('lets the consulate ask for three people, one written with a slip and one surname', async () => {
    const page = await openAs('consulado.honduras')
    await page.goto('/app/trace-request')
    const form = page.getByTestId('trace-request-form')
    await form.waitFor()
    await form.getByLabel(es['trace.request.description'], { exact: true }).fill(STORY)
    const people = form.getByTestId('sought-person')
    await describePerson(people.nth(0), { given: 'Marvin Alexis', surname: 'Pineda', sex: 'male', age: '31' })
    await form.getByTestId('sought-add').click()
    await describePerson(people.nth(1), { given: 'Wilmer', surname: 'Selaya', sex: 'male', age: '29' })
    await form.getByTestId('sought-add').click()
    await describePerson(people.nth(2), { alias: 'el Chele' })
    await form.getByRole('button', { name: 'Registrar la búsqueda de 3 personas' }).click()
    const readback = page.getByTestId('readback')
    await readback.waitFor()
    filed.recordId = decodeURIComponent((await readback.getByTestId('readback-case').getAttribute('href'))?.split('/').pop() ?? '')
    expect(filed.recordId).not.toBe('')
  })

  it('lets the coordination find him first, explained, confirm him found alive and record what he lets be told', async () => {
    const page = await openAs('coordinacion.beta')
    await page.goto(`/app/cases/${filed.recordId}`)
    const link = page.getByTestId('case-review-link')
    await link.waitFor()
    // The search's background pass may already have flagged records for the new request: counted as new.
    expect(await link.textContent()).toMatch(/^Revisar candidatos( \d+ avisos? nuevos?)?$/)
    await shoot(page, 'trace-review-link')
    await link.click()
    const review = page.getByTestId('trace-review')
    const people = review.getByTestId('trace-review-person')
    await people.first().waitFor()
    await settle(page)
    expect(page.url()).toMatch(new RegExp(`/app/cases/${filed.recordId}/review$`))
    expect(await people.count()).toBe(3)
    const wilmer = people.nth(1)
    expect(await wilmer.getByRole('heading', { level: 2 }).textContent()).toBe('Persona 2 de 3')
    // What the consulate wrote, then the man the group attended, first.
    expect(await wilmer.getByTestId('trace-described').textContent()).toContain('Wilmer Selaya')
    const first = wilmer.getByTestId('trace-candidate').first()
    expect(await first.getByTestId('candidate-name').textContent()).toBe(FOUND_NAME)
    expect([es['trace.band.strong'], es['trace.band.possible']]).toContain(await first.getByTestId('candidate-band').textContent())
    expect(await first.getByTestId('candidate-meta').textContent()).toContain('Atendido por un grupo')
    const why = (await first.getByTestId('candidate-why').textContent()) ?? ''
    expect(why).toContain(es['trace.level.surname.phonetic'])
    expect(why).toContain(es['trace.level.sex.agree'])
    expect(await first.getByRole('link', { name: es['trace.review.openRecord'] }).getAttribute('href')).toBe(`/app/records/attention/${filed.attentionId}`)
    const text = (await review.textContent()) ?? ''
    expect(text).not.toMatch(RAW_CODE)
    await shoot(page, 'trace-review')
    await expectAccessible(page)

    // Confirmed, found alive, where: a mark, then the outcome tied to the record.
    const steps: Record<string, unknown>[] = []
    page.on('request', (r) => {
      if (r.url().endsWith(`/api/cases/${filed.recordId}/steps`) && r.method() === 'POST') {
        steps.push(r.postDataJSON() as Record<string, unknown>)
      }
    })
    await first.getByRole('button', { name: es['trace.markAction.confirmed'] }).click()
    const confirm = first.getByTestId('trace-confirm')
    expect(await confirm.getByRole('radio', { name: es['trace.confirm.alive'] }).isChecked()).toBe(true)
    // He can decide for himself: he will be asked what his family may be told.
    expect(await confirm.getByLabel(es['trace.confirm.unableToDecide'], { exact: true }).isChecked()).toBe(false)
    await confirm.getByLabel(es['trace.confirm.place'], { exact: true }).fill(PLACE)
    await confirm.getByLabel(es['trace.confirm.condition'], { exact: true }).fill('Deshidratado; ya lo atendió el grupo.')
    await expectAccessible(page)
    await shoot(page, 'trace-review-confirm')
    await confirm.getByRole('button', { name: es['trace.confirm.submit'] }).click()
    const outcome = wilmer.getByTestId('trace-review-outcome')
    await outcome.getByText(es['trace.outcome.found_alive']).waitFor()
    expect(await first.getByTestId('candidate-mark').textContent()).toBe(es['trace.mark.confirmed'])
    expect(await wilmer.textContent()).toContain(PLACE)
    expect(steps.map((s) => s.type)).toEqual(['mark_candidate', 'set_outcome'])
    expect(steps[1]).toMatchObject({ outcome: 'found_alive', place: PLACE, record: { recordType: 'attention', recordId: filed.attentionId } })
    expect(steps[1]?.unableToDecide).toBeUndefined()
    // The keyboard is on the new outcome, not lost with the form that gave it.
    expect(await outcome.evaluate((el) => el === document.activeElement)).toBe(true)

    // He lets his family know only that he is alive and well.
    const choice = wilmer.getByTestId('trace-choice')
    await choice.getByRole('radio', { name: new RegExp(es['trace.choice.alive_only']) }).check()
    await choice.getByRole('button', { name: es['trace.choice.submit'] }).click()
    await choice.getByTestId('trace-choice-current').getByText(es['trace.choice.alive_only']).waitFor()
    expect(steps[2]).toMatchObject({ type: 'record_choice', choice: 'alive_only' })
    expect(new Set(steps.map((s) => s.id)).size).toBe(3)
    // The others are still searched for, and may still be closed as not found.
    expect(await people.nth(0).getByTestId('trace-review-outcome').textContent()).toContain(es['trace.outcome.searching'])
    await people.nth(0).getByRole('button', { name: es['trace.outcomeAction.not_found'] }).waitFor()
    await shoot(page, 'trace-review-found')
    await expectAccessible(page)
  })

  it('tells the consulate exactly that he was found alive, without where, and that the others are still searched for', async () => {
    const page = await openAs('consulado.honduras')
    await page.goto(`/app/cases/${filed.recordId}`)
    const answers = page.getByTestId('trace-answers')
    await answers.waitFor()
    const lines = answers.getByTestId('trace-answer')
    await lines.first().waitFor()
    expect(await lines.allTextContents()).toEqual(['Persona 1: sigue en búsqueda', 'Persona 2: encontrada con vida', 'Persona 3: sigue en búsqueda'])
    expect(await page.getByTestId('case-page').textContent()).not.toContain(PLACE)
    // Its list of people points to those answers for every person: the case it reads holds no step of the search.
    const sought = page.getByTestId('case-sought-person')
    expect(await sought.getByTestId('sought-outcome').allTextContents()).toEqual([es['trace.answers.seeBelow'], es['trace.answers.seeBelow'], es['trace.answers.seeBelow']])
    await shoot(page, 'trace-answers')
    await expectAccessible(page)

    // The consulate may look at its request's candidates, but not mark them.
    await page.getByTestId('case-review-link').click()
    const review = page.getByTestId('trace-review')
    await review.getByTestId('trace-review-person').first().waitFor()
    await settle(page)
    expect(await review.getByRole('button', { name: es['trace.markAction.confirmed'] }).count()).toBe(0)
    expect(await review.getByTestId('trace-choice').count()).toBe(0)
    // Nor learns there where he is, or which candidate was confirmed: he allowed neither.
    expect(await review.textContent()).not.toContain(PLACE)
    expect(await review.getByTestId('candidate-mark').count()).toBe(0)
    await expectAccessible(page)
    await shoot(page, 'trace-review-consulate')
  })
})
