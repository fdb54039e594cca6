import type { Lang } from '../platform/i18n.ts';

/** The words of the guardian's access to a child's data, Korean first. */
const ko = {
  title: '법정대리인의 자녀 정보 열람·정정·삭제',
  lead: '만 14세 미만 자녀의 회원정보를 보시려면, 자녀의 아이디를 입력하세요. 가입 때 등록된 보호자 연락처로 확인 코드를 보냅니다.',
  childLoginId: '자녀의 아이디',
  sendCode: '확인 코드 받기',
  codeSent: '등록된 보호자 연락처가 있으면 확인 코드를 보냈습니다. 10분 안에 아래에 입력하세요.',
  code: '확인 코드 (10자리)',
  verify: '확인',
  childTitle: '자녀의 회원정보',
  childLead:
    '법정대리인으로서 보고 계십니다. 이 화면은 15분 뒤 닫히며, 볼 때마다 접속기록이 남습니다.',
  corrected: '자녀의 정보를 정정했습니다.',
  deleteTitle: '자녀의 회원 탈퇴 (정보 삭제)',
  deleteLead:
    '자녀의 회원정보가 즉시 파기됩니다 (복구할 수 없습니다). 아이디는 다시 쓰이지 않도록 해시로만 남습니다.',
  deleteConfirm: '자녀의 회원정보 삭제에 동의합니다',
  deleteButton: '삭제하기',
  deleted: '자녀의 회원정보를 파기했습니다.',
  mustConfirm: '삭제에 동의하는지 확인해 주세요',
};

const en: typeof ko = {
  title: "A legal guardian sees, corrects or deletes their child's data",
  lead: "To see the membership data of your child under 14, enter your child's login ID. We send a code to the guardian contact given at sign-up.",
  childLoginId: "Your child's login ID",
  sendCode: 'Send me a code',
  codeSent:
    'If a guardian contact is on record, we have sent it a code. Enter it below within 10 minutes.',
  code: 'Code (10 digits)',
  verify: 'Confirm',
  childTitle: "Your child's membership data",
  childLead:
    'You are seeing this as legal guardian. The page closes after 15 minutes; each view is recorded in the access log.',
  corrected: "Your child's data is corrected.",
  deleteTitle: "Close your child's membership (delete the data)",
  deleteLead:
    "Your child's membership data is destroyed at once and cannot be recovered. The login ID stays only as a hash, so it is never reused.",
  deleteConfirm: "I agree to delete my child's membership data",
  deleteButton: 'Delete',
  deleted: "Your child's membership data has been destroyed.",
  mustConfirm: 'Please confirm that you want the data deleted',
};

export const guardianAccessText: Record<Lang, typeof ko> = { ko, en };
