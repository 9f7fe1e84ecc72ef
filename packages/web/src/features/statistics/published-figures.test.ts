import { describe, expect, it } from 'vitest'
import { ordered, type FigureBeside } from './published-figures.tsx'

const figure = (programme: 'beta' | 'paisano', indicator: string, scope = 'national'): FigureBeside => ({ programme, indicator, scope, year: 2010, period: 'year', value: 1, source: 'IOM book', measured: 1 })

describe('the published figures beside the year counted', () => {
  it('lists Grupos Beta before Paisano in the book\'s order, national before each border, and leaves out what the catalogues do not name', () => {
    const items = [figure('paisano', 'nationals_assisted'), figure('beta', 'migrants_rescued'), figure('beta', 'migrants_attended', 'south'), figure('beta', 'migrants_attended'), figure('beta', 'migrants_attended', 'north'), figure('beta', 'website_visits')]
    expect(ordered(items).map((f) => `${f.indicator} ${f.scope}`)).toEqual(['migrants_attended national', 'migrants_attended north', 'migrants_attended south', 'migrants_rescued national', 'nationals_assisted national'])
  })
})
