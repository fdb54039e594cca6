import type { Generated, Selectable } from 'kysely';
import type { TableColumns } from '../platform/personal-columns.ts';

export const consentKinds = [
  'membership_terms',
  'marketing_sms',
  'marketing_email',
  'guardian_consent',
  'cookies_optional',
] as const;
export type ConsentKind = (typeof consentKinds)[number];

/** Where the person made the choice. `system` is only for reminders the job sends. */
export const consentChannels = ['web', 'app', 'desk'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

/** The standing choice per subject and kind. */
export interface ConsentTable {
  subject_id: string;
  kind: ConsentKind;
  granted: boolean;
  policy_version_id: string;
  channel: ConsentChannel;
  at: Date;
  actor: string;
  /** When the standing grant was given; the 2-year reminders count from it. */
  granted_since: Date | null;
  /** Marketing consents only: when the next reminder is due. */
  next_reminder_at: Date | null;
}

/** Every choice and every reminder, in order; append-only. */
export interface ConsentEventTable {
  seq: Generated<string>;
  subject_id: string;
  kind: ConsentKind;
  event: 'choice' | 'reminder';
  granted: boolean;
  policy_version_id: string;
  channel: ConsentChannel | 'system';
  at: Date;
  actor: string;
}

/** A cookie banner choice, as proof of what a browser agreed to. */
export interface CookieChoiceTable {
  id: Generated<string>;
  visitor_id: string;
  categories: Record<string, boolean>;
  policy_version_id: string;
  at: Date;
}

export interface ConsentTables {
  'app.consents': ConsentTable;
  'app.consent_events': ConsentEventTable;
  'app.cookie_choices': CookieChoiceTable;
}

export type ConsentRow = Selectable<ConsentTable>;
export type ConsentEventRow = Selectable<ConsentEventTable>;

// Consent records hold opaque ids, kinds, versions and times: proof of a
// person's choices, with no personal value in them. The marketing opt-ins they
// record are the declared items membership.sms_opt_in / membership.email_opt_in,
// but one column holds every kind, so the item is named by `kind`, not here.
export const consentColumns: {
  'app.consents': TableColumns<ConsentTable>;
  'app.consent_events': TableColumns<ConsentEventTable>;
  'app.cookie_choices': TableColumns<CookieChoiceTable>;
} = {
  'app.consents': {
    subject_id: null,
    kind: null,
    granted: null,
    policy_version_id: null,
    channel: null,
    at: null,
    actor: null,
    granted_since: null,
    next_reminder_at: null,
  },
  'app.consent_events': {
    seq: null,
    subject_id: null,
    kind: null,
    event: null,
    granted: null,
    policy_version_id: null,
    channel: null,
    at: null,
    actor: null,
  },
  'app.cookie_choices': {
    id: null,
    // A random id from the banner's own cookie; it names a browser, not a person.
    visitor_id: null,
    categories: null,
    policy_version_id: null,
    at: null,
  },
};
