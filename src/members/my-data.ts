import type { L10n } from '../platform/i18n.ts';
import type { PolicyDeclaration } from '../policy/declaration.ts';
import { findItem, findPurpose, findRetentionRule } from '../policy/lookup.ts';
import { type ActingContext, type MemberDeps, memberContext, policyInForce } from './deps.ts';
import { guardianCategories, membershipCategories } from './destruction.ts';
import type { ConsentRecord } from './ports.ts';
import type { CorrectionInput } from './schema.ts';
import { guardianSubject, memberSubject } from './subjects.ts';

/** One item held about the member, as the declaration in force describes it. */
export interface HeldItem {
  itemId: string;
  label: L10n;
  /** The stored value; absent for the password, which is kept only as a one-way hash. */
  value?: string;
  purposes: L10n[];
  retention: L10n;
}

export interface MyData {
  memberId: string;
  status: string;
  memberSince: string;
  policyVersion: { id: string; label: string };
  items: HeldItem[];
  consents: ConsentRecord[];
  consentHistory: ConsentRecord[];
}

/** The member's own items are read under the rights purpose, which reaches all of them (법 제35조). */
const RIGHTS = 'rights_requests';

const columnOf: Record<string, string> = {
  'membership.name': 'name_ct',
  'membership.birth_date': 'birth_date_ct',
  'membership.gender': 'sex_ct',
  'membership.referral_source': 'referral_source_ct',
  'membership.district': 'district_ct',
  'membership.login_id': 'login_id_ct',
  'membership.phone': 'phone_ct',
  'membership.email': 'email_ct',
};

function retentionText(decl: PolicyDeclaration, ruleId: string): L10n {
  const rule = findRetentionRule(decl, ruleId);
  if (!rule) return { ko: ruleId, en: ruleId };
  switch (rule.kind) {
    case 'until_event':
      return {
        ko: `${rule.label.ko}: 탈퇴 시 즉시 파기`,
        en: `${rule.label.en}: destroyed as soon as you leave`,
      };
    case 'permanent':
      return {
        ko: `${rule.label.ko}: 탈퇴 후에도 분리 보관 (${rule.reason.ko}), 다른 정보 없이 암호화된 해시로만`,
        en: `${rule.label.en}: kept apart after you leave (${rule.reason.en}), only as a keyed hash`,
      };
    default:
      return rule.label;
  }
}

function describe(decl: PolicyDeclaration, itemId: string, value?: string): HeldItem {
  const item = findItem(decl, itemId);
  return {
    itemId,
    label: item?.label ?? { ko: itemId, en: itemId },
    ...(value !== undefined ? { value } : {}),
    purposes: (item?.purposeIds ?? []).map((id) => {
      const found = findPurpose(decl, id);
      return found?.use?.label ?? found?.purpose.heading ?? { ko: id, en: id };
    }),
    retention: item ? retentionText(decl, item.retentionRuleId) : { ko: '', en: '' },
  };
}

