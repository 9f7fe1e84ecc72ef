import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// No table here holds an identifying value in clear: identity is ciphertext, names are HMACs.

export async function up(db: Kysely<any>): Promise<void> {
  // One row per vault entry; the identity is AES-256-GCM ciphertext under the person's data key.
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_unit_path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ciphertext', 'text')
    .addColumn('present_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('blocked_at', 'text')
    .addColumn('shred_at', 'text')
    .addColumn('shredded_at', 'text')
    .execute()

  // The person's data key, wrapped by the master key. Deleting the row is the erasure.
  await db.schema
    .createTable('person_keys')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  // Keyed hashes (HMAC-SHA-256) of normalised name tokens, phonetic keys and phone digits.
  await db.schema
    .createTable('person_name_index')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('person_name_index_digest').on('person_name_index').columns(['digest', 'kind']).execute()
  await db.schema.createIndex('person_name_index_person').on('person_name_index').column('person_id').execute()

  await db.schema
    .createTable('person_links')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_links_pk', ['person_id', 'record_type', 'record_id'])
    .execute()
  await db.schema.createIndex('person_links_record').on('person_links').columns(['record_type', 'record_id']).execute()

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('recipient_class', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text')
    .addColumn('recipient_country', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('explained_in', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('consents_person').on('consents').column('person_id').execute()

  // Every disclosure asked for, allowed or not, with the rule that decided; never the data.
  await db.schema
    .createTable('disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient_class', 'text')
    .addColumn('recipient_name', 'text')
    .addColumn('recipient_country', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('legal_reference', 'text')
    .addColumn('field_sets', 'text', (c) => c.notNull())
    .addColumn('allowed', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('disclosures_person').on('disclosures').column('person_id').execute()

  await db.schema
    .createTable('rights_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_reason', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('refusal_ground', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('shred_at', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('rights_requests_status').on('rights_requests').columns(['status', 'due_at']).execute()

  await db.schema
    .createTable('oppositions')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('oppositions_pk', ['person_id', 'purpose'])
    .execute()

  // Retention bookkeeping: one row per run, with what it purged (ids only).
  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('shredded', 'integer', (c) => c.notNull())
    .addColumn('person_ids', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['retention_runs', 'oppositions', 'rights_requests', 'disclosures', 'consents', 'person_links', 'person_name_index', 'person_keys', 'people']) {
    await db.schema.dropTable(t).execute()
  }
}
