import type { ErrorCode } from '../errors/errors.ts'
import type { Lang } from './lang.ts'

/** Titles of problem+json responses, per error code and language. */
export const PROBLEM_TITLES: Record<ErrorCode | 'internal', Record<Lang, string>> = {
  invalid: { es: 'La solicitud tiene datos no válidos', en: 'The request has invalid data' },
  unauthenticated: { es: 'Inicie sesión para continuar', en: 'Sign in to continue' },
  forbidden: { es: 'No tiene permiso para esta acción', en: 'You do not have permission for this action' },
  not_found: { es: 'No encontrado', en: 'Not found' },
  conflict: { es: 'Conflicto con datos existentes', en: 'Conflict with existing data' },
  too_large: { es: 'La solicitud es demasiado grande', en: 'The request is too large' },
  gone: { es: 'Ya no está disponible', en: 'No longer available' },
  too_many_requests: { es: 'Demasiados intentos', en: 'Too many attempts' },
  unavailable: { es: 'Servicio no disponible', en: 'Service unavailable' },
  internal: { es: 'Error interno', en: 'Internal error' },
}

/**
 * Messages referred to by key (`faro.*`) from schemas and server code, so that one text
 * exists in both languages. Parameters are written `{name}`.
 */
export const MESSAGES: Record<string, Record<Lang, string>> = {
  'faro.unrecognized_key': { es: 'Campo no permitido', en: 'Field not allowed' },
  'faro.uuidv7': { es: 'Debe ser un UUIDv7 en minúsculas', en: 'Must be a lower-case UUIDv7' },
  'faro.record_id_chars': {
    es: 'Solo letras, dígitos, "-" y "_"',
    en: 'Letters, digits, "-" and "_" only',
  },
  'faro.username_chars': {
    es: 'Solo minúsculas, dígitos, ".", "_" y "-"',
    en: 'Lower-case letters, digits, ".", "_" and "-" only',
  },
  'faro.device_pair': {
    es: 'deviceId y deviceCounter van juntos',
    en: 'deviceId and deviceCounter go together',
  },
  'faro.case_closed': { es: 'El caso está cerrado: se puede reabrir, pero no seguir sin reabrirlo', en: 'The case is closed: it can be reopened, not worked on while closed' },
  'faro.case_not_closed': { es: 'El caso no está cerrado', en: 'The case is not closed' },
  'faro.case_reopen_too_late': { es: 'Un caso se puede reabrir hasta {days} días después de cerrarse', en: 'A case can be reopened up to {days} days after it was closed' },
  'faro.case_hop_referred': { es: 'Este envío ya se turnó a otra instancia: el seguimiento sigue allá', en: 'This hop was referred on: the follow-up continues there' },
  'faro.case_unknown_hop': { es: 'El caso no tiene ese envío', en: 'The case has no such hop' },
  'faro.case_no_question': { es: 'Nadie pidió información en este envío', en: 'Nobody asked for information on this hop' },
  'faro.case_accused_body': { es: 'La dependencia señalada, o una unidad suya, no puede atender la queja en su contra', en: 'The accused agency, or a unit of it, cannot handle the complaint against it' },
  'faro.case_lookup_failed': { es: 'No encontramos un caso con ese folio y ese NIP. Revise los dos; tras varios intentos fallidos habrá que esperar unos minutos', en: 'No case matches that folio and PIN. Check both; after several wrong tries you will have to wait a few minutes' },
  'faro.routing_rules_changed': { es: 'Alguien guardó otra versión de las reglas mientras usted editaba: cargue la vigente y repita su cambio', en: 'Someone saved another version of the rules while you were editing: load the current one and make your change again' },
  'faro.case_via_cases_api': {
    es: 'Los casos se abren y se siguen por /api/cases, que asigna el folio y aplica el enrutamiento',
    en: 'Cases are opened and followed through /api/cases, which gives the folio and applies the routing',
  },
  'faro.device_fields_push_only': {
    es: 'Las acciones de un dispositivo se envían por la sincronización (/api/sync/push), que comprueba el dispositivo',
    en: 'A device\'s actions are sent through sync (/api/sync/push), which checks the device',
  },
  'faro.device_id_in_push': {
    es: 'El dispositivo se indica una vez en el envío, no en cada acción',
    en: 'The device is named once in the push, not in each action',
  },
  'faro.last_administrator': {
    es: 'Es la última cuenta de administración activa: cree o active otra antes de cambiar esta',
    en: 'This is the last active administrator account: create or enable another before changing this one',
  },
  'faro.session_required': {
    es: 'Esto solo puede hacerlo una persona con sesión iniciada, no un token de API',
    en: 'Only a signed-in person can do this, not an API token',
  },
  'faro.totp_code_required': {
    es: 'Escriba un código de su aplicación de autenticación actual',
    en: 'Enter a code from your current authenticator app',
  },
  'faro.password_reset_own': {
    es: 'Su propia contraseña se cambia en «Mi cuenta», con la actual',
    en: 'Your own password is changed under «My account», with the current one',
  },
  'faro.nothing_to_change': { es: 'Indique al menos un cambio', en: 'Give at least one change' },
  'faro.unknown_action_type': {
    es: 'Tipo de acción desconocido para este tipo de registro',
    en: 'Unknown action type for this record type',
  },
  'faro.record_exists': { es: 'El registro ya existe', en: 'The record already exists' },
  'faro.record_missing': {
    es: 'El registro no existe; la primera acción debe crearlo',
    en: 'The record does not exist; its first action must create it',
  },
  'faro.record_type_mismatch': {
    es: 'El registro existe con otro tipo',
    en: 'The record exists with another type',
  },
  'faro.case_folio_not_reserved': { es: 'Este folio no es de los que usted apartó, o ya se usó', en: 'This folio is not one you reserved, or it was already used' },
  'faro.case_taken_at': { es: 'La hora en que se tomó no puede ser futura ni de hace más de 90 días', en: 'The time it was taken cannot be in the future or more than 90 days ago' },
  'faro.case_no_complainant': { es: 'Quien presentó este caso no dio sus datos', en: 'Whoever filed this case gave no details' },
  'faro.case_complainant_not_shared': { es: 'La persona no permitió que su dependencia conozca sus datos', en: 'The person did not allow your agency to know who they are' },
  'faro.trace_unknown_sought': { es: 'Esta solicitud no busca a esa persona', en: 'This request does not seek that person' },
  'faro.trace_not_found_alive': { es: 'Solo una persona encontrada con vida decide qué se dice a quien la busca', en: 'Only a person found alive decides what the requester is told' },
  'faro.trace_nobody': { es: 'Indique al menos un nombre, un apodo o cómo es la persona', en: 'Give at least a name, a nickname or what the person looks like' },
  'faro.trace_sought_kind': { es: 'Solo una solicitud de localización nombra a personas buscadas', en: 'Only a location request names people sought' },
  'faro.trace_use_tracing': { es: 'Las solicitudes de localización se registran en /api/tracing/requests', en: 'Location requests are filed at /api/tracing/requests' },
  'faro.import_empty': { es: 'La lista no tiene filas', en: 'The list has no rows' },
  'faro.import_no_name_column': { es: 'Ninguna columna se reconoce como nombre: use nombre, apellido o nombre_completo', en: 'No column is recognised as a name: use given_names, surname1 or full_name' },
  'faro.import_bad_line': { es: 'Esta línea no es un objeto JSON', en: 'This line is not a JSON object' },
  'faro.import_bad_csv': { es: 'El archivo no es un CSV legible en la línea {line}', en: 'The file is not readable CSV at line {line}' },
  'faro.import_columns': { es: 'Esta fila tiene {found} columnas; el encabezado, {expected}', en: 'This row has {found} columns; the header, {expected}' },
  'faro.import_no_name': { es: 'Sin nombre, apellido, nombre completo ni alias', en: 'No given name, surname, full name or alias' },
  'faro.import_no_kind': { es: 'Falta el tipo (attended, rescued, hospitalised, deceased) y la lista no lo da', en: 'The kind (attended, rescued, hospitalised, deceased) is missing and the list gives none' },
  'faro.import_no_date': { es: 'Falta la fecha y la lista no la da', en: 'The date is missing and the list gives none' },
  'faro.import_date': { es: 'Fecha no válida: use AAAA-MM-DD o DD/MM/AAAA', en: 'Invalid date: use YYYY-MM-DD or DD/MM/YYYY' },
  'faro.import_sex': { es: 'Sexo no reconocido: use M, F, H, hombre o mujer', en: 'Sex not recognised: use M, F, male or female' },
  'faro.import_nationality': { es: 'Nacionalidad no válida: use el código de dos letras (HN, GT, SV…)', en: 'Invalid nationality: use the two-letter code (HN, GT, SV…)' },
  'faro.import_age': { es: 'Edad no válida: un número entero de 0 a 120', en: 'Invalid age: a whole number from 0 to 120' },
  'faro.import_kind': { es: 'Tipo no reconocido: attended, rescued, hospitalised o deceased', en: 'Kind not recognised: attended, rescued, hospitalised or deceased' },
  'faro.import_too_long': { es: 'Demasiado largo: {max} caracteres como máximo', en: 'Too long: {max} characters at most' },
  'faro.import_rejected': { es: 'Filas con errores: {count}. No se importó ninguna', en: 'Rows with errors: {count}. None was imported' },
  'faro.trace_unable_alive_only': { es: 'Solo de una persona encontrada con vida se dice que no puede decidir', en: 'Only a person found alive is said to be unable to decide' },
  'faro.unknown_course': { es: 'No hay un curso con ese código en el catálogo', en: 'There is no course with that code in the catalogue' },
  'faro.course_exists': { es: 'Ese código ya es un curso del catálogo', en: 'That code is already a course of the catalogue' },
  'faro.certificate_expires_before_issued': { es: 'Un certificado no puede vencer antes de su expedición', en: 'A certificate cannot expire before it was issued' },
  'faro.operation_ends_before_start': { es: 'Un operativo no puede terminar antes de empezar', en: 'An operation cannot end before it starts' },
  'faro.operation_reason_needed': { es: 'Un operativo especial dice por qué se abre: calor, frío, inundación, caravana u otro', en: 'A special operation says why it is opened: heat, cold, flood, caravan or other' },
  'faro.time_hhmm': { es: 'Hora no válida: use HH:MM, de 00:00 a 23:59', en: 'Invalid time: use HH:MM, from 00:00 to 23:59' },
  'faro.shift_no_length': { es: 'Un turno no puede empezar y terminar a la misma hora', en: 'A shift cannot start and end at the same time' },
  'faro.tally_nothing': { es: 'El conteo no suma nada', en: 'The tally adds nothing' },
  'faro.activation_failed': { es: 'El usuario o el código no son válidos, o el código ya se usó o venció', en: 'The username or the code is not valid, or the code was already used or has expired' },
  'faro.volunteers_column_missing': { es: 'Falta la columna «{column}»', en: 'The column "{column}" is missing' },
  'faro.volunteers_name': { es: 'Falta el nombre', en: 'The name is missing' },
  'faro.volunteers_too_long': { es: 'Demasiado largo', en: 'Too long' },
  'faro.volunteers_email': { es: 'Correo no válido', en: 'Invalid e-mail address' },
  'faro.volunteers_site': { es: 'No hay un módulo ni un punto de observación con ese nombre o clave', en: 'There is no module or observation point with that name or id' },
  'faro.volunteers_institution': { es: 'Falta la institución', en: 'The institution is missing' },
  'faro.volunteers_yes_no': { es: 'Escriba sí o no', en: 'Write yes or no' },
  'faro.volunteers_languages': { es: 'Idiomas con su código de dos o tres letras (es, en, mam…), separados por ;', en: 'Languages by their two- or three-letter code (es, en, mam…), separated by ;' },
  'faro.volunteers_days': { es: 'Días como lun, mar, mié, jue, vie, sáb, dom, separados por ;', en: 'Days as mon, tue, wed, thu, fri, sat, sun, separated by ;' },
  'faro.volunteers_day_parts': { es: 'Horarios como mañana, tarde, noche, separados por ;', en: 'Day parts as morning, afternoon, night, separated by ;' },
  'faro.volunteers_already_imported': { es: 'Esta lista ya se importó: vea los voluntarios del operativo y, si hace falta, genere códigos nuevos', en: 'This list was already imported: see the operation\'s volunteers and, if needed, issue new codes' },
  'faro.unknown_operation': { es: 'No hay un operativo con esa clave', en: 'There is no operation with that id' },
  'faro.unknown_period': { es: 'El programa no publica ese periodo: un año (2026) para Grupos Beta, un operativo (winter-2026) para Paisano', en: 'The programme publishes no such period: a year (2026) for Grupos Beta, an operation (winter-2026) for Paisano' },
  'faro.not_approval_unit': { es: 'Se aprueba un grupo Beta, un comité estatal Paisano o el programa (beta, paisano)', en: 'Approve a Grupo Beta, a Paisano state committee or the programme (beta, paisano)' },
  'faro.already_approved': { es: 'Este periodo ya está aprobado para esta unidad', en: 'This period is already approved for this unit' },
  'faro.approval_out_of_order': { es: 'Faltan {count} aprobaciones de las coordinaciones antes de la aprobación nacional', en: '{count} coordinators\' approvals are still missing before the national approval' },
  'faro.revision_unchanged': { es: 'Las cifras no cambiaron desde la última publicación: no hay revisión que publicar', en: 'The figures have not changed since the last publication: there is no revision to publish' },
  'faro.revision_discloses': { es: 'El cambio es demasiado pequeño para publicarse todavía: comparar las dos publicaciones dejaría ver a pocas personas ({tables}). Se podrá publicar cuando haya más registros', en: 'The change is too small to publish yet: comparing the two publications would single out a few people ({tables}). It can be published once more records come in' },
  'faro.guide_via_guide_api': { es: 'Las ediciones de la guía se escriben por /api/guide/editions, que no deja cambiar una edición publicada', en: 'The guide\'s editions are written through /api/guide/editions, which lets no published edition change' },
  'faro.audio_type': { es: 'La grabación debe ser MP3, Ogg, MP4 (AAC) o WebM', en: 'The recording must be MP3, Ogg, MP4 (AAC) or WebM' },
  'faro.audio_no_text': { es: 'Escriba primero el texto de la sección en ese idioma: la grabación lo lee', en: 'Write the section\'s text in that language first: the recording reads it' },
  'faro.edition_published': { es: 'Esta edición ya está publicada y no cambia: haga una edición nueva a partir de ella', en: 'This edition is published and does not change: draft a new edition from it' },
  'faro.edition_no_section': { es: 'Esta edición no tiene esa sección', en: 'This edition has no such section' },
  'faro.edition_text_changed': { es: 'Alguien cambió este texto mientras usted lo editaba: vea el texto actual y vuelva a aplicar sus cambios', en: 'Someone changed this text while you were editing it: see the current text and apply your changes again' },
  'faro.edition_slug_taken': { es: 'Ya hay una sección con esa clave en esta edición', en: 'There is already a section with that key in this edition' },
  'faro.edition_last_section': { es: 'Una edición necesita al menos una sección', en: 'An edition needs at least one section' },
  'faro.edition_source_not_reviewed': { es: 'El texto en español de estas secciones no está revisado: {sections}', en: 'The Spanish text of these sections is not reviewed: {sections}' },
  'faro.edition_diff_against': { es: 'Diga con qué edición comparar: esta no se copió de otra', en: 'Say which edition to compare with: this one was not copied from another' },
  'faro.edition_lang_not_public': { es: 'El sitio público no se publica en ese idioma', en: 'The public site is not published in that language' },
  'faro.unknown_escort': { es: 'La escolta debe ser una dependencia registrada', en: 'The escort must be a registered agency' },
  'faro.operation_ended': { es: 'El operativo ya terminó', en: 'The operation has ended' },
  'faro.trace_forensic_needed': { es: 'Un fallecimiento se informa solo con la referencia del dictamen forense', en: 'A death is reported only with the forensic report\'s reference' },
  'faro.case_category_kind': { es: 'Esta categoría no corresponde al tipo de caso', en: 'This category does not belong to the kind of case' },
  'faro.before_start': { es: 'El final no puede ser anterior al inicio', en: 'The end cannot come before the start' },
  'faro.case_person_twice': { es: 'Dé la identidad o la referencia a una persona ya guardada, no ambas', en: 'Give the identity or the reference to a person already stored, not both' },
  'faro.case_email_needed': { es: 'Para escribirle por correo hace falta su dirección', en: 'An address is needed to write to the person by e-mail' },
  'faro.case_phone_needed': { es: 'Para llamarle hace falta su teléfono', en: 'A phone number is needed to call the person' },
  'faro.case_nationality_needed': { es: 'Para compartirla con su consulado hace falta la nacionalidad', en: 'The nationality is needed to share it with the consulate' },
  'faro.unknown_org_unit': { es: 'Unidad desconocida', en: 'Unknown org unit' },
  'faro.id_reused': {
    es: 'Este id ya se usó para una acción con otro contenido',
    en: 'This id was already used for an action with other content',
  },
  'faro.device_counter_reused': {
    es: 'Este contador del dispositivo ya se usó para otra acción',
    en: 'This device counter was already used for another action',
  },
  'faro.login_failed': { es: 'Usuario o contraseña incorrectos', en: 'Wrong username or password' },
  'faro.totp_required': {
    es: 'Escriba el código de seis dígitos de su aplicación de autenticación',
    en: 'Enter the six-digit code from your authenticator app',
  },
  'faro.totp_wrong': { es: 'El código no es válido', en: 'The code is not valid' },
  'faro.login_throttled': {
    es: 'Demasiados intentos fallidos. Intente de nuevo en {minutes} minutos.',
    en: 'Too many failed attempts. Try again in {minutes} minutes.',
  },
  'faro.csrf': {
    es: 'Falta el token CSRF o no es válido; recargue la página',
    en: 'The CSRF token is missing or wrong; reload the page',
  },
  'faro.body_too_large': {
    es: 'El cuerpo supera el tamaño máximo de {max} bytes',
    en: 'The body exceeds the maximum size of {max} bytes',
  },
  'faro.malformed_json': { es: 'El cuerpo no es JSON válido', en: 'The body is not valid JSON' },
  'faro.username_taken': { es: 'Ese nombre de usuario ya existe', en: 'That username already exists' },
  'faro.org_unit_exists': { es: 'Esa unidad ya existe', en: 'That org unit already exists' },
  'faro.wrong_password': { es: 'La contraseña actual no es correcta', en: 'The current password is wrong' },
  'faro.totp_not_started': {
    es: 'Primero inicie la configuración del segundo factor',
    en: 'Start the second-factor setup first',
  },
  'faro.totp_not_enabled': { es: 'Esta cuenta no tiene segundo factor', en: 'This account has no second factor' },
  'faro.totp_reset_own': {
    es: 'Su propio segundo factor no se restablece aquí: configúrelo de nuevo en su cuenta',
    en: 'Your own second factor is not reset here: set it up again in your account',
  },
  'faro.invalid_cursor': { es: 'Cursor no válido; pida la primera página', en: 'Invalid cursor; ask for the first page' },
  'faro.device_revoked': {
    es: 'Este dispositivo fue dado de baja; sus datos locales se borran',
    en: 'This device was revoked; its local data is being erased',
  },
  'faro.device_not_yours': { es: 'Este dispositivo pertenece a otra cuenta', en: 'This device belongs to another account' },
  'faro.device_owner_disabled': {
    es: 'La cuenta dueña de este dispositivo está desactivada: sus acciones no se importan',
    en: 'The account that owns this device is disabled: its actions are not imported',
  },
  'faro.device_owner_out_of_reach': {
    es: 'La cuenta dueña de este dispositivo pertenece ahora a una unidad fuera de su alcance: que la importe su unidad actual',
    en: 'The account that owns this device now belongs to a unit outside your reach: its current unit must import it',
  },
  'faro.device_unknown': { es: 'Dispositivo desconocido', en: 'Unknown device' },
  'faro.push_too_many': {
    es: 'Como máximo {max} acciones por envío; divida el lote',
    en: 'At most {max} actions per push; split the batch',
  },
  'faro.push_inflated_too_large': {
    es: 'El lote descomprimido supera {max} bytes; divida el lote',
    en: 'The inflated batch exceeds {max} bytes; split the batch',
  },
  'faro.bad_encoding': { es: 'Codificación no admitida o cuerpo gzip dañado', en: 'Unsupported encoding or corrupt gzip body' },
  'faro.not_ready': { es: 'La base de datos no responde', en: 'The database does not answer' },
  'faro.person_shredded': { es: 'Esta identidad fue suprimida', en: 'This identity was erased' },
  'faro.person_blocked': { es: 'Esta identidad está bloqueada por una cancelación', en: 'This identity is blocked by a cancellation' },
  'faro.person_ref_unknown': {
    es: 'Persona desconocida, bloqueada o fuera de su alcance',
    en: 'Unknown or blocked person, or out of your reach',
  },
  'faro.unknown_record': { es: 'Registro desconocido o fuera de su alcance', en: 'Unknown record, or out of your reach' },
  'faro.disclosure_denied': { es: 'Comunicación de datos denegada (regla: {rule})', en: 'Disclosure refused (rule: {rule})' },
  'faro.consent_missing': { es: 'Consentimiento desconocido', en: 'Unknown consent' },
  'faro.consent_withdrawn': { es: 'El consentimiento ya fue retirado', en: 'The consent was already withdrawn' },
  'faro.purpose_required': { es: 'Indique la finalidad a la que se opone', en: 'Name the purpose objected to' },
  'faro.rights_extended': { es: 'El plazo ya se amplió una vez', en: 'The deadline was already extended once' },
  'faro.rights_closed': { es: 'La solicitud ya está resuelta', en: 'The request is already resolved' },
  'faro.rights_wrong_kind': { es: 'Esta acción no corresponde a este tipo de solicitud', en: 'This action does not fit this kind of request' },
  'faro.search_empty': { es: 'Indique un nombre o un teléfono', en: 'Give a name or a phone number' },
  'faro.attachment_empty': { es: 'El archivo está vacío', en: 'The file is empty' },
  'faro.attachment_type': { es: 'Solo se aceptan fotos (JPEG, PNG, WebP, HEIC) y PDF', en: 'Only photos (JPEG, PNG, WebP, HEIC) and PDF are accepted' },
  'faro.attachment_type_mismatch': { es: 'El contenido del archivo no es del tipo declarado ({declared})', en: 'The file\'s content is not of the declared type ({declared})' },
  'faro.attachment_limit': { es: 'Este registro ya tiene {max} archivos, el máximo', en: 'This record already has {max} files, the most it may have' },
  'faro.attachment_id_reused': { es: 'Este id ya se usó para otro archivo', en: 'This id was already used for another file' },
}

/**
 * The text of a message key in a language, with `{name}` parameters filled in; a text that is
 * not a key is returned as it is.
 * @example message('faro.login_throttled', 'en', { minutes: 15 }) // 'Too many failed attempts. Try again in 15 minutes.'
 */
export function message(key: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = Object.hasOwn(MESSAGES, key) ? MESSAGES[key] : undefined
  const text = entry ? entry[lang] : key
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
