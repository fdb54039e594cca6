import type { Generated, Selectable } from 'kysely';
import type { TableColumns } from '../platform/personal-columns.ts';

/** Personal values are stored only as ciphertext (`*_ct`) and, for equality lookup, a keyed blind index. */
export interface PatientTable {
  id: string;
  patient_number: string;
  name_ct: Buffer;
  rrn_ct: Buffer | null;
  rrn_index: Buffer | null;
  foreigner_number_ct: Buffer | null;
  foreigner_number_index: Buffer | null;
  address_ct: Buffer | null;
  department: string | null;
  phone_ct: Buffer | null;
  phone_index: Buffer | null;
  registered_at: Date;
  last_entry_at: Date;
}

export interface HealthRecordTable {
  id: Generated<string>;
  patient_id: string;
  record_class: string;
  body_ct: Buffer;
  written_by: string;
  written_at: Date;
}

export interface PatientTables {
  'app.patients': PatientTable;
  'app.health_records': HealthRecordTable;
}

export type PatientRow = Selectable<PatientTable>;

export const patientColumns: {
  'app.patients': TableColumns<PatientTable>;
  'app.health_records': TableColumns<HealthRecordTable>;
} = {
  'app.patients': {
    id: null,
    patient_number: 'care.patient_number',
    name_ct: 'care.name',
    rrn_ct: 'care.rrn',
    rrn_index: 'care.rrn',
    foreigner_number_ct: 'care.foreigner_number',
    foreigner_number_index: 'care.foreigner_number',
    address_ct: 'care.address',
    department: 'care.department',
    phone_ct: 'care.phone',
    phone_index: 'care.phone',
    registered_at: null,
    last_entry_at: null,
  },
  'app.health_records': {
    id: null,
    patient_id: null,
    // The record class is the kind of record (진료기록부, 처방전…), which sets its retention period.
    record_class: null,
    body_ct: 'care.health_info',
    written_by: null,
    written_at: null,
  },
};
