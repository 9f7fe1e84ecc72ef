import { z } from 'zod'

/**
 * A change of a record: every field of the schema optional, with no defaults. A plain `.partial()`
 * keeps each field's default, so a change naming one field would reset every defaulted field it
 * does not name (a crew emptied, an item put back in service).
 * @example patchOf(z.strictObject({ a: z.string(), b: z.array(z.string()).default([]) })).parse({ a: 'x' }) // { a: 'x' }
 */
export function patchOf<T extends z.ZodObject>(schema: T): ReturnType<T['partial']> {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]))
  return z.strictObject(shape) as unknown as ReturnType<T['partial']>
}
