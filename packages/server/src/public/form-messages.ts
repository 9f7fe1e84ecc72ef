import type { CaseKind, CaseOutcome, ComplaintCategory, HelpCategory, Relationship } from '@faro/core'
import type { PublicLang } from './languages.ts'
import type { PluralForms } from './messages.ts'

/** The nationalities a sought person's list offers, the most frequent first; any other is "other or I don't know". */
export const SOUGHT_COUNTRIES = ['MX', 'GT', 'HN', 'SV', 'NI', 'CU', 'HT', 'VE', 'CO', 'EC', 'US'] as const
export type SoughtCountry = (typeof SOUGHT_COUNTRIES)[number]

/** Who may ask on the public form: anyone but a consulate, which files through its own account. */
export type PublicRelationship = Exclude<Relationship, 'consulate'>

/** The words of the request for help (`/<lang>/help-request`). */
export interface HelpRequestWords {
  title: string
  summary: string
  intro: string
  missingPointer: string
  category: string
  categories: Record<HelpCategory, string>
  description: string
  descriptionHint: string
  where: string
  inTransit: string
  contactTitle: string
  contactNote: string
  errCategory: string
  errDescription: string
  send: string
  doneTitle: string
  doneNext: string
}

/** The words of asking for a missing person (`/<lang>/missing`). */
export interface MissingWords {
  title: string
  summary: string
  intro: string
  person: string
  secondHint: string
  more: string
  moreLink: string
  given: string
  surname1: string
  surname2: string
  nameHint: string
  sex: string
  sexes: Record<'female' | 'male' | 'other', string>
  age: string
  ageHint: string
  birthDate: string
  nationality: string
  nationalityOther: string
  countries: Record<SoughtCountry, string>
  lastPlace: string
  lastPlaceHint: string
  lastDate: string
  marks: string
  marksHint: string
  story: string
  storyHint: string
  requesterTitle: string
  requesterNote: string
  requesterName: string
  relationship: string
  relationships: Record<PublicRelationship, string>
  contactHint: string
  consent: string
  consentShort: string
  errSoughtName: string
  errAge: string
  errRequesterName: string
  errRelationship: string
  errConsent: string
  send: string
  doneTitle: string
  doneCount: PluralForms
  doneNext: string
}

/**
 * The words of the public forms (`/<lang>/complaint`, `/<lang>/help-request`, `/<lang>/missing`,
 * `/<lang>/follow`), apart from messages.ts
 * so that the forms' words and the frame's change without touching each other; like those, every
 * language has every key (the type requires it). `{…}` marks what is filled in.
 */
export interface FormMessages {
  complaintTitle: string
  complaintSummary: string
  followTitle: string
  followSummary: string
  complaintIntro: string
  required: string
  optional: string
  category: string
  categories: Record<ComplaintCategory, string>
  description: string
  descriptionHint: string
  where: string
  place: string
  city: string
  state: string
  date: string
  who: string
  agency: string
  agencyUnknown: string
  badge: string
  plate: string
  contactTitle: string
  contactNote: string
  name: string
  phone: string
  email: string
  send: string
  errorSummary: string
  errCategory: string
  errDescription: string
  errTooLong: string
  errDate: string
  errEmail: string
  errPhone: string
  errContact: string
  errInvalid: string
  expired: string
  tooManyTitle: string
  tooManyBody: string
  doneTitle: string
  folio: string
  pin: string
  keep: string
  followLink: string
  followIntro: string
  followSend: string
  errFolio: string
  errPin: string
  followFailed: string
  statusTitle: string
  kindLabel: string
  kinds: Record<CaseKind, string>
  statusLabel: string
  statuses: Record<'received' | 'in_progress' | 'info_requested' | 'answered' | 'closed', string>
  receivedAt: string
  lastActivityAt: string
  outcomeLabel: string
  outcomes: Record<CaseOutcome, string>
  reopenUntil: string
  help: HelpRequestWords
  missing: MissingWords
}

