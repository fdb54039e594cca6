/** A complete, valid adult sign-up form; tests change one field to see it refused. */
export function adultForm(
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const form: Record<string, string | undefined> = {
    name: '김지수',
    birthDate: '1990-04-01',
    sex: 'female',
    referralSource: 'search',
    district: 'incheon.namdong',
    loginId: `jisu${Math.random().toString(36).slice(2, 8)}`,
    password: 'Gaeul-Haneul-77',
    phone: '010-1234-5678',
    email: 'jisu@example.com',
    agreeRequired: 'on',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

export function childForm(
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  return adultForm({
    name: '박하준',
    birthDate: '2016-05-05',
    guardianName: '박서연',
    guardianContact: 'parent@example.com',
    ...overrides,
  });
}
