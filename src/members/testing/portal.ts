import assert from 'node:assert/strict';
import { openMailingTestSystem } from '../../../test/mailing-system.ts';
import { StaffClient } from '../../access/testing/staff-client.ts';
import { loginIdIndex } from '../subjects.ts';
import { adultForm } from './member-form.ts';

/** The whole system, a local SMTP server the outbox delivers to, and a browser per member. */
export async function openPortalTestbed() {
  const bed = await openMailingTestSystem();
  const { system, db, cipher, deliver, mailsTo } = bed;
  const browser = () => new StaffClient(system.app);

  /** Decrypted text of the newest outbox message of a template, to read a code out of it. */
  async function latestMessage(template: string): Promise<string> {
    const row = await db
      .selectFrom('app.outbox')
      .select(['id', 'recipient_subject_id', 'content_ct'])
      .where('template', '=', template)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return cipher.decrypt(
      row.recipient_subject_id,
      { table: 'app.outbox', column: 'content_ct', rowId: row.id },
      row.content_ct,
    );
  }

  /** An adult member signed up and signed in through the pages; returns the browser and their id. */
  async function signedInMember(overrides: Record<string, string | undefined> = {}) {
    const form = adultForm(overrides);
    const member = browser();
    const signUp = await member.post('/signup', form);
    if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status}`);
    const signIn = await member.post('/login', {
      loginId: form.loginId ?? '',
      password: form.password ?? '',
    });
    if (signIn.status !== 303) throw new Error(`sign-in failed: ${signIn.status}`);
    const row = await db
      .selectFrom('app.members')
      .select('id')
      .where('login_id_index', '=', loginIdIndex(cipher, form.loginId ?? ''))
      .executeTakeFirstOrThrow();
    return { member, memberId: row.id, form };
  }

  /** Whether the membership is still there, not destroyed. */
  async function memberExists(memberId: string): Promise<boolean> {
    const row = await db
      .selectFrom('app.members')
      .select('id')
      .where('id', '=', memberId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** How many messages the outbox holds, to see that nothing was sent. */
  async function outboxSize(): Promise<number> {
    return (await db.selectFrom('app.outbox').select('id').execute()).length;
  }

  /** Runs `act` between two deliveries; the text of the one mail it sent to the address. */
  async function newMailTo(address: string, act: () => Promise<void>, message?: string) {
    await deliver();
    const before = mailsTo(address).length;
    await act();
    await deliver();
    const mails = mailsTo(address);
    assert.equal(mails.length, before + 1, message);
    return mails.at(-1)?.text ?? '';
  }

  return {
    ...bed,
    browser,
    latestMessage,
    signedInMember,
    memberExists,
    outboxSize,
    newMailTo,
  };
}
