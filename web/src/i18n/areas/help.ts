/**
 * Messages of 도움말 (web/src/pages/help/): what each role does in the system, step by step, Korean
 * and English side by side. The English object must have exactly the Korean keys (the type checker
 * enforces it); i18n/ko.ts and en.ts mount them under `m.help`. The steps' order and links are in
 * pages/help/guide.ts.
 */
import type { Widen } from '../widen';

export const helpKo = {
  nav: '도움말',
  title: '도움말 · 역할별 할 일',
  intro:
    '역할마다 이 시스템에서 하는 일을 순서대로 적었습니다. 단계의 링크를 누르면 그 일을 하는 화면으로 갑니다. 내 역할이 맨 위에 있습니다.',
  mine: '내 역할',
  otherRoles: '다른 역할',
  stepsOf: '{role}의 할 일',
  open: '{page} 열기',
  demo: {
    title: '데모 계정으로 둘러보기',
    intro:
      '데모 자료로 실행 중입니다. 역할을 고르면 아이디와 비밀번호({password})가 채워지고, 로그인을 누르면 그 역할로 들어갑니다. 로그인한 뒤 메뉴의 도움말에서 역할별 할 일을 볼 수 있습니다.',
    introOwnPassword:
      '데모 자료로 실행 중입니다. 역할을 고르면 아이디가 채워집니다. 비밀번호는 운영자가 정한 데모 비밀번호(BSC_DEMO_PASSWORD)입니다.',
    department: '부서',
  },
  yearNote: '화면은 머리글에서 고른 연도({year}년)의 계획을 보여 줍니다. 연도를 바꾸면 모든 화면이 그 연도로 바뀝니다.',
  roles: {
    department_staff: '부서의 성과지표 실적을 기간마다 입력하고 증빙자료를 올려 제출합니다.',
    department_head: '부서 담당자가 제출한 실적을 확인해 승인하거나 사유를 적어 반려합니다.',
    planner:
      '시행계획을 세우고 점검하며, 부서 실적을 검증하고, 평가를 준비해 점수를 확정합니다 (기획예산과 성과관리 담당).',
    rater: '배정받은 성과지표의 성격(대표성·난이도·완결성)을 평가합니다.',
    committee: '성과관리위원회가 정한 가점 항목을 부서에 부여합니다.',
    executive: '부서별 정성평가 점수를 주고, 대시보드와 순위로 기관의 성과를 봅니다.',
    administrator: '계정·권한과 부서를 관리하고 감사 기록을 확인합니다.',
    viewer: '계획과 실적, 평가 결과를 열람합니다.',
  },
  pages: {
    inbox: '할 일',
    entry: '실적 일괄 입력',
    calendar: '실적 입력 일정',
    department: '부서 현황',
    evaluation: '평가 순위',
    admin: '계획 관리',
    checks: '계획 점검',
    files: '엑셀·문서',
    diff: '달라진 점',
    raters: '평가위원 배정',
    scheme: '평가체계 설정',
    penalties: '감점 사례',
    rating: '지표 성격 평가',
    bonus: '가점 부여',
    qualitative: '정성평가',
    home: '홈 대시보드',
    plan: '계획 체계',
    tables: '목표·지표 현황',
    users: '사용자 관리',
    departments: '부서 관리',
    audit: '감사 기록',
  },
  steps: {
    staffInbox: '할 일에서 이번 기간에 입력할 지표, 기한이 지난 지표, 반려된 실적을 확인합니다.',
    staffEntry:
      '지표를 골라 실적값(또는 완료한 이정표)과 설명을 적고, 증빙자료를 끌어다 놓거나 파일 선택으로 올립니다. 부서의 모든 지표를 한 화면에서 입력할 수도 있습니다.',
    staffSubmit: '입력을 마치면 제출합니다. 제출한 실적은 부서장이 승인하고 기획부서가 검증합니다.',
    staffReturned: '반려된 실적은 사유를 읽고 고친 뒤 다시 제출합니다.',
    staffCalendar: '기간마다 입력 기한과 마감일이 있습니다. 마감까지 증빙이 없으면 감점될 수 있습니다.',
    headInbox: '할 일의 승인 대기 목록에서 실적과 증빙을 열어 보고 승인하거나, 사유를 적어 반려합니다.',
    headDepartment: '부서 현황에서 지표별 목표 대비 실적, 추이와 상태를 봅니다.',
    headEvaluation: '평가에서 우리 부서의 점수와 그 근거(어떤 실적이 몇 점이 되었는지)를 봅니다.',
    plannerAdmin: '계획 관리에서 목표·성과지표·이행과제를 만들고 고칩니다. 엑셀로 한꺼번에 가져올 수도 있습니다.',
    plannerChecks: '계획 점검으로 가중치 합계, 목표치 누락 같은 문제를 찾아 고칩니다.',
    plannerCalendar: '실적 입력 일정에서 기간별 입력 기한과 마감일을 정합니다.',
    plannerVerify: '할 일의 검증 대기 목록에서 부서장이 승인한 실적을 검증하거나 사유를 적어 반려합니다.',
    plannerRaters: '평가위원 배정에서 지표마다 평가할 외부 전문가를 정합니다.',
    plannerScheme: '평가체계 설정에서 배점, 등급 비율 같은 평가 규칙을 확인하고 필요하면 바꿉니다.',
    plannerPenalties: '감점 사례를 점검하고, 사유가 있으면 면제합니다.',
    plannerClose: '평가 순위에서 잠정 결과를 확인하고, 지표 성격 평가와 평가를 마감해 점수를 확정합니다.',
    plannerDocuments: '시행계획서와 평가 결과 보고서(PDF·DOCX·HWPX·엑셀)를 데이터에서 바로 내려받습니다.',
    plannerRollover: '해가 바뀌면 계획 관리에서 다음 연도로 넘기고, 달라진 점을 확인합니다.',
    raterSheet:
      '지표 성격 평가 화면에 배정된 지표가 나옵니다. 지표마다 세 기준의 점수를 적으면 칸을 벗어날 때 바로 저장됩니다.',
    committeeBonus: '가점 부여 화면에서 부서와 가점 항목을 골라 점수와 사유를 적습니다.',
    executiveHome: '홈 대시보드에서 전략목표별 달성 정도와 실적 입력 현황을 봅니다.',
    executiveQualitative: '정성평가 화면에서 부서마다 점수를 줍니다.',
    executiveRanking: '평가 순위에서 부서별 점수와 등급, 점수의 근거를 봅니다.',
    adminUsers: '사용자 관리에서 계정을 만들고 역할과 부서를 주며, 비밀번호 초기화·잠금 해제·사용 중지를 합니다.',
    adminDepartments: '부서 관리에서 부서를 만들고 이름을 고칩니다.',
    adminAudit: '감사 기록에서 누가 언제 무엇을 바꿨는지 보고, 기록이 고쳐지지 않았는지 검증합니다.',
    viewerHome: '홈 대시보드에서 기관 전체의 성과를 한눈에 봅니다.',
    viewerPlan: '계획 체계와 목표·지표 현황에서 비전부터 이행과제까지 찾아봅니다.',
    viewerDepartments: '부서 현황에서 부서별 지표와 실적을 봅니다.',
  },
};

