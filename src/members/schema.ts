import { z } from '@hono/zod-openapi';
import { normalisePhone } from '../platform/crypto/normalise.ts';
import { passwordProblems } from '../platform/crypto/passwords.ts';
import { bilingual } from '../platform/errors.ts';
import { districtIds } from './districts.ts';

// One script per name: 김지수, 남궁 민 / Jane O'Neil-Smith. Mixed scripts, digits and symbols are refused.
const koreanName = /^[가-힣]+( [가-힣]+)*$/;
const latinName = /^[A-Za-z]+([ .'-] ?[A-Za-z]+)*\.?$/;

const personName = (ko: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, bilingual(`${ko}을 입력하세요`, `Enter ${en}`))
    .max(50, bilingual(`${ko}은 50자 이내로 입력하세요`, `${en} is at most 50 characters`))
    .refine(
      (v) => koreanName.test(v) || latinName.test(v),
      bilingual(
        `${ko}은 한글 또는 영문으로만 입력하세요 (숫자·기호 불가)`,
        `Write ${en} in Hangul or Latin letters only (no digits or symbols)`,
      ),
    );

const mobileOrLandline = /^(01[016789]\d{7,8}|0[2-6]\d{7,9})$/;
const phoneMessage = bilingual(
  '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, +82 10-1234-5678)',
  'Not a valid Korean phone number (e.g. 010-1234-5678, +82 10-1234-5678)',
);

/** Any of 010-1234-5678, 01012345678, +82 10 1234 5678; stored as dialled at home (01012345678). */
export const phoneSchema = z
  .string()
  .trim()
  .min(1, bilingual('전화번호를 입력하세요', 'Enter a phone number'))
  .transform((value, ctx) => {
    try {
      const digits = normalisePhone(value);
      if (mobileOrLandline.test(digits)) return digits;
    } catch {
      // reported below, without the value
    }
    ctx.addIssue({ code: 'custom', message: phoneMessage });
    return z.NEVER;
  })
  .openapi({ type: 'string', example: '010-1234-5678' });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, bilingual('이메일이 너무 깁니다', 'The e-mail address is too long'))
  .pipe(
    z.email(
      bilingual(
        '이메일 형식이 올바르지 않습니다 (예: name@example.com)',
        'Not a valid e-mail address',
      ),
    ),
  )
  .openapi({ type: 'string', example: 'name@example.com' });

export const loginIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z][a-z0-9_]{4,19}$/,
    bilingual(
      '아이디는 영문 소문자로 시작하는 5~20자의 영문·숫자·밑줄(_)입니다',
      'A login ID has 5–20 letters, digits or underscores and starts with a letter',
    ),
  );

/** YYYY-MM-DD, a real date from 1900 on; "not in the future" needs the clock and is checked by the service. */
export const birthDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('생년월일은 YYYY-MM-DD 형식입니다', 'Use YYYY-MM-DD'))
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    bilingual('존재하지 않는 날짜입니다', 'No such date'),
  )
  .refine(
    (v) => v >= '1900-01-01',
    bilingual('1900년 이후 날짜를 입력하세요', 'Enter a date from 1900 on'),
  );

export const sexes = ['female', 'male'] as const;
export const referralSources = [
  'search',
  'sns',
  'acquaintance',
  'advertisement',
  'passing_by',
  'other',
] as const;

const choice = <T extends readonly [string, ...string[]]>(values: T, ko: string, en: string) =>
  z.enum(values, { error: bilingual(`${ko}을 고르세요`, `Choose ${en}`) });

/** An unticked checkbox is absent from a form; a ticked one arrives as "on". */
const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true')
  .openapi({ type: 'boolean' });

const passwordField = z
  .string()
  .min(1, bilingual('비밀번호를 입력하세요', 'Enter a password'))
  .max(128, bilingual('비밀번호는 128자 이하입니다', 'At most 128 characters'));

/** 홈페이지 회원 가입 시: exactly the declared items, and the two separate marketing choices. */
const memberFields = {
  name: personName('이름', 'your name'),
  birthDate: birthDateSchema,
  sex: choice(sexes, '성별', 'your sex'),
  referralSource: choice(referralSources, '유입경로', 'how you found us'),
  district: choice(districtIds, '사는 지역구', 'your district'),
  loginId: loginIdSchema,
  password: passwordField,
  phone: phoneSchema,
  email: emailSchema,
  smsOptIn: checkbox,
  emailOptIn: checkbox,
  /** The consent to the required items and purposes shown on the form. */
  agreeRequired: checkbox.refine(
    (v) => v,
    bilingual(
      '필수 항목 수집·이용에 동의해야 가입할 수 있습니다',
      'Consent to the required items is needed to sign up',
    ),
  ),
};

function strongPassword<T extends { password: string; loginId: string; name: string }>(
  input: T,
  ctx: z.core.$RefinementCtx<T>,
) {
  for (const problem of passwordProblems(input.password, {
    loginId: input.loginId,
    name: input.name,
  })) {
    ctx.addIssue({
      code: 'custom',
      path: ['password'],
      message: bilingual(problem.ko, problem.en),
    });
  }
}