export const FORM_MESSAGES: Readonly<Record<PublicLang, FormMessages>> = {
  es: {
    complaintTitle: 'Presentar una queja',
    complaintSummary: 'Si un servidor público te pidió dinero, te robó o te trató mal. Puedes hacerlo sin dar tu nombre.',
    followTitle: 'Seguir mi queja o solicitud',
    followSummary: 'Con tu folio y tu NIP, mira cómo va tu queja o tu solicitud.',
    complaintIntro: 'Cuéntanos qué pasó. Solo dos datos son obligatorios. No tienes que dar tu nombre.',
    required: 'obligatorio',
    optional: 'opcional',
    category: '¿Qué te pasó?',
    categories: {
      extortion: 'Me pidieron dinero o un regalo',
      theft: 'Me robaron',
      abuse_of_authority: 'Abusaron de su autoridad',
      mistreatment: 'Me trataron mal o me insultaron',
      misuse_of_procedure: 'No siguieron el trámite como debe ser',
      seizure_of_vehicle_or_goods: 'Me quitaron mi vehículo o mis cosas',
      other_complaint: 'Otra cosa',
    },
    description: 'Cuéntanos qué pasó',
    descriptionHint: 'Con tus palabras. No escribas aquí nombres de personas.',
    where: '¿Dónde fue?',
    place: 'Lugar: una garita, una carretera, un kilómetro…',
    city: 'Ciudad o pueblo',
    state: 'Estado',
    date: '¿Qué día fue?',
    who: '¿Quién fue?',
    agency: 'Dependencia o corporación',
    agencyUnknown: 'No sé',
    badge: 'Número de gafete o placa del uniforme',
    plate: 'Placas del vehículo oficial',
    contactTitle: 'Tus datos',
    contactNote: 'Son opcionales. Si los das, solo los verán el Programa Paisano y la oficina que atienda tu queja, para escribirte. Nunca se los daremos a la autoridad de la que te quejas.',
    name: 'Nombre',
    phone: 'Teléfono',
    email: 'Correo electrónico',
    send: 'Enviar la queja',
    errorSummary: 'Revisa estos datos',
    errCategory: 'Elige qué te pasó.',
    errDescription: 'Cuéntanos qué pasó.',
    errTooLong: 'Es demasiado largo.',
    errDate: 'Escribe una fecha válida que no sea futura.',
    errEmail: 'Escribe un correo válido, como nombre@ejemplo.com.',
    errPhone: 'Escribe un teléfono válido, solo con números.',
    errContact: 'Escribe tu teléfono o tu correo.',
    errInvalid: 'Revisa este dato.',
    expired: 'El formulario venció o no es válido. Revisa tus datos y envíalo otra vez.',
    tooManyTitle: 'Demasiados envíos',
    tooManyBody: 'Se enviaron muchos formularios desde aquí en poco tiempo. Espera un momento y vuelve a intentarlo.',
    doneTitle: 'Recibimos tu queja',
    folio: 'Folio',
    pin: 'NIP',
    keep: 'Guarda o anota estos datos. El NIP solo se muestra ahora.',
    followLink: 'Seguir mi queja o solicitud',
    followIntro: 'Escribe el folio y el NIP que te dimos.',
    followSend: 'Ver cómo va',
    errFolio: 'Escribe el folio como te lo dimos, por ejemplo PA-26-4K7Q-V.',
    errPin: 'Escribe el NIP de 6 números.',
    followFailed: 'No encontramos nada con ese folio y ese NIP. Revisa los dos. Después de varios intentos, espera 15 minutos.',
    statusTitle: 'Tu caso {folio}',
    kindLabel: 'Tipo',
    kinds: { complaint: 'Queja', help_request: 'Solicitud de ayuda', location_request: 'Búsqueda de una persona' },
    statusLabel: 'Cómo va',
    statuses: {
      received: 'Recibida',
      in_progress: 'En atención',
      info_requested: 'Necesitamos más información: te buscaremos',
      answered: 'Ya tiene respuesta',
      closed: 'Cerrada',
    },
    receivedAt: 'Recibida el',
    lastActivityAt: 'Último movimiento',
    outcomeLabel: 'Resultado',
    outcomes: {
      resolved: 'Resuelta',
      not_resolved: 'No resuelta',
      withdrawn: 'La retiraste',
      referred_outside: 'Se envió a otra institución',
      no_jurisdiction: 'No le toca a ninguna de las instituciones del programa',
    },
    reopenUntil: 'Si no estás de acuerdo, puedes pedir que se abra otra vez hasta el {date}.',
    help: {
      title: 'Pedir ayuda',
      summary: 'Si necesitas ayuda con tu vehículo, tus documentos o el traslado de un ser querido que falleció.',
      intro: 'Dinos qué ayuda necesitas. Te vamos a buscar para ayudarte. La ayuda es gratis.',
      missingPointer: '¿Buscas a una persona desaparecida? Usa este formulario:',
      category: '¿Qué ayuda necesitas?',
      categories: { locate_migrant: 'Encontrar a una persona migrante', recover_seized_vehicle_or_goods: 'Recuperar mi vehículo o mis cosas', check_vehicle_import_documents: 'Revisar los papeles de importación de mi vehículo', obtain_documents: 'Sacar mis documentos', transport_of_remains: 'Trasladar el cuerpo o las cenizas de un ser querido', other_help: 'Otra cosa' },
      description: 'Cuéntanos qué necesitas',
      descriptionHint: 'Con tus palabras. No escribas aquí nombres de personas.',
      where: '¿Dónde estás?',
      inTransit: 'Ahora estoy de viaje, en camino.',
      contactTitle: 'Cómo buscarte',
      contactNote: 'Escribe tu teléfono o tu correo, o los dos. Solo los verán el Programa Paisano y la oficina que te ayude.',
      errCategory: 'Elige qué ayuda necesitas.',
      errDescription: 'Cuéntanos qué necesitas.',
      send: 'Pedir ayuda',
      doneTitle: 'Recibimos tu solicitud de ayuda',
      doneNext: 'Te vamos a llamar o escribir pronto.',
    },
    missing: {
      title: 'Buscar a una persona desaparecida',
      summary: 'Si no sabes nada de un familiar o de un amigo que viajaba por México.',
      intro: 'Dinos a quién buscas. Los Grupos Beta buscan en sus registros. Es gratis.',
      person: 'Persona {n}',
      secondHint: 'Llena esto solo si buscas a otra persona.',
      more: '¿Buscas a más de dos personas? Envía este formulario. Después llénalo otra vez para las demás. También puedes pedir ayuda en persona.',
      moreLink: 'Ver dónde pedir ayuda',
      given: 'Nombre',
      surname1: 'Primer apellido',
      surname2: 'Segundo apellido',
      nameHint: 'Escribe al menos el nombre o un apellido.',
      sex: 'Sexo',
      sexes: { female: 'Mujer', male: 'Hombre', other: 'Otro' },
      age: 'Edad aproximada',
      ageHint: 'En años. Por ejemplo: 25.',
      birthDate: 'Fecha de nacimiento',
      nationality: 'Nacionalidad',
      nationalityOther: 'Otra o no sé',
      countries: { MX: 'México', GT: 'Guatemala', HN: 'Honduras', SV: 'El Salvador', NI: 'Nicaragua', CU: 'Cuba', HT: 'Haití', VE: 'Venezuela', CO: 'Colombia', EC: 'Ecuador', US: 'Estados Unidos' },
      lastPlace: 'Último lugar donde supiste de la persona',
      lastPlaceHint: 'Un pueblo, una ciudad, un albergue o un cruce.',
      lastDate: 'Último día que supiste de la persona',
      marks: 'Cómo reconocerla',
      marksHint: 'Tatuajes, cicatrices, su ropa, cómo es.',
      story: 'Cuéntanos qué pasó',
      storyHint: 'Por dónde viajaba y qué sabes. No escribas aquí nombres de personas.',
      requesterTitle: 'Tus datos',
      requesterNote: 'Los necesitamos para darte noticias. Solo los verán los Grupos Beta y las oficinas que buscan.',
      requesterName: 'Tu nombre',
      relationship: '¿Qué eres de la persona que buscas?',
      relationships: { parent: 'Su mamá o su papá', child: 'Su hija o su hijo', spouse: 'Su esposa, esposo o pareja', sibling: 'Su hermana o su hermano', other_relative: 'Otro familiar', friend: 'Amiga o amigo', organisation: 'Una organización', other: 'Otra cosa' },
      contactHint: 'Escribe tu teléfono o tu correo, o los dos.',
      consent: 'Acepto que los Grupos Beta y las oficinas que buscan me llamen o me escriban sobre esta búsqueda.',
      consentShort: 'Tu permiso para buscarte',
      errSoughtName: 'Escribe el nombre o un apellido de la persona.',
      errAge: 'Escribe la edad en números, de 0 a 120.',
      errRequesterName: 'Escribe tu nombre.',
      errRelationship: 'Elige qué eres de la persona.',
      errConsent: 'Marca la casilla. Sin ella no podemos darte noticias.',
      send: 'Enviar la búsqueda',
      doneTitle: 'Recibimos tu solicitud de búsqueda',
      doneCount: { one: 'Vamos a buscar a {n} persona.', other: 'Vamos a buscar a {n} personas.' },
      doneNext: 'Te vamos a llamar o escribir si sabemos algo.',
    },
  },
  en: {
    complaintTitle: 'File a complaint',
    complaintSummary: 'If an official asked you for money, robbed you or mistreated you. You can do it without giving your name.',
    followTitle: 'Follow my complaint or request',
    followSummary: 'With your folio and PIN, see how your complaint or request is going.',
    complaintIntro: 'Tell us what happened. Only two things are required. You do not have to give your name.',
    required: 'required',
    optional: 'optional',
    category: 'What happened to you?',
    categories: {
      extortion: 'They asked me for money or a gift',
      theft: 'They robbed me',
      abuse_of_authority: 'They abused their authority',
      mistreatment: 'They treated me badly or insulted me',
      misuse_of_procedure: 'They did not follow the procedure properly',
      seizure_of_vehicle_or_goods: 'They took my vehicle or my things',
      other_complaint: 'Something else',
    },
    description: 'Tell us what happened',
    descriptionHint: 'In your own words. Do not write people\'s names here.',
    where: 'Where was it?',
    place: 'Place: a border crossing, a highway, a kilometre…',
    city: 'City or town',
    state: 'State',
    date: 'What day was it?',
    who: 'Who was it?',
    agency: 'Agency or force',
    agencyUnknown: 'I don\'t know',
    badge: 'Badge number',
    plate: 'Official vehicle\'s plates',
    contactTitle: 'Your details',
    contactNote: 'They are optional. If you give them, only the Paisano Programme and the office handling your complaint will see them, to write to you. We will never give them to the authority you complain about.',
    name: 'Name',
    phone: 'Phone',
    email: 'E-mail',
    send: 'Send the complaint',
    errorSummary: 'Please check these',
    errCategory: 'Choose what happened to you.',
    errDescription: 'Tell us what happened.',
    errTooLong: 'It is too long.',
    errDate: 'Write a valid date that is not in the future.',
    errEmail: 'Write a valid e-mail, like name@example.com.',
    errPhone: 'Write a valid phone number, with digits only.',
    errContact: 'Write your phone or your e-mail.',
    errInvalid: 'Please check this.',
    expired: 'The form expired or is not valid. Check your details and send it again.',
    tooManyTitle: 'Too many sent',
    tooManyBody: 'Many forms were sent from here in a short time. Wait a moment and try again.',
    doneTitle: 'We received your complaint',
    folio: 'Folio',
    pin: 'PIN',
    keep: 'Save or write these down. The PIN is shown only now.',
    followLink: 'Follow my complaint or request',
    followIntro: 'Write the folio and the PIN we gave you.',
    followSend: 'See how it is going',
    errFolio: 'Write the folio as we gave it to you, like PA-26-4K7Q-V.',
    errPin: 'Write the 6-digit PIN.',
    followFailed: 'We found nothing with that folio and that PIN. Check both. After several tries, wait 15 minutes.',
    statusTitle: 'Your case {folio}',
    kindLabel: 'Kind',
    kinds: { complaint: 'Complaint', help_request: 'Request for help', location_request: 'Search for a person' },
    statusLabel: 'How it is going',
    statuses: {
      received: 'Received',
      in_progress: 'Being handled',
      info_requested: 'We need more information: we will contact you',
      answered: 'It has an answer',
      closed: 'Closed',
    },
    receivedAt: 'Received on',
    lastActivityAt: 'Last activity',
    outcomeLabel: 'Outcome',
    outcomes: {
      resolved: 'Resolved',
      not_resolved: 'Not resolved',
      withdrawn: 'You withdrew it',
      referred_outside: 'Sent to another institution',
      no_jurisdiction: 'None of the programme\'s institutions can handle it',
    },
    reopenUntil: 'If you do not agree, you can ask for it to be opened again until {date}.',
    help: {
      title: 'Ask for help',
      summary: 'If you need help with your vehicle, your documents or bringing home a loved one who died.',
      intro: 'Tell us what help you need. We will contact you to help. Help is free.',
      missingPointer: 'Are you looking for a missing person? Use this form:',
      category: 'What help do you need?',
      categories: { locate_migrant: 'Find a migrant', recover_seized_vehicle_or_goods: 'Get back my vehicle or my things', check_vehicle_import_documents: 'Check my vehicle\'s import papers', obtain_documents: 'Get my documents', transport_of_remains: 'Bring home the body or ashes of a loved one', other_help: 'Something else' },
      description: 'Tell us what you need',
      descriptionHint: 'In your own words. Do not write people\'s names here.',
      where: 'Where are you?',
      inTransit: 'I am travelling now, on the road.',
      contactTitle: 'How to reach you',
      contactNote: 'Write your phone or your e-mail, or both. Only the Paisano Programme and the office that helps you will see them.',
      errCategory: 'Choose the help you need.',
      errDescription: 'Tell us what you need.',
      send: 'Ask for help',
      doneTitle: 'We received your request for help',
      doneNext: 'We will call you or write to you soon.',
    },
    missing: {
      title: 'Look for a missing person',
      summary: 'If you have no news of a relative or a friend who was travelling through Mexico.',
      intro: 'Tell us who you are looking for. The Grupos Beta search their records. It is free.',
      person: 'Person {n}',
      secondHint: 'Fill this in only if you are looking for another person.',
      more: 'Looking for more than two people? Send this form. Then fill it in again for the others. You can also ask for help in person.',
      moreLink: 'See where to ask for help',
      given: 'Given names',
      surname1: 'First surname',
      surname2: 'Second surname',
      nameHint: 'Write at least the name or one surname.',
      sex: 'Sex',
      sexes: { female: 'Woman', male: 'Man', other: 'Other' },
      age: 'Approximate age',
      ageHint: 'In years. For example: 25.',
      birthDate: 'Date of birth',
      nationality: 'Nationality',
      nationalityOther: 'Other or I don\'t know',
      countries: { MX: 'Mexico', GT: 'Guatemala', HN: 'Honduras', SV: 'El Salvador', NI: 'Nicaragua', CU: 'Cuba', HT: 'Haiti', VE: 'Venezuela', CO: 'Colombia', EC: 'Ecuador', US: 'United States' },
      lastPlace: 'Last place you heard from them',
      lastPlaceHint: 'A village, a city, a shelter or a crossing.',
      lastDate: 'Last day you heard from them',
      marks: 'How to recognise them',
      marksHint: 'Tattoos, scars, their clothes, what they look like.',
      story: 'Tell us what happened',
      storyHint: 'Which way they were travelling and what you know. Do not write people\'s names here.',
      requesterTitle: 'Your details',
      requesterNote: 'We need them to give you news. Only the Grupos Beta and the offices that search will see them.',
      requesterName: 'Your name',
      relationship: 'Who are you to the person you are looking for?',
      relationships: { parent: 'Their mother or father', child: 'Their daughter or son', spouse: 'Their wife, husband or partner', sibling: 'Their sister or brother', other_relative: 'Another relative', friend: 'A friend', organisation: 'An organisation', other: 'Something else' },
      contactHint: 'Write your phone or your e-mail, or both.',
      consent: 'I agree that the Grupos Beta and the offices that search may call me or write to me about this search.',
      consentShort: 'Your agreement to be contacted',
      errSoughtName: 'Write the person\'s name or one surname.',
      errAge: 'Write the age in numbers, from 0 to 120.',
      errRequesterName: 'Write your name.',
      errRelationship: 'Choose who you are to the person.',
      errConsent: 'Tick the box. Without it we cannot give you news.',
      send: 'Send the search',
      doneTitle: 'We received your search request',
      doneCount: { one: 'We will look for {n} person.', other: 'We will look for {n} people.' },
      doneNext: 'We will call you or write to you if we learn something.',
    },
  },
  fr: {
    complaintTitle: 'Porter plainte',
    complaintSummary: 'Si un agent public vous a demandé de l\'argent, vous a volé ou maltraité. Vous pouvez le faire sans donner votre nom.',
    followTitle: 'Suivre ma plainte ou ma demande',
    followSummary: 'Avec votre folio et votre code PIN, voyez où en est votre plainte ou votre demande.',
    complaintIntro: 'Dites-nous ce qui s\'est passé. Seules deux informations sont obligatoires. Vous n\'avez pas à donner votre nom.',
    required: 'obligatoire',
    optional: 'facultatif',
    category: 'Que vous est-il arrivé ?',
    categories: {
      extortion: 'On m\'a demandé de l\'argent ou un cadeau',
      theft: 'On m\'a volé',
      abuse_of_authority: 'On a abusé de son autorité',
      mistreatment: 'On m\'a maltraité ou insulté',
      misuse_of_procedure: 'On n\'a pas suivi la procédure comme il faut',
      seizure_of_vehicle_or_goods: 'On m\'a pris mon véhicule ou mes affaires',
      other_complaint: 'Autre chose',
    },
    description: 'Dites-nous ce qui s\'est passé',
    descriptionHint: 'Avec vos mots. N\'écrivez pas de noms de personnes ici.',
    where: 'Où était-ce ?',
    place: 'Lieu : un poste-frontière, une route, un kilomètre…',
    city: 'Ville ou village',
    state: 'État',
    date: 'Quel jour était-ce ?',
    who: 'Qui était-ce ?',
    agency: 'Administration ou corps',
    agencyUnknown: 'Je ne sais pas',
    badge: 'Numéro de badge',
    plate: 'Plaques du véhicule officiel',
    contactTitle: 'Vos coordonnées',
    contactNote: 'Elles sont facultatives. Si vous les donnez, seuls le Programme Paisano et le bureau qui traite votre plainte les verront, pour vous écrire. Nous ne les donnerons jamais à l\'autorité dont vous vous plaignez.',
    name: 'Nom',
    phone: 'Téléphone',
    email: 'Courriel',
    send: 'Envoyer la plainte',
    errorSummary: 'Vérifiez ces informations',
    errCategory: 'Choisissez ce qui vous est arrivé.',
    errDescription: 'Dites-nous ce qui s\'est passé.',
    errTooLong: 'C\'est trop long.',
    errDate: 'Écrivez une date valide qui ne soit pas dans le futur.',
    errEmail: 'Écrivez un courriel valide, comme nom@exemple.com.',
    errPhone: 'Écrivez un numéro de téléphone valide, avec des chiffres.',
    errContact: 'Écrivez votre téléphone ou votre courriel.',
    errInvalid: 'Vérifiez cette information.',
    expired: 'Le formulaire a expiré ou n\'est pas valide. Vérifiez vos informations et envoyez-le de nouveau.',
    tooManyTitle: 'Trop d\'envois',
    tooManyBody: 'Beaucoup de formulaires ont été envoyés d\'ici en peu de temps. Attendez un moment et réessayez.',
    doneTitle: 'Nous avons reçu votre plainte',
    folio: 'Folio',
    pin: 'Code PIN',
    keep: 'Gardez ou notez ces informations. Le code PIN n\'est montré que maintenant.',
    followLink: 'Suivre ma plainte ou ma demande',
    followIntro: 'Écrivez le folio et le code PIN que nous vous avons donnés.',
    followSend: 'Voir où elle en est',
    errFolio: 'Écrivez le folio comme nous vous l\'avons donné, par exemple PA-26-4K7Q-V.',
    errPin: 'Écrivez le code PIN de 6 chiffres.',
    followFailed: 'Nous n\'avons rien trouvé avec ce folio et ce code PIN. Vérifiez les deux. Après plusieurs essais, attendez 15 minutes.',
    statusTitle: 'Votre dossier {folio}',
    kindLabel: 'Type',
    kinds: { complaint: 'Plainte', help_request: 'Demande d\'aide', location_request: 'Recherche d\'une personne' },
    statusLabel: 'Où en est-elle',
    statuses: {
      received: 'Reçue',
      in_progress: 'En cours de traitement',
      info_requested: 'Il nous faut plus d\'informations : nous vous contacterons',
      answered: 'Elle a une réponse',
      closed: 'Fermée',
    },
    receivedAt: 'Reçue le',
    lastActivityAt: 'Dernière activité',
    outcomeLabel: 'Résultat',
    outcomes: {
      resolved: 'Résolue',
      not_resolved: 'Non résolue',
      withdrawn: 'Vous l\'avez retirée',
      referred_outside: 'Envoyée à une autre institution',
      no_jurisdiction: 'Aucune institution du programme ne peut la traiter',
    },
    reopenUntil: 'Si vous n\'êtes pas d\'accord, vous pouvez demander qu\'elle soit rouverte jusqu\'au {date}.',
    help: {
      title: 'Demander de l\'aide',
      summary: 'Si vous avez besoin d\'aide pour votre véhicule, vos documents ou le retour d\'un proche décédé.',
      intro: 'Dites-nous de quelle aide vous avez besoin. Nous vous contacterons pour vous aider. L\'aide est gratuite.',
      missingPointer: 'Vous cherchez une personne disparue ? Utilisez ce formulaire :',
      category: 'De quelle aide avez-vous besoin ?',
      categories: { locate_migrant: 'Retrouver une personne migrante', recover_seized_vehicle_or_goods: 'Récupérer mon véhicule ou mes affaires', check_vehicle_import_documents: 'Vérifier les papiers d\'importation de mon véhicule', obtain_documents: 'Obtenir mes documents', transport_of_remains: 'Ramener le corps ou les cendres d\'un proche', other_help: 'Autre chose' },
      description: 'Dites-nous ce dont vous avez besoin',
      descriptionHint: 'Avec vos mots. N\'écrivez pas de noms de personnes ici.',
      where: 'Où êtes-vous ?',
      inTransit: 'Je suis en voyage, sur la route.',
      contactTitle: 'Comment vous joindre',
      contactNote: 'Écrivez votre téléphone ou votre courriel, ou les deux. Seuls le Programme Paisano et le bureau qui vous aide les verront.',
      errCategory: 'Choisissez l\'aide dont vous avez besoin.',
      errDescription: 'Dites-nous ce dont vous avez besoin.',
      send: 'Demander de l\'aide',
      doneTitle: 'Nous avons reçu votre demande d\'aide',
      doneNext: 'Nous vous appellerons ou vous écrirons bientôt.',
    },
    missing: {
      title: 'Rechercher une personne disparue',
      summary: 'Si vous n\'avez pas de nouvelles d\'un proche ou d\'un ami qui voyageait au Mexique.',
      intro: 'Dites-nous qui vous cherchez. Les Grupos Beta cherchent dans leurs registres. C\'est gratuit.',
      person: 'Personne {n}',
      secondHint: 'Remplissez ceci seulement si vous cherchez une autre personne.',
      more: 'Vous cherchez plus de deux personnes ? Envoyez ce formulaire. Ensuite, remplissez-le de nouveau pour les autres. Vous pouvez aussi demander de l\'aide sur place.',
      moreLink: 'Voir où demander de l\'aide',
      given: 'Prénoms',
      surname1: 'Premier nom de famille',
      surname2: 'Deuxième nom de famille',
      nameHint: 'Écrivez au moins le prénom ou un nom de famille.',
      sex: 'Sexe',
      sexes: { female: 'Femme', male: 'Homme', other: 'Autre' },
      age: 'Âge approximatif',
      ageHint: 'En années. Par exemple : 25.',
      birthDate: 'Date de naissance',
      nationality: 'Nationalité',
      nationalityOther: 'Autre ou je ne sais pas',
      countries: { MX: 'Mexique', GT: 'Guatemala', HN: 'Honduras', SV: 'Salvador', NI: 'Nicaragua', CU: 'Cuba', HT: 'Haïti', VE: 'Venezuela', CO: 'Colombie', EC: 'Équateur', US: 'États-Unis' },
      lastPlace: 'Dernier lieu où vous avez eu de ses nouvelles',
      lastPlaceHint: 'Un village, une ville, un refuge ou un passage.',
      lastDate: 'Dernier jour où vous avez eu de ses nouvelles',
      marks: 'Comment la reconnaître',
      marksHint: 'Tatouages, cicatrices, ses vêtements, à quoi elle ressemble.',
      story: 'Dites-nous ce qui s\'est passé',
      storyHint: 'Par où elle voyageait et ce que vous savez. N\'écrivez pas de noms de personnes ici.',
      requesterTitle: 'Vos coordonnées',
      requesterNote: 'Nous en avons besoin pour vous donner des nouvelles. Seuls les Grupos Beta et les bureaux qui cherchent les verront.',
      requesterName: 'Votre nom',
      relationship: 'Qui êtes-vous pour la personne que vous cherchez ?',
      relationships: { parent: 'Sa mère ou son père', child: 'Sa fille ou son fils', spouse: 'Son épouse, son mari ou son partenaire', sibling: 'Sa sœur ou son frère', other_relative: 'Un autre parent', friend: 'Un ami ou une amie', organisation: 'Une organisation', other: 'Autre chose' },
      contactHint: 'Écrivez votre téléphone ou votre courriel, ou les deux.',
      consent: 'J\'accepte que les Grupos Beta et les bureaux qui cherchent m\'appellent ou m\'écrivent au sujet de cette recherche.',
      consentShort: 'Votre accord pour être contacté',
      errSoughtName: 'Écrivez le prénom ou un nom de famille de la personne.',
      errAge: 'Écrivez l\'âge en chiffres, de 0 à 120.',
      errRequesterName: 'Écrivez votre nom.',
      errRelationship: 'Choisissez qui vous êtes pour la personne.',
      errConsent: 'Cochez la case. Sans elle, nous ne pouvons pas vous donner de nouvelles.',
      send: 'Envoyer la recherche',
      doneTitle: 'Nous avons reçu votre demande de recherche',
      doneCount: { one: 'Nous allons chercher {n} personne.', other: 'Nous allons chercher {n} personnes.' },
      doneNext: 'Nous vous appellerons ou vous écrirons si nous apprenons quelque chose.',
    },
  },
  ht: {
    complaintTitle: 'Depoze yon plent',
    complaintSummary: 'Si yon anplwaye leta te mande w lajan, te vòlè w oswa te maltrete w. Ou ka fè l san bay non w.',
    followTitle: 'Swiv plent oswa demann mwen',
    followSummary: 'Avèk folio w ak kòd PIN ou, gade kote plent oswa demann ou rive.',
    complaintIntro: 'Di nou sa k te pase. Se de enfòmasyon sèlman ki obligatwa. Ou pa oblije bay non w.',
    required: 'obligatwa',
    optional: 'si ou vle',
    category: 'Kisa k te rive w?',
    categories: {
      extortion: 'Yo te mande m lajan oswa yon kado',
      theft: 'Yo te vòlè m',
      abuse_of_authority: 'Yo te abize otorite yo',
      mistreatment: 'Yo te maltrete m oswa joure m',
      misuse_of_procedure: 'Yo pa t swiv pwosedi a jan sa dwe fèt',
      seizure_of_vehicle_or_goods: 'Yo te pran machin mwen oswa afè m',
      other_complaint: 'Yon lòt bagay',
    },
    description: 'Di nou sa k te pase',
    descriptionHint: 'Avèk pwòp mo pa w. Pa ekri non moun isit la.',
    where: 'Ki kote sa te ye?',
    place: 'Kote: yon pòs fwontyè, yon wout, yon kilomèt…',
    city: 'Vil oswa bouk',
    state: 'Eta',
    date: 'Ki jou sa te ye?',
    who: 'Kiyès ki te fè l?',
    agency: 'Biwo oswa kò polis',
    agencyUnknown: 'Mwen pa konnen',
    badge: 'Nimewo badj',
    plate: 'Plak machin ofisyèl la',
    contactTitle: 'Enfòmasyon pa w',
    contactNote: 'Ou pa oblije bay yo. Si ou bay yo, se sèlman Pwogram Paisano ak biwo k ap okipe plent ou ki ap wè yo, pou ekri w. Nou p ap janm bay otorite w ap plenyen an yo.',
    name: 'Non',
    phone: 'Telefòn',
    email: 'Imèl',
    send: 'Voye plent lan',
    errorSummary: 'Tcheke enfòmasyon sa yo',
    errCategory: 'Chwazi sa k te rive w.',
    errDescription: 'Di nou sa k te pase.',
    errTooLong: 'Li twò long.',
    errDate: 'Ekri yon dat ki bon e ki pa nan lavni.',
    errEmail: 'Ekri yon imèl ki bon, tankou non@egzanp.com.',
    errPhone: 'Ekri yon nimewo telefòn ki bon, ak chif sèlman.',
    errContact: 'Ekri telefòn ou oswa imèl ou.',
    errInvalid: 'Tcheke enfòmasyon sa a.',
    expired: 'Fòmilè a ekspire oswa li pa bon. Tcheke enfòmasyon w yo epi voye l ankò.',
    tooManyTitle: 'Twòp fòmilè voye',
    tooManyBody: 'Yo voye anpil fòmilè soti isit la nan yon ti tan. Tann yon ti moman epi eseye ankò.',
    doneTitle: 'Nou resevwa plent ou',
    folio: 'Folio',
    pin: 'Kòd PIN',
    keep: 'Kenbe oswa ekri enfòmasyon sa yo. Se kounye a sèlman nou montre kòd PIN lan.',
    followLink: 'Swiv plent oswa demann mwen',
    followIntro: 'Ekri folio a ak kòd PIN nou te ba ou.',
    followSend: 'Gade kote l rive',
    errFolio: 'Ekri folio a jan nou te ba ou l, tankou PA-26-4K7Q-V.',
    errPin: 'Ekri kòd PIN 6 chif la.',
    followFailed: 'Nou pa jwenn anyen ak folio sa a ak kòd PIN sa a. Tcheke tou de. Apre plizyè esè, tann 15 minit.',
    statusTitle: 'Dosye ou {folio}',
    kindLabel: 'Kalite',
    kinds: { complaint: 'Plent', help_request: 'Demann èd', location_request: 'Rechèch yon moun' },
    statusLabel: 'Kote l rive',
    statuses: {
      received: 'Resevwa',
      in_progress: 'Y ap okipe l',
      info_requested: 'Nou bezwen plis enfòmasyon: n ap kontakte w',
      answered: 'Li gen yon repons',
      closed: 'Fèmen',
    },
    receivedAt: 'Resevwa nan dat',
    lastActivityAt: 'Dènye aktivite',
    outcomeLabel: 'Rezilta',
    outcomes: {
      resolved: 'Rezoud',
      not_resolved: 'Pa rezoud',
      withdrawn: 'Ou te retire l',
      referred_outside: 'Yo voye l bay yon lòt enstitisyon',
      no_jurisdiction: 'Okenn enstitisyon nan pwogram nan pa ka okipe l',
    },
    reopenUntil: 'Si ou pa dakò, ou ka mande pou yo louvri l ankò jiska {date}.',
    help: {
      title: 'Mande èd',
      summary: 'Si ou bezwen èd pou machin ou, papye ou oswa pou voye yon moun ou renmen ki mouri lakay.',
      intro: 'Di nou ki èd ou bezwen. N ap kontakte w pou ede w. Èd la gratis.',
      missingPointer: 'W ap chèche yon moun ki disparèt? Sèvi ak fòmilè sa a:',
      category: 'Ki èd ou bezwen?',
      categories: { locate_migrant: 'Jwenn yon moun ki t ap migre', recover_seized_vehicle_or_goods: 'Jwenn machin mwen oswa afè m tounen', check_vehicle_import_documents: 'Tcheke papye enpòtasyon machin mwen', obtain_documents: 'Jwenn papye mwen', transport_of_remains: 'Voye kò oswa sann yon moun mwen renmen', other_help: 'Yon lòt bagay' },
      description: 'Di nou sa ou bezwen',
      descriptionHint: 'Avèk pwòp mo pa w. Pa ekri non moun isit la.',
      where: 'Ki kote ou ye?',
      inTransit: 'Mwen sou wout kounye a.',
      contactTitle: 'Kijan pou nou jwenn ou',
      contactNote: 'Ekri telefòn ou oswa imèl ou, oswa tou de. Se sèlman Pwogram Paisano ak biwo k ap ede w la ki ap wè yo.',
      errCategory: 'Chwazi ki èd ou bezwen.',
      errDescription: 'Di nou sa ou bezwen.',
      send: 'Mande èd',
      doneTitle: 'Nou resevwa demann èd ou',
      doneNext: 'N ap rele w oswa ekri w byento.',
    },
    missing: {
      title: 'Chèche yon moun ki disparèt',
      summary: 'Si ou pa gen nouvèl yon fanmi oswa yon zanmi ki t ap vwayaje nan Meksik.',
      intro: 'Di nou kiyès w ap chèche. Grupos Beta yo chèche nan rejis yo. Li gratis.',
      person: 'Moun {n}',
      secondHint: 'Ranpli sa a sèlman si w ap chèche yon lòt moun.',
      more: 'W ap chèche plis pase de moun? Voye fòmilè sa a. Apre sa, ranpli l ankò pou lòt yo. Ou ka mande èd tou sou plas.',
      moreLink: 'Gade kote pou mande èd',
      given: 'Non',
      surname1: 'Premye siyati',
      surname2: 'Dezyèm siyati',
      nameHint: 'Ekri omwen non an oswa yon siyati.',
      sex: 'Sèks',
      sexes: { female: 'Fanm', male: 'Gason', other: 'Lòt' },
      age: 'Laj apeprè',
      ageHint: 'An ane. Pa egzanp: 25.',
      birthDate: 'Dat nesans',
      nationality: 'Nasyonalite',
      nationalityOther: 'Lòt oswa mwen pa konnen',
      countries: { MX: 'Meksik', GT: 'Gwatemala', HN: 'Ondiras', SV: 'Salvadò', NI: 'Nikaragwa', CU: 'Kiba', HT: 'Ayiti', VE: 'Venezwela', CO: 'Kolonbi', EC: 'Ekwatè', US: 'Etazini' },
      lastPlace: 'Dènye kote ou te gen nouvèl li',
      lastPlaceHint: 'Yon bouk, yon vil, yon abri oswa yon pasaj.',
      lastDate: 'Dènye jou ou te gen nouvèl li',
      marks: 'Kijan pou rekonèt li',
      marksHint: 'Tatou, mak, rad li, kijan li ye.',
      story: 'Di nou sa k te pase',
      storyHint: 'Ki wout li t ap pran ak sa ou konnen. Pa ekri non moun isit la.',
      requesterTitle: 'Enfòmasyon pa w',
      requesterNote: 'Nou bezwen yo pou ba ou nouvèl. Se sèlman Grupos Beta yo ak biwo k ap chèche yo ki ap wè yo.',
      requesterName: 'Non ou',
      relationship: 'Kisa ou ye pou moun w ap chèche a?',
      relationships: { parent: 'Manman l oswa papa l', child: 'Pitit fi l oswa pitit gason l', spouse: 'Madanm li, mari l oswa patnè l', sibling: 'Sè l oswa frè l', other_relative: 'Yon lòt fanmi', friend: 'Yon zanmi', organisation: 'Yon òganizasyon', other: 'Yon lòt bagay' },
      contactHint: 'Ekri telefòn ou oswa imèl ou, oswa tou de.',
      consent: 'Mwen dakò pou Grupos Beta yo ak biwo k ap chèche yo rele m oswa ekri m sou rechèch sa a.',
      consentShort: 'Dakò ou pou nou kontakte w',
      errSoughtName: 'Ekri non oswa yon siyati moun nan.',
      errAge: 'Ekri laj la an chif, soti 0 rive 120.',
      errRequesterName: 'Ekri non ou.',
      errRelationship: 'Chwazi kisa ou ye pou moun nan.',
      errConsent: 'Make bwat la. San li, nou pa ka ba ou nouvèl.',
      send: 'Voye rechèch la',
      doneTitle: 'Nou resevwa demann rechèch ou',
      doneCount: { one: 'N ap chèche {n} moun.', other: 'N ap chèche {n} moun.' },
      doneNext: 'N ap rele w oswa ekri w si nou aprann yon bagay.',
    },
  },
  pt: {
    complaintTitle: 'Fazer uma denúncia',
    complaintSummary: 'Se um servidor público pediu dinheiro, roubou ou maltratou você. Você pode fazer isso sem dar seu nome.',
    followTitle: 'Acompanhar minha denúncia ou pedido',
    followSummary: 'Com seu folio e seu PIN, veja como está sua denúncia ou seu pedido.',
    complaintIntro: 'Conte o que aconteceu. Só duas informações são obrigatórias. Você não precisa dar seu nome.',
    required: 'obrigatório',
    optional: 'opcional',
    category: 'O que aconteceu com você?',
    categories: {
      extortion: 'Pediram dinheiro ou um presente',
      theft: 'Fui roubado',
      abuse_of_authority: 'Abusaram da autoridade',
      mistreatment: 'Fui maltratado ou insultado',
      misuse_of_procedure: 'Não seguiram o procedimento como deve ser',
      seizure_of_vehicle_or_goods: 'Tomaram meu veículo ou minhas coisas',
      other_complaint: 'Outra coisa',
    },
    description: 'Conte o que aconteceu',
    descriptionHint: 'Com suas palavras. Não escreva nomes de pessoas aqui.',
    where: 'Onde foi?',
    place: 'Lugar: um posto de fronteira, uma estrada, um quilômetro…',
    city: 'Cidade ou povoado',
    state: 'Estado',
    date: 'Que dia foi?',
    who: 'Quem foi?',
    agency: 'Órgão ou corporação',
    agencyUnknown: 'Não sei',
    badge: 'Número do crachá',
    plate: 'Placa do veículo oficial',
    contactTitle: 'Seus dados',
    contactNote: 'São opcionais. Se você os der, só o Programa Paisano e o escritório que cuidar da sua denúncia os verão, para escrever a você. Nunca os daremos à autoridade que você denuncia.',
    name: 'Nome',
    phone: 'Telefone',
    email: 'E-mail',
    send: 'Enviar a denúncia',
    errorSummary: 'Confira estes dados',
    errCategory: 'Escolha o que aconteceu com você.',
    errDescription: 'Conte o que aconteceu.',
    errTooLong: 'É longo demais.',
    errDate: 'Escreva uma data válida que não seja no futuro.',
    errEmail: 'Escreva um e-mail válido, como nome@exemplo.com.',
    errPhone: 'Escreva um telefone válido, só com números.',
    errContact: 'Escreva seu telefone ou seu e-mail.',
    errInvalid: 'Confira este dado.',
    expired: 'O formulário expirou ou não é válido. Confira seus dados e envie de novo.',
    tooManyTitle: 'Envios demais',
    tooManyBody: 'Muitos formulários foram enviados daqui em pouco tempo. Espere um momento e tente de novo.',
    doneTitle: 'Recebemos sua denúncia',
    folio: 'Folio',
    pin: 'PIN',
    keep: 'Guarde ou anote estes dados. O PIN só aparece agora.',
    followLink: 'Acompanhar minha denúncia ou pedido',
    followIntro: 'Escreva o folio e o PIN que demos a você.',
    followSend: 'Ver como está',
    errFolio: 'Escreva o folio como demos a você, por exemplo PA-26-4K7Q-V.',
    errPin: 'Escreva o PIN de 6 números.',
    followFailed: 'Não encontramos nada com esse folio e esse PIN. Confira os dois. Depois de várias tentativas, espere 15 minutos.',
    statusTitle: 'Seu caso {folio}',
    kindLabel: 'Tipo',
    kinds: { complaint: 'Denúncia', help_request: 'Pedido de ajuda', location_request: 'Busca de uma pessoa' },
    statusLabel: 'Como está',
    statuses: {
      received: 'Recebida',
      in_progress: 'Em atendimento',
      info_requested: 'Precisamos de mais informações: vamos procurar você',
      answered: 'Já tem resposta',
      closed: 'Encerrada',
    },
    receivedAt: 'Recebida em',
    lastActivityAt: 'Última movimentação',
    outcomeLabel: 'Resultado',
    outcomes: {
      resolved: 'Resolvida',
      not_resolved: 'Não resolvida',
      withdrawn: 'Você a retirou',
      referred_outside: 'Enviada a outra instituição',
      no_jurisdiction: 'Nenhuma instituição do programa pode cuidar dela',
    },
    reopenUntil: 'Se você não concordar, pode pedir que seja reaberta até {date}.',
    help: {
      title: 'Pedir ajuda',
      summary: 'Se você precisa de ajuda com seu veículo, seus documentos ou o traslado de um ente querido que morreu.',
      intro: 'Diga de que ajuda você precisa. Vamos procurar você para ajudar. A ajuda é grátis.',
      missingPointer: 'Você procura uma pessoa desaparecida? Use este formulário:',
      category: 'De que ajuda você precisa?',
      categories: { locate_migrant: 'Encontrar uma pessoa migrante', recover_seized_vehicle_or_goods: 'Recuperar meu veículo ou minhas coisas', check_vehicle_import_documents: 'Conferir os papéis de importação do meu veículo', obtain_documents: 'Tirar meus documentos', transport_of_remains: 'Levar o corpo ou as cinzas de um ente querido', other_help: 'Outra coisa' },
      description: 'Conte do que você precisa',
      descriptionHint: 'Com suas palavras. Não escreva nomes de pessoas aqui.',
      where: 'Onde você está?',
      inTransit: 'Estou viajando agora, na estrada.',
      contactTitle: 'Como falar com você',
      contactNote: 'Escreva seu telefone ou seu e-mail, ou os dois. Só o Programa Paisano e o escritório que ajudar você vão vê-los.',
      errCategory: 'Escolha de que ajuda você precisa.',
      errDescription: 'Conte do que você precisa.',
      send: 'Pedir ajuda',
      doneTitle: 'Recebemos seu pedido de ajuda',
      doneNext: 'Vamos ligar ou escrever para você em breve.',
    },
    missing: {
      title: 'Procurar uma pessoa desaparecida',
      summary: 'Se você não tem notícias de um familiar ou de um amigo que viajava pelo México.',
      intro: 'Diga quem você procura. Os Grupos Beta procuram nos seus registros. É grátis.',
      person: 'Pessoa {n}',
      secondHint: 'Preencha isto só se você procura outra pessoa.',
      more: 'Procura mais de duas pessoas? Envie este formulário. Depois preencha de novo para as outras. Você também pode pedir ajuda pessoalmente.',
      moreLink: 'Ver onde pedir ajuda',
      given: 'Nome',
      surname1: 'Primeiro sobrenome',
      surname2: 'Segundo sobrenome',
      nameHint: 'Escreva pelo menos o nome ou um sobrenome.',
      sex: 'Sexo',
      sexes: { female: 'Mulher', male: 'Homem', other: 'Outro' },
      age: 'Idade aproximada',
      ageHint: 'Em anos. Por exemplo: 25.',
      birthDate: 'Data de nascimento',
      nationality: 'Nacionalidade',
      nationalityOther: 'Outra ou não sei',
      countries: { MX: 'México', GT: 'Guatemala', HN: 'Honduras', SV: 'El Salvador', NI: 'Nicarágua', CU: 'Cuba', HT: 'Haiti', VE: 'Venezuela', CO: 'Colômbia', EC: 'Equador', US: 'Estados Unidos' },
      lastPlace: 'Último lugar onde você teve notícias da pessoa',
      lastPlaceHint: 'Um povoado, uma cidade, um abrigo ou uma travessia.',
      lastDate: 'Último dia em que você teve notícias da pessoa',
      marks: 'Como reconhecer a pessoa',
      marksHint: 'Tatuagens, cicatrizes, a roupa, como ela é.',
      story: 'Conte o que aconteceu',
      storyHint: 'Por onde viajava e o que você sabe. Não escreva nomes de pessoas aqui.',
      requesterTitle: 'Seus dados',
      requesterNote: 'Precisamos deles para dar notícias a você. Só os Grupos Beta e os escritórios que procuram vão vê-los.',
      requesterName: 'Seu nome',
      relationship: 'O que você é da pessoa que procura?',
      relationships: { parent: 'A mãe ou o pai', child: 'A filha ou o filho', spouse: 'A esposa, o marido ou o parceiro', sibling: 'A irmã ou o irmão', other_relative: 'Outro familiar', friend: 'Amiga ou amigo', organisation: 'Uma organização', other: 'Outra coisa' },
      contactHint: 'Escreva seu telefone ou seu e-mail, ou os dois.',
      consent: 'Aceito que os Grupos Beta e os escritórios que procuram me liguem ou me escrevam sobre esta busca.',
      consentShort: 'Sua autorização para contato',
      errSoughtName: 'Escreva o nome ou um sobrenome da pessoa.',
      errAge: 'Escreva a idade em números, de 0 a 120.',
      errRequesterName: 'Escreva seu nome.',
      errRelationship: 'Escolha o que você é da pessoa.',
      errConsent: 'Marque a caixa. Sem ela não podemos dar notícias a você.',
      send: 'Enviar a busca',
      doneTitle: 'Recebemos seu pedido de busca',
      doneCount: { one: 'Vamos procurar {n} pessoa.', other: 'Vamos procurar {n} pessoas.' },
      doneNext: 'Vamos ligar ou escrever para você se soubermos de algo.',
    },
  },
}
