/** How long ago, in the largest whole unit, for "oldest unsent record: 3 h". */
export function ageParts(fromIso: string, now: number): { unit: 'minutes' | 'hours' | 'days'; value: number } {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000))
  if (minutes < 60) {
    return { unit: 'minutes', value: minutes }
  }
  if (minutes < 48 * 60) {
    return { unit: 'hours', value: Math.floor(minutes / 60) }
  }
  return { unit: 'days', value: Math.floor(minutes / 1440) }
}
