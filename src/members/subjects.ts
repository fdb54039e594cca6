import type { FieldCipher } from '../platform/crypto/fields.ts';

/** The subject whose data key encrypts every value of a member: shredding it destroys them all. */
export const memberSubject = (memberId: string) => `member:${memberId}`;

/** A guardian's name and contact are their own subject, destroyed with the request they serve. */
export const guardianSubject = (requestId: string) => `guardian:${requestId}`;

/** The keyed hash a login ID is looked up, kept and refused by; the ID itself is never compared in clear. */
export function loginIdIndex(cipher: FieldCipher, loginId: string): Buffer {
  return cipher.blindIndex('member_login_id', loginId.trim().toLowerCase());
}

/** 만 나이 on a Korean calendar date: whole years from the birth date to `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}