export const helpEn: Widen<typeof helpKo> = {
  nav: 'Help',
  title: 'Help · what each role does',
  intro:
    'For each role, what you do in this system, step by step. Each step links to the screen where it is done. Your own roles come first.',
  mine: 'Your role',
  otherRoles: 'Other roles',
  stepsOf: 'What a {role} does',
  open: 'Open {page}',
  demo: {
    title: 'Try it with a demo account',
    intro:
      'This server runs the demo. Choose a role to fill in its username and password ({password}), then press Sign in. After signing in, Help in the menu lists what each role does.',
    introOwnPassword:
      'This server runs the demo. Choose a role to fill in its username; the password is the demo password the operator chose (BSC_DEMO_PASSWORD).',
    department: 'Department',
  },
  yearNote: 'Screens show the plan of the year chosen in the header ({year}). Changing the year changes every screen.',
  roles: {
    department_staff: "Enter the department's indicator results each period, upload evidence and submit them.",
    department_head: 'Check the results your staff submitted; approve them or return them with a reason.',
    planner:
      "Build and check the annual plan, verify the departments' results, prepare the evaluation and finalise the scores (planning department).",
    rater: 'Rate the quality (representativeness, difficulty, completeness) of the indicators assigned to you.',
    committee: 'Grant the bonus items the performance committee decided to departments.',
    executive:
      "Give each department its qualitative score; follow the organisation's performance on the dashboard and ranking.",
    administrator: 'Manage accounts, roles and departments, and review the audit log.',
    viewer: 'Read the plan, the results and the evaluation.',
  },
  pages: {
    inbox: 'My work',
    entry: 'Bulk entry',
    calendar: 'Entry calendar',
    department: 'Departments',
    evaluation: 'Evaluation ranking',
    admin: 'Plan administration',
    checks: 'Plan checks',
    files: 'Excel & documents',
    diff: 'Changes',
    raters: 'Rater assignment',
    scheme: 'Scheme settings',
    penalties: 'Penalty cases',
    rating: 'Indicator rating',
    bonus: 'Bonus awards',
    qualitative: 'Qualitative scores',
    home: 'Home dashboard',
    plan: 'Plan hierarchy',
    tables: 'Goals & indicators',
    users: 'Users',
    departments: 'Department administration',
    audit: 'Audit log',
  },
  steps: {
    staffInbox: 'In My work, see the indicators due this period, the overdue ones and the returned results.',
    staffEntry:
      'Pick an indicator, enter the value (or the milestones completed) and an explanation, and drop evidence files or choose them. You can also enter every indicator of the department on one screen.',
    staffSubmit: 'Submit when done. The department head approves, then the planning department verifies.',
    staffReturned: 'For a returned result, read the reason, correct it and submit again.',
    staffCalendar:
      'Each period has an entry deadline and a cut-off. A result without evidence at the cut-off may cost penalty points.',
    headInbox:
      'In My work, open each result awaiting approval with its evidence; approve it or return it with a reason.',
    headDepartment: "On the department page, see each indicator's results against target, its trend and status.",
    headEvaluation: "In the evaluation, see your department's score and why (which result earned which points).",
    plannerAdmin: 'In Plan administration, create and edit goals, indicators and tasks; or import them from Excel.',
    plannerChecks: 'Run the plan checks to find problems such as weights not adding up or missing targets.',
    plannerCalendar: 'In the entry calendar, set each period’s deadline and cut-off.',
    plannerVerify: 'In My work, verify the results department heads approved, or return them with a reason.',
    plannerRaters: 'In Rater assignment, choose the external experts who rate each indicator.',
    plannerScheme: 'In Scheme settings, review the evaluation rules (weights, grade shares) and change them if needed.',
    plannerPenalties: 'Detect penalty cases and waive those with a reason.',
    plannerClose:
      'Review the provisional ranking, then close indicator rating and the evaluation to finalise the scores.',
    plannerDocuments: 'Download the plan and the evaluation report (PDF, DOCX, HWPX, Excel) made from the data.',
    plannerRollover: 'At the turn of the year, roll the plan over in Plan administration and review the changes.',
    raterSheet:
      'Indicator rating lists the indicators assigned to you. Enter the three criteria; each field is saved when you leave it.',
    committeeBonus: 'In Bonus awards, choose a department and a bonus item and enter the points and the reason.',
    executiveHome: 'On the home dashboard, see how far each strategic goal has come and how result entry is going.',
    executiveQualitative: 'In Qualitative scores, give each department its score.',
    executiveRanking: "In the evaluation ranking, see each department's score, grade and why.",
    adminUsers:
      'In Users, create accounts, give roles and departments, reset passwords, unlock and deactivate accounts.',
    adminDepartments: 'In Department administration, create departments and rename them.',
    adminAudit: 'In the audit log, see who changed what and when, and verify that the log was not altered.',
    viewerHome: "See the organisation's performance at a glance on the home dashboard.",
    viewerPlan: 'Browse from the vision down to the tasks in the plan hierarchy and the goals & indicators tables.',
    viewerDepartments: "See each department's indicators and results on the department pages.",
  },
};