export const signUpSchema = z
  .object(memberFields)
  .superRefine(strongPassword)
  .openapi('MemberSignUp');
export type SignUpInput = z.infer<typeof signUpSchema>;

const guardianContact = z
  .string()
  .trim()
  .min(1, bilingual('법정대리인 연락처를 입력하세요', "Enter the guardian's contact"))
  .transform((value, ctx) => {
    if (value.includes('@')) {
      const email = emailSchema.safeParse(value);
      if (email.success) return { channel: 'email' as const, address: email.data };
    } else {
      const phone = phoneSchema.safeParse(value);
      if (phone.success && phone.data.startsWith('01'))
        return { channel: 'sms' as const, address: phone.data };
    }
    ctx.addIssue({
      code: 'custom',
      message: bilingual(
        '법정대리인의 휴대전화 번호나 이메일을 입력하세요',
        "Enter the guardian's mobile number or e-mail address",
      ),
    });
    return z.NEVER;
  })
  .openapi({ type: 'string', description: 'Mobile number or e-mail address' });

/** 만 14세 미만 아동의 회원 가입: the child's items plus only the guardian's name and contact. */
export const childSignUpSchema = z
  .object({
    ...memberFields,
    guardianName: personName('법정대리인 성명', "the guardian's name"),
    guardianContact,
  })
  .superRefine(strongPassword)
  .openapi('ChildSignUp');
export type ChildSignUpInput = z.infer<typeof childSignUpSchema>;

/** A ten-digit code as received: spaces and the dash a message shows are dropped. */
const tenDigitCode = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(
        /^\d{10}$/,
        bilingual('받으신 10자리 숫자 코드를 입력하세요', 'Enter the 10-digit code you received'),
      ),
  )
  .openapi({ type: 'string', example: '12345-67890' });

export const guardianConfirmSchema = z
  .object({ code: tenDigitCode })
  .openapi('GuardianConfirmation');

/** A login ID as typed at sign-in; sign-up's rules decide which IDs exist at all. */
const typedLoginId = z.string().trim().toLowerCase().min(1).max(40);

export const signInSchema = z
  .object({
    loginId: typedLoginId,
    password: z.string().min(1).max(128),
  })
  .openapi('MemberSignIn');

/** The front desk unlocks a member's account, named by its login ID. */
export const memberUnlockSchema = z.object({ loginId: typedLoginId }).openapi('MemberUnlock');

/** 정정: the items a member may correct themselves; the login ID and birth date are fixed. */
export const correctionSchema = z
  .object({
    name: memberFields.name.optional(),
    sex: memberFields.sex.optional(),
    referralSource: memberFields.referralSource.optional(),
    district: memberFields.district.optional(),
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
  })
  .openapi('MemberCorrection');
export type CorrectionInput = z.infer<typeof correctionSchema>;

export const withdrawSchema = z.object({ password: passwordField }).openapi('MemberWithdrawal');

export const marketingChannels = ['sms', 'email'] as const;

const optInField = z
  .union([z.boolean(), z.enum(['on', 'off', 'true', 'false'])], {
    error: bilingual('동의 여부를 고르세요', 'Choose on or off'),
  })
  .transform((v) => v === true || v === 'on' || v === 'true')
  .openapi({ type: 'boolean' });

export const marketingChannelSchema = z.enum(marketingChannels, {
  error: bilingual('수신 방법을 고르세요', 'Choose a channel'),
});

/** The API names the channel in the path; the body is the choice. */
export const marketingOptInSchema = z.object({ optIn: optInField }).openapi('MarketingOptIn');

/** One marketing channel turned on or off; a form sends "on"/"off", the API a boolean. */
export const marketingChoiceSchema = z
  .object({ channel: marketingChannelSchema, optIn: optInField })
  .openapi('MarketingChoice');
export type MarketingChoiceInput = z.infer<typeof marketingChoiceSchema>;

export const guardianCodeRequestSchema = z
  .object({ loginId: loginIdSchema })
  .openapi('GuardianCodeRequest');
export const guardianCodeSchema = z
  .object({
    loginId: loginIdSchema,
    code: tenDigitCode,
  })
  .openapi('GuardianCode');
/** A form's checkbox sends "on", the API `true`. */
export const guardianDeleteSchema = z
  .object({
    confirm: z.union([z.literal('on'), z.literal(true)], {
      error: bilingual('삭제에 동의하는지 확인해 주세요', 'Please confirm the deletion'),
    }),
  })
  .openapi('GuardianDeletion');

/** 비밀번호 재설정, step one: where the code goes (the contact on record, by channel). */
export const passwordResetRequestSchema = z
  .object({ loginId: typedLoginId, channel: marketingChannelSchema })
  .openapi('PasswordResetRequest');

/** Step two: the code received and the new password (the sign-up rules; checked with the name). */
export const passwordResetSchema = z
  .object({ loginId: typedLoginId, code: tenDigitCode, password: z.string().min(1).max(128) })
  .openapi('PasswordReset');
