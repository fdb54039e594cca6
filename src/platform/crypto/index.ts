export { type BlindIndexKind, createBlindIndex } from './blind-index.ts';
export { commonPasswordCount, isCommonPassword } from './common-passwords.ts';
export {
  createFieldCipher,
  type FieldCipher,
  FieldCiphertextRejected,
  type FieldRef,
} from './fields.ts';
export { generateKeyFile, type KeyFile, readKeyFile, writeKeyFile } from './key-file.ts';
export {
  type Keyring,
  type KeyringOptions,
  keyringFromFile,
  keyringFromMasterKey,
  keyringOptions,
  type LoadedKeyring,
  loadKeyring,
} from './keyring.ts';
export { keysCommand } from './keys-command.ts';
export {
  KeyUnwrapFailed,
  type Kms,
  LocalKms,
  masterKeyIdOf,
  rotatingKms,
  UnknownMasterKey,
} from './kms.ts';
export { normalisePhone, normaliseRrn } from './normalise.ts';
export {
  hashPassword,
  PASSWORD_HASH,
  passwordNeedsRehash,
  passwordProblems,
  verifyPassword,
} from './passwords.ts';
export {
  type RotationProgress,
  type RotationResult,
  rotateMasterKey,
  subjectKeyCounts,
} from './rotate.ts';
export {
  createSubjectKeys,
  DEFAULT_KEY_CACHE,
  destroySubjectKey,
  type Executor,
  type SubjectKeyCacheOptions,
  SubjectKeyDestroyed,
  type SubjectKeys,
} from './subject-keys.ts';
export {
  type CryptoTables,
  cryptoColumns,
  type SubjectKeyRow,
  type SubjectKeyTable,
} from './tables.ts';