/** 열람: every item held about me, with purpose and retention, and my consents; one access-log line. */
export async function readMyData(
  deps: MemberDeps,
  memberId: string,
  /** The child's verified guardian reads it under their own name. */
  by: ActingContext = memberContext(memberId, RIGHTS),
): Promise<MyData> {
  const policy = await policyInForce(deps);
  const decl = policy.declaration;
  const subject = memberSubject(memberId);
  return deps.door.read(
    { ...by, purpose: RIGHTS },
    {
      action: 'read',
      items: [...membershipCategories, ...guardianCategories],
      subjectIds: [subject],
    },
    async (db) => {
      // The member, a child's guardian request and the consents in one read: every round trip
      // is paid by every view.
      const row = await db
        .selectFrom('app.members as m')
        .leftJoin('app.guardian_requests as g', 'g.member_id', 'm.id')
        .selectAll('m')
        .select(['g.id as guardian_request_id', 'g.guardian_name_ct', 'g.guardian_contact_ct'])
        .select(deps.consents.recordColumns(subject))
        .where('m.id', '=', memberId)
        .executeTakeFirstOrThrow();
      const dec = (column: string, value: Buffer | null) =>
        value
          ? deps.cipher.decrypt(
              subject,
              { table: 'app.members', column, rowId: memberId },
              value,
              db,
            )
          : Promise.resolve(undefined);
      const items: HeldItem[] = [];
      for (const itemId of membershipCategories) {
        const column = columnOf[itemId];
        if (column) {
          items.push(
            describe(
              decl,
              itemId,
              await dec(column, row[column as keyof typeof row] as Buffer | null),
            ),
          );
        } else if (itemId === 'membership.password') {
          items.push(describe(decl, itemId));
        }
      }
      const { standing: consents, history } = deps.consents.recordsFrom(row);
      for (const [itemId, channel] of [
        ['membership.sms_opt_in', 'sms'],
        ['membership.email_opt_in', 'email'],
      ] as const) {
        const given = consents.some((c) => c.kind === `marketing_${channel}` && c.granted);
        items.push(describe(decl, itemId, given ? 'yes' : 'no'));
      }
      const requestId = row.guardian_request_id;
      if (requestId && row.guardian_name_ct && row.guardian_contact_ct) {
        const gs = guardianSubject(requestId);
        const ref = (column: string) => ({
          table: 'app.guardian_requests',
          column,
          rowId: requestId,
        });
        items.push(
          describe(
            decl,
            'child_guardian.name',
            await deps.cipher.decrypt(gs, ref('guardian_name_ct'), row.guardian_name_ct, db),
          ),
          describe(
            decl,
            'child_guardian.contact',
            await deps.cipher.decrypt(gs, ref('guardian_contact_ct'), row.guardian_contact_ct, db),
          ),
        );
      }
      return {
        value: {
          memberId,
          status: row.status,
          memberSince: row.created_at.toISOString(),
          policyVersion: { id: policy.id, label: policy.label },
          items,
          consents,
          consentHistory: history,
        },
        subjectIds: requestId ? [subject, guardianSubject(requestId)] : [subject],
      };
    },
  );
}

const correctable: [keyof CorrectionInput, string, string][] = [
  ['name', 'membership.name', 'name_ct'],
  ['sex', 'membership.gender', 'sex_ct'],
  ['referralSource', 'membership.referral_source', 'referral_source_ct'],
  ['district', 'membership.district', 'district_ct'],
  ['phone', 'membership.phone', 'phone_ct'],
  ['email', 'membership.email', 'email_ct'],
];

/** 정정 (법 제36조): the access-log line records which items were corrected, never the values. */
export async function correctMyData(
  deps: MemberDeps,
  memberId: string,
  input: CorrectionInput,
  by: ActingContext = memberContext(memberId, RIGHTS),
): Promise<{ corrected: string[] }> {
  const changes = correctable.filter(([field]) => input[field] !== undefined);
  if (changes.length === 0) return { corrected: [] };
  const subject = memberSubject(memberId);
  const items = changes.map(([, item]) => item);
  return deps.door.open(
    { ...by, purpose: RIGHTS },
    { action: 'update', items, subjectIds: [subject] },
    async (trx) => {
      const set: Record<string, Buffer | Date> = { updated_at: deps.clock.now() };
      for (const [field, , column] of changes) {
        const value = input[field] as string;
        set[column] = await deps.cipher.encrypt(
          subject,
          { table: 'app.members', column, rowId: memberId },
          value,
          trx,
        );
        if (field === 'phone') set.phone_index = deps.cipher.blindIndex('phone', value);
        if (field === 'email') set.email_index = deps.cipher.blindIndex('member_email', value);
      }
      await trx.updateTable('app.members').set(set).where('id', '=', memberId).execute();
      return { value: { corrected: items } };
    },
  );
}
