import { decide, PlaceKind, PlaceRegistered, PlaceStatus } from '@faro/core'
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { z } from 'zod'
import { ApiError } from '../../api/client.ts'
import type { Items, OrgUnit, PlaceState, RecordView } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { unitChoices } from '../../ui/choices.ts'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { useActionSender } from '../../ui/online-action.ts'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { coordinateText, newPlace, parseCoordinate, placeChanges, placeFormValues } from './place-changes.ts'
import './place-form.css'

const FieldMap = lazy(() => import('../field-map/field-map.tsx'))

/** What a save tells the page: the place, and the confirmation to show once the list is fresh. */
export interface PlaceSaved {
  recordId: string
  message: string
}

/**
 * A new place: its kind (never chosen for the person), name, responsible unit among those the
 * account may register places for, where it is (typed or picked on the map), status and what a
 * traveller needs. Sent as one PlaceRegistered, whose id is kept until the server confirms it.
 */
export function CreatePlaceForm({ onSaved, onCancel }: { onSaved: (saved: PlaceSaved) => Promise<void> | void; onCancel: () => void }) {
  const { t } = useI18n()
  const units = useUnitsInReach()
  const form = useSchemaForm(PlaceFields, { orgUnitId: units.length === 1 ? units[0]?.value : '', kind: undefined, name: '', lat: '', lon: '', status: 'active', phone: '', address: '', hours: '', description: '' })
  const [recordId] = useState(() => uuidv7())
  const send = useActionSender()
  const [failure, setFailure] = useState<unknown>(undefined)
  const heading = useFocusOnOpen()
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await send({ recordType: 'place', recordId, type: 'PlaceRegistered', payload: newPlace(values) })
      await onSaved({ recordId, message: t('places.createdDone', { name: values.name.trim() }) })
    } catch (error) {
      setFailure(showServerErrors(form, onFormFields(error), FIELDS))
    }
  })
  return (
    <form className="card place-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="place-create-title" data-testid="place-create">
      <h2 id="place-create-title" ref={heading} tabIndex={-1}>
        {t('places.create.title')}
      </h2>
      <SelectField form={form} name="kind" label={t('places.field.kind')} options={PlaceKind.options.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))} placeholder={t('staff.field.choose')} />
      <TextField form={form} name="name" label={t('places.field.name')} autoComplete="off" hint={t('places.field.nameHint')} />
      <SelectField form={form} name="orgUnitId" label={t('places.field.unit')} options={units} placeholder={t('staff.field.choose')} />
      <PlaceDetails form={form} />
      <Failure failure={failure} forbidden={t('places.forbidden.create')} />
      <ErrorSummary form={form} />
      <FormActions submit={t('places.create.submit')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

/**
 * Changes a place: the form starts from what it says now and sends, as one PlaceUpdated on the
 * version it showed, only the fields the person changed. Whether this account may change this
 * place is the server's decision; a refusal says so in words.
 */
export function EditPlaceForm({ place, onSaved, onCancel }: { place: RecordView<PlaceState>; onSaved: (saved: PlaceSaved) => Promise<void> | void; onCancel: () => void }) {
  const { t } = useI18n()
  const unitName = useUnitNames()
  const form = useSchemaForm(PlaceFields, placeFormValues(place.state))
  const send = useActionSender()
  const [failure, setFailure] = useState<unknown>(undefined)
  const [unchanged, setUnchanged] = useState(false)
  const heading = useFocusOnOpen()
  const titleId = `place-edit-${place.recordId}`
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    const changes = placeChanges(place.state, values)
    const count = Object.keys(changes).length
    setUnchanged(count === 0)
    if (count === 0) {
      return
    }
    try {
      await send({ recordType: 'place', recordId: place.recordId, type: 'PlaceUpdated', payload: changes, baseVersion: place.version })
      await onSaved({ recordId: place.recordId, message: t('places.savedDone', { count, name: values.name.trim() }) })
    } catch (error) {
      setFailure(showServerErrors(form, onFormFields(error), FIELDS))
    }
  })
  return (
    <form className="place-form place-form-edit" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId} data-testid="place-edit">
      <h2 id={titleId} ref={heading} tabIndex={-1} className="place-form-title">
        {t('places.edit.title', { name: place.state.name })}
      </h2>
      <p className="muted place-form-unit">{t('places.field.unitFixed', { unit: unitName(place.orgUnitId) })}</p>
      <TextField form={form} name="name" label={t('places.field.name')} autoComplete="off" />
      <SelectField form={form} name="kind" label={t('places.field.kind')} options={PlaceKind.options.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))} />
      <PlaceDetails form={form} />
      {unchanged ? (
        <p className="notice notice-warning" role="status">
          {t('places.noChanges')}
        </p>
      ) : null}
      <Failure failure={failure} forbidden={t('places.forbidden.update')} />
      <ErrorSummary form={form} />
      <FormActions submit={t('places.edit.save')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

// A coordinate as typed: decimal point or comma; its own message when it is not one, since
// "too big" would not tell anyone what a latitude is.
function coordinate(min: number, max: number, message: string) {
  return z.string().transform((text, ctx) => {
    const value = parseCoordinate(text)
    if (value === undefined || value < min || value > max) {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    return value
  })
}

// The form checks the fields with core's own limits; the coordinates come as text and leave as
// numbers, and the optional texts as '' when empty (place-changes.ts decides what is sent).
const PlaceFields = z.object({
  orgUnitId: PlaceRegistered.shape.orgUnitId,
  kind: PlaceKind,
  name: z.string().trim().pipe(PlaceRegistered.shape.name),
  lat: coordinate(-90, 90, 'latitude'),
  lon: coordinate(-180, 180, 'longitude'),
  status: PlaceStatus,
  phone: PlaceRegistered.shape.phone.unwrap(),
  address: PlaceRegistered.shape.address.unwrap(),
  hours: PlaceRegistered.shape.hours.unwrap(),
  description: PlaceRegistered.shape.description.unwrap(),
})
type PlaceForm = UseFormReturn<z.input<typeof PlaceFields>, unknown, z.output<typeof PlaceFields>>

const FIELDS = ['orgUnitId', 'kind', 'name', 'lat', 'lon', 'status', 'phone', 'address', 'hours', 'description'] as const

/** The fields both forms share: where the place is, its status, and what a traveller needs. */
function PlaceDetails({ form }: { form: PlaceForm }) {
  const { t } = useI18n()
  return (
    <>
      <LocationFields form={form} />
      <SelectField form={form} name="status" label={t('places.field.status')} options={PlaceStatus.options.map((s) => ({ value: s, label: t(`placeStatus.${s}`) }))} />
      <TextField form={form} name="phone" type="tel" autoComplete="off" label={t('places.field.phone')} hint={t('places.field.phoneHint')} />
      <TextField form={form} name="address" autoComplete="off" label={t('places.field.address')} />
      <TextField form={form} name="hours" autoComplete="off" label={t('places.field.hours')} hint={t('places.field.hoursHint')} />
      <TextField form={form} name="description" multiline label={t('places.field.description')} />
    </>
  )
}

/** Latitude and longitude side by side, and a map to tap the place on instead of typing them. */
function LocationFields({ form }: { form: PlaceForm }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [picked, setPicked] = useState<{ lat: string; lon: string } | undefined>(undefined)
  const [latText, lonText, name] = form.watch(['lat', 'lon', 'name'])
  const points = useMemo(() => {
    const lat = parseCoordinate(latText ?? '')
    const lon = parseCoordinate(lonText ?? '')
    if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return []
    }
    return [{ id: 'place', lat, lon, label: name || t('places.field.location'), kind: 'here' as const }]
  }, [latText, lonText, name, t])
  const pick = ({ lat, lon }: { lat: number; lon: number }) => {
    const chosen = { lat: coordinateText(lat), lon: coordinateText(lon) }
    form.setValue('lat', chosen.lat, { shouldValidate: true, shouldDirty: true })
    form.setValue('lon', chosen.lon, { shouldValidate: true, shouldDirty: true })
    setPicked(chosen)
  }
  return (
    <fieldset className="place-location">
      <legend>{t('places.field.location')}</legend>
      <p className="field-hint">{t('places.field.locationHint')}</p>
      <div className="place-coords">
        <TextField form={form} name="lat" label={t('places.field.lat')} inputMode="decimal" autoComplete="off" />
        <TextField form={form} name="lon" label={t('places.field.lon')} inputMode="decimal" autoComplete="off" />
      </div>
      <button type="button" className="button button-secondary" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {t(open ? 'places.pick.close' : 'places.pick.open')}
      </button>
      {open ? (
        <div className="place-map">
          <p className="field-hint">{t('places.pick.hint')}</p>
          <Suspense fallback={<Loading />}>
            <FieldMap points={points} label={t('places.pick.label')} onPick={pick} />
          </Suspense>
        </div>
      ) : null}
      <p className="muted" role="status">
        {picked ? t('places.pick.done', picked) : ''}
      </p>
    </fieldset>
  )
}

/** A refusal in words: a 403 says what the person may not do here; anything else, the server's text. */
function Failure({ failure, forbidden }: { failure: unknown; forbidden: string }) {
  if (failure === undefined) {
    return null
  }
  if (failure instanceof ApiError && failure.status === 403) {
    return (
      <div className="notice notice-error" role="alert" data-testid="place-forbidden">
        <p>{forbidden}</p>
      </div>
    )
  }
  return <ErrorNotice error={failure} />
}

/** How many fields still need a look, beside the send button, where a long form's first mistake may be out of sight. */
function ErrorSummary({ form }: { form: PlaceForm }) {
  const { t } = useI18n()
  const count = Object.keys(form.formState.errors).length
  if (form.formState.submitCount === 0 || count === 0) {
    return null
  }
  return <p className="field-error">{t('places.errorSummary', { count })}</p>
}

/** The units the account may register places for, as the policy table says, in tree order. */
function useUnitsInReach() {
  const { me } = useSession()
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  return useMemo(() => {
    if (units.status !== 'ok') {
      return []
    }
    const actor = { userId: me.user.id, role: me.user.role, orgUnitId: me.orgUnit.id }
    return unitChoices(units.data.items.filter((u) => decide(actor, 'place.create', { orgUnitPath: u.path }).allowed))
  }, [units, me])
}

/** The server names payload fields as it received them (`payload.location.lat`); the form, by its own names. */
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.problem?.errors === undefined) {
    return error
  }
  const errors = error.problem.errors.map((e) => ({ ...e, field: e.field.replace(/^payload\.(location\.)?/, '') }))
  return new ApiError(error.status, { ...error.problem, errors })
}

/** Moves focus to a form's heading when it opens, so a screen reader and a keyboard start there. */
function useFocusOnOpen() {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return heading
}
