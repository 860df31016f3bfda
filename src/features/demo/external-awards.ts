/**
 * 대외기관 공모·평가 성과 — the demo's award lists (illustrative names and amounts). For 2019 the
 * totals are exact: 104 awards, 6,290,000,000 KRW of incentives (plan section II), including the
 * three facts the plan names (아시아·태평양 스티비 어워드, 피나클어워즈 금상, 시·구 공동협력사업
 * 12 projects with 330,000,000 KRW). Which award went to which department is illustrative.
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import { DEMO_FACTS } from './demo-facts.js';
import { stream } from './prng.js';

type Award = PlanDocument['externalAwards'][number];

/** 2019 competitions and evaluations (illustrative), with the department credited. */
const SUBJECTS_2019: [name: string, agency: string, department: string][] = [
  ['지방자치단체 일자리대상', '고용노동부', '일자리정책담당관'],
  ['서울시 자치구 일자리 창출 평가', '서울특별시', '일자리정책담당관'],
  ['전통시장 활성화 평가', '서울특별시', '지역경제과'],
  ['지역경제 활성화 유공 평가', '행정안전부', '지역경제과'],
  ['도시재생 뉴딜 공모', '국토교통부', '혁신도시기획과'],
  ['도시계획 행정 평가', '서울특별시', '도시계획과'],
  ['지역사회보장계획 시행 평가', '보건복지부', '복지정책과'],
  ['찾아가는 동주민센터 평가', '서울특별시', '복지정책과'],
  ['기초생활보장 업무 평가', '보건복지부', '사회복지과'],
  ['자활사업 평가', '보건복지부', '사회복지과'],
  ['평생학습도시 평가', '교육부', '교육협력과'],
  ['혁신교육지구 운영 평가', '서울특별시교육청', '교육협력과'],
  ['여성친화도시 조성 평가', '여성가족부', '여성보육과'],
  ['보육사업 평가', '서울특별시', '여성보육과'],
  ['노인일자리 사업 평가', '보건복지부', '어르신복지과'],
  ['장애인 복지 시책 평가', '서울특별시', '장애인복지과'],
  ['아동친화도시 조성 평가', '유니세프 한국위원회', '아동돌봄청소년과'],
  ['청소년 정책 평가', '여성가족부', '아동돌봄청소년과'],
  ['재난관리 평가', '행정안전부', '재난안전과'],
  ['안전한국훈련 평가', '행정안전부', '재난안전과'],
  ['식품위생 업무 평가', '식품의약품안전처', '보건위생과'],
  ['공중위생 관리 평가', '서울특별시', '보건위생과'],
  ['지역보건의료계획 평가', '보건복지부', '건강증진과'],
  ['건강도시 사업 평가', '서울특별시', '건강증진과'],
  ['치매관리 사업 평가', '보건복지부', '의약과'],
  ['방문건강관리 사업 평가', '서울특별시', '보건지소'],
  ['교통안전 시책 평가', '국토교통부', '교통과'],
  ['주차 환경 개선 평가', '서울특별시', '주차관리과'],
  ['도로 관리 평가', '서울특별시', '도로과'],
  ['하천 관리 평가', '서울특별시', '치수과'],
  ['기후변화 대응 평가', '환경부', '환경과'],
  ['미세먼지 저감 평가', '서울특별시', '환경과'],
  ['자원순환 평가', '환경부', '자원순환과'],
  ['정비사업 관리 평가', '서울특별시', '주거사업과'],
  ['공동주택 관리 평가', '서울특별시', '주택과'],
  ['건축 행정 평가', '서울특별시', '건축과'],
  ['공원 녹지 평가', '서울특별시', '공원녹지과'],
  ['생활체육 활성화 평가', '문화체육관광부', '문화체육과'],
  ['문화재 관리 평가', '문화재청', '역사문화재과'],
  ['관광 활성화 평가', '서울특별시', '국제관광과'],
  ['구정 홍보 평가', '서울특별시', '홍보담당관'],
  ['주민자치 활성화 평가', '행정안전부', '자치행정과'],
  ['민원 서비스 평가', '행정안전부', '민원여권과'],
  ['정보공개 평가', '행정안전부', '민원여권과'],
  ['지역 정보화 평가', '행정안전부', '정보통신과'],
  ['부동산 행정 평가', '국토교통부', '부동산정보과'],
  ['청렴도 평가', '국민권익위원회', '감사담당관'],
  ['인사 혁신 평가', '서울특별시', '총무과'],
  ['지방재정 평가', '행정안전부', '기획예산과'],
  ['계약 행정 평가', '서울특별시', '재무과'],
  ['지방세 징수 평가', '서울특별시', '세무행정과'],
  ['세외수입 징수 평가', '행정안전부', '세무1과'],
];
const JOINT_FIELDS = ['일자리', '복지', '교육', '보육', '보건', '안전', '환경', '교통', '주택', '문화', '관광', '행정'];
const JOINT_AMOUNTS = [40, 30, 30, 30, 25, 25, 25, 25, 25, 25, 25, 25].map((m) => m * 1_000_000);

