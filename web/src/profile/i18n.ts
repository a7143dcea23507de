export const ko = {
  title: '내 정보',
  account: '계정',
  email: '이메일',
  username: '아이디',
  role: '역할',
  details: {
    title: '개인 정보',
    name: '이름',
    phone: '전화번호 (선택)',
    birthDate: '생년월일 (선택, YYYY-MM-DD)',
    saved: '개인 정보를 저장했습니다.',
  },
  password: {
    title: '비밀번호 바꾸기',
    current: '현재 비밀번호',
    next: '새 비밀번호',
    submit: '비밀번호 바꾸기',
    done: '비밀번호를 바꿨습니다. 다른 기기에서는 로그아웃되었습니다.',
  },
  sessions: {
    title: '로그아웃',
    signOut: '이 기기에서 로그아웃',
    everywhere: '모든 기기에서 로그아웃',
    everywhereHint: '휴대전화를 잃어버렸거나 공용 컴퓨터에서 로그인했다면 모든 기기에서 로그아웃하세요.',
  },
  leave: {
    title: '회사 떠나기',
    hint: '회사를 떠나면 회사가 제공한 과정을 더 이상 학습할 수 없습니다. 수료증은 남습니다.',
    button: '회사 떠나기',
    confirm: '정말 회사를 떠나시겠습니까? 되돌릴 수 없습니다.',
  },
};

export const en: typeof ko = {
  title: 'Profile',
  account: 'Account',
  email: 'Email',
  username: 'Username',
  role: 'Role',
  details: {
    title: 'Personal details',
    name: 'Name',
    phone: 'Phone (optional)',
    birthDate: 'Date of birth (optional, YYYY-MM-DD)',
    saved: 'Your details were saved.',
  },
  password: {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    submit: 'Change password',
    done: 'Your password was changed. Other devices were signed out.',
  },
  sessions: {
    title: 'Sign out',
    signOut: 'Sign out on this device',
    everywhere: 'Sign out everywhere',
    everywhereHint: 'Lost a phone or signed in on a shared computer? Sign out on every device.',
  },
  leave: {
    title: 'Leave the company',
    hint: 'After leaving you can no longer study the courses your company provided. Your certificates stay.',
    button: 'Leave the company',
    confirm: 'Do you really want to leave the company? This cannot be undone.',
  },
};
