import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { AccessContext, PersonalDataDoor } from '../access/personal-data.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import { normalisePhone, normaliseRrn } from '../platform/crypto/normalise.ts';
import type { Database } from '../platform/database.ts';
import { Conflict, NotFound } from '../platform/errors.ts';
import type { HealthRecordInput, RegisterPatientInput } from './schema.ts';

export interface PatientDeps {
  door: PersonalDataDoor;
  cipher: FieldCipher;
  clock: Clock;
}

/** The subject whose data key encrypts every value of this patient: shredding it destroys them all. */
export const patientSubject = (patientId: string) => `patient:${patientId}`;

const patientNotFound = { ko: '환자를 찾을 수 없습니다', en: 'No such patient' };

export async function registerPatient(
  deps: PatientDeps,
  context: AccessContext,
  input: RegisterPatientInput,
) {
  const id = randomUUID();
  const subject = patientSubject(id);
  const rrn = input.rrn ? normaliseRrn(input.rrn) : null;
  const foreigner = input.foreignerNumber ? normaliseRrn(input.foreignerNumber) : null;
  const phone = normalisePhone(input.phone);
  const items = [
    'care.patient_number',
    'care.name',
    rrn ? 'care.rrn' : 'care.foreigner_number',
    'care.address',
    'care.department',
    'care.phone',
  ];
  const rrnIndex = rrn ? deps.cipher.blindIndex('rrn', rrn) : null;
  const foreignerIndex = foreigner ? deps.cipher.blindIndex('foreigner_number', foreigner) : null;

  return deps.door.open(
    context,
    { action: 'create', items, subjectIds: [subject] },
    async (trx) => {
      const taken = await trx
        .selectFrom('app.patients')
        .select('id')
        .where((eb) =>
          eb.or([
            ...(rrnIndex ? [eb('rrn_index', '=', rrnIndex)] : []),
            ...(foreignerIndex ? [eb('foreigner_number_index', '=', foreignerIndex)] : []),
          ]),
        )
        .executeTakeFirst();
      if (taken) {
        throw Conflict('patient-already-registered', {
          ko: '이미 등록된 환자입니다',
          en: 'This patient is already registered',
        });
      }
      const ref = (column: string) => ({ table: 'app.patients', column, rowId: id });
      const enc = (column: string, value: string) =>
        deps.cipher.encrypt(subject, ref(column), value, trx);
      const now = deps.clock.now();
      const { seq } = await sql<{
        seq: number;
      }>`select nextval('app.patient_number_seq')::int as seq`
        .execute(trx)
        .then((r) => r.rows[0] ?? { seq: 0 });
      const patientNumber = `${String(now.getUTCFullYear()).slice(2)}${String(seq).padStart(7, '0')}`;
      await trx
        .insertInto('app.patients')
        .values({
          id,
          patient_number: patientNumber,
          name_ct: await enc('name_ct', input.name),
          rrn_ct: rrn ? await enc('rrn_ct', rrn) : null,
          rrn_index: rrnIndex,
          foreigner_number_ct: foreigner ? await enc('foreigner_number_ct', foreigner) : null,
          foreigner_number_index: foreignerIndex,
          address_ct: await enc('address_ct', input.address),
          department: input.department,
          phone_ct: await enc('phone_ct', phone),
          phone_index: deps.cipher.blindIndex('phone', phone),
          registered_at: now,
          last_entry_at: now,
        })
        .execute();
      return { value: { id, patientNumber } };
    },
  );
}

/** Finds the one patient with this RRN through its blind index; the RRN itself is never compared in clear. */
export async function lookupPatientByRrn(
  deps: PatientDeps,
  context: AccessContext,
  rrnInput: string,
) {
  const index = deps.cipher.blindIndex('rrn', normaliseRrn(rrnInput));
  return deps.door.open(
    context,
    { action: 'search', items: ['care.patient_number', 'care.name'], searchFields: ['rrn'] },
    async (trx) => {
      const rows = await trx
        .selectFrom('app.patients')
        .select(['id', 'patient_number', 'name_ct'])
        .where('rrn_index', '=', index)
        .execute();
      const found = await Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          patientNumber: row.patient_number,
          name: await deps.cipher.decrypt(
            patientSubject(row.id),
            { table: 'app.patients', column: 'name_ct', rowId: row.id },
            row.name_ct,
            trx,
          ),
        })),
      );
      return {
        value: found,
        subjectIds: found.map((p) => patientSubject(p.id)),
        resultCount: found.length,
      };
    },
  );
}

async function requirePatient(trx: Transaction<Database>, patientId: string): Promise<void> {
  const patient = await trx
    .selectFrom('app.patients')
    .select('id')
    .where('id', '=', patientId)
    .executeTakeFirst();
  if (!patient) throw NotFound('patient-not-found', patientNotFound);
}

export async function readHealthRecords(
  deps: PatientDeps,
  context: AccessContext,
  patientId: string,
) {
  const subject = patientSubject(patientId);
  return deps.door.open(
    context,
    { action: 'read', items: ['care.health_info'], subjectIds: [subject] },
    async (trx) => {
      await requirePatient(trx, patientId);
      const rows = await trx
        .selectFrom('app.health_records')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('written_at', 'desc')
        .execute();
      const records = await Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          recordClass: row.record_class,
          body: await deps.cipher.decrypt(
            subject,
            { table: 'app.health_records', column: 'body_ct', rowId: row.id },
            row.body_ct,
            trx,
          ),
          writtenBy: row.written_by,
          writtenAt: row.written_at.toISOString(),
        })),
      );
      return { value: records, resultCount: records.length };
    },
  );
}

export async function addHealthRecord(
  deps: PatientDeps,
  context: AccessContext,
  patientId: string,
  input: HealthRecordInput,
) {
  const subject = patientSubject(patientId);
  return deps.door.open(
    context,
    { action: 'create', items: ['care.health_info'], subjectIds: [subject] },
    async (trx) => {
      await requirePatient(trx, patientId);
      const id = randomUUID();
      const now = deps.clock.now();
      await trx
        .insertInto('app.health_records')
        .values({
          id,
          patient_id: patientId,
          record_class: input.recordClass,
          body_ct: await deps.cipher.encrypt(
            subject,
            { table: 'app.health_records', column: 'body_ct', rowId: id },
            input.body,
            trx,
          ),
          written_by: context.actor.id,
          written_at: now,
        })
        .execute();
      // Retention of medical records runs from the last entry (의료법 시행규칙 제15조, LEGAL.md).
      await trx
        .updateTable('app.patients')
        .set({ last_entry_at: now })
        .where('id', '=', patientId)
        .execute();
      return { value: { id } };
    },
  );
}