export function externalAwards2019(): Award[] {
  const facts = DEMO_FACTS.previousYear;
  const rng = stream('external-awards-2019');
  const base = { year: facts.year, illustrative: true };
  const joint: Award[] = JOINT_FIELDS.map((field, i) => ({
    ...base,
    name: `2019 시·구 공동협력사업 평가 ${field} 부문 우수`,
    agency: '서울특별시',
    department: null,
    incentiveKrw: JOINT_AMOUNTS[i]!,
  }));
  const named: Award[] = [
    { ...base, name: `2019 ${facts.stevie}`, agency: '스티비 어워드', department: '홍보담당관', incentiveKrw: 0 },
    {
      ...base,
      name: `2019 ${facts.pinnacle.name} ${facts.pinnacle.prize} (${facts.pinnacle.consecutiveYears}년 연속)`,
      agency: '세계축제협회(IFEA)',
      department: '문화체육과',
      incentiveKrw: 0,
    },
  ];
  const others = facts.awards - joint.length - named.length;
  const grades = ['최우수', '우수', '장려', '대상'];
  const rest: Award[] = [];
  for (let i = 0; i < others; i++) {
    const [subject, agency, department] = SUBJECTS_2019[i % SUBJECTS_2019.length]!;
    const second = i >= SUBJECTS_2019.length;
    rest.push({
      ...base,
      name: second
        ? `2019 ${agency} ${subject.replace(/ 평가$/u, '')} 우수사례 공모 선정`
        : `2019 ${subject} ${rng.pick(grades)}`,
      agency,
      department,
      incentiveKrw: 0,
    });
  }
  // Incentives: about a third of the awards bring none; the rest share the exact total.
  const total = facts.incentivesKrw - JOINT_AMOUNTS.reduce((s, a) => s + a, 0);
  const weights = rest.map(() => (rng.chance(0.3) ? 0 : Math.exp(rng.between(Math.log(10), Math.log(400)))));
  const sumW = weights.reduce((s, w) => s + w, 0);
  let assigned = 0;
  rest.forEach((a, i) => {
    a.incentiveKrw = Math.round((total * weights[i]!) / sumW / 1_000_000) * 1_000_000;
    assigned += a.incentiveKrw;
  });
  const largest = rest.reduce((m, a, i) => (a.incentiveKrw > rest[m]!.incentiveKrw ? i : m), 0);
  rest[largest]!.incentiveKrw += total - assigned;
  return [...named, ...joint, ...rest];
}

export function externalAwards2020(): Award[] {
  return [
    {
      year: 2020,
      name: '2020 서울시 자치구 일자리 창출 평가 우수구',
      agency: '서울특별시',
      department: '일자리정책담당관',
      incentiveKrw: 100_000_000,
      illustrative: true,
    },
    {
      year: 2020,
      name: '2020 기후변화 대응 우수 지방자치단체',
      agency: '환경부',
      department: '환경과',
      incentiveKrw: 0,
      illustrative: true,
    },
    {
      year: 2020,
      name: '2020 재난관리 평가 우수기관',
      agency: '행정안전부',
      department: '재난안전과',
      incentiveKrw: 50_000_000,
      illustrative: true,
    },
  ];
}
