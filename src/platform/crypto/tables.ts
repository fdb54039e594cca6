import type { Selectable } from 'kysely';
import type { TableColumns } from '../personal-columns.ts';

/** One data key per data subject, wrapped by the master key; deleting it shreds the subject. */
export interface SubjectKeyTable {
  subject_id: string;
  wrapped_key: Buffer;
  master_key_id: string;
  created_at: Date;
  rotated_at: Date | null;
}

export interface CryptoTables {
  'app.subject_keys': SubjectKeyTable;
}

export type SubjectKeyRow = Selectable<SubjectKeyTable>;

/**
 * subject_id is the same opaque id as the subject's own row key (a member's or
 * patient's id): it says that someone has a key, nothing about who they are,
 * and it is deleted with the key when the subject is destroyed. The wrapped key
 * is key material, useless without the master key.
 */
export const cryptoColumns: { 'app.subject_keys': TableColumns<SubjectKeyTable> } = {
  'app.subject_keys': {
    subject_id: null,
    wrapped_key: null,
    master_key_id: null,
    created_at: null,
    rotated_at: null,
  },
};
