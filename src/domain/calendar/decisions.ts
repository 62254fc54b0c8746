/**
 * The government's yearly decisions on days off for public servants, entered as data: which days
 * of an occasion are off, which are swapped, which Saturdays are worked instead. The pre-fill is a
 * guess (rules.ts, year.ts); a decision entered here replaces the guess for the occasions it
 * covers. Add a decision when it is published; officials can still edit any year.
 * Sources: ../shared/DOMAIN.md ("Official schedules for public servants").
 */
import type { HolidayOccasion } from './rules.ts';
import { addDays, type IsoDate } from './dates.ts';

export type DayOffKind = 'holiday' | 'compensatory' | 'extra';
/** Where a day of a year's calendar comes from: the law's rules, a government decision, or an admin's edit. */
export type DaySource = 'law' | 'decision' | 'admin';

export interface NamedDate {
  date: IsoDate;
  name: string;
  nameEn: string;
  source?: DaySource;
  /** The legal basis or document behind the day (shown to officials). */
  basis?: string;
}

export interface DayOff extends NamedDate {
  kind: DayOffKind;
}

/** A yearly schedule decided by the government (the Prime Minister, through the Government Office). */
export interface GovernmentDecision {
  year: number;
  /** The occasions whose days this decision fixes; their pre-filled days and compensations give way. */
  occasions: readonly HolidayOccasion[];
  title: string;
  titleEn: string;
  /** The document that carries it, or null while its number and date are still to be confirmed. */
  source: string | null;
  /** The holidays and swapped days off it names (weekends inside the break are off anyway). */
  daysOff: readonly DayOff[];
  /** Days worked in exchange for swapped days off (usually Saturdays). */
  makeUpWorkingDays: readonly NamedDate[];
}

/** `count` consecutive holidays from `from`. */
const holidays = (from: IsoDate, count: number, name: string, nameEn: string): DayOff[] =>
  Array.from({ length: count }, (_, i) => ({ date: addDays(from, i), name, nameEn, kind: 'holiday' }));

const TET = ['Tết Nguyên đán', 'Lunar New Year (Tết)'] as const;
const NATIONAL_DAY = ['Quốc khánh', 'National Day'] as const;

export const KNOWN_GOVERNMENT_DECISIONS: readonly GovernmentDecision[] = [
  {
    year: 2025,
    occasions: ['tet'],
    title: 'Tết Ất Tỵ 2025: nghỉ từ thứ Bảy 25/01 đến hết Chủ nhật 02/02; thứ Hai 03/02 đi làm, không làm bù',
    titleEn: 'Tết 2025: off Saturday 25 January to Sunday 2 February; Monday 3 February is a working day, no make-up day',
    source: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024',
    daysOff: holidays('2025-01-27', 5, ...TET),
    makeUpWorkingDays: [],
  },
  {
    year: 2025,
    occasions: ['reunification', 'labour-day'],
    title: '30/4–1/5/2025: nghỉ từ 30/4 đến hết 04/5; thứ Sáu 02/5 hoán đổi, làm bù thứ Bảy 26/4',
    titleEn: '30 April – 1 May 2025: off 30 April to 4 May; Friday 2 May swapped with Saturday 26 April',
    source: null,
    daysOff: [
      { date: '2025-04-30', name: 'Ngày Chiến thắng', nameEn: 'Reunification Day', kind: 'holiday' },
      { date: '2025-05-01', name: 'Ngày Quốc tế lao động', nameEn: 'International Labour Day', kind: 'holiday' },
      { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4–1/5', nameEn: 'Swapped day off (30 April – 1 May)', kind: 'extra' },
    ],
    makeUpWorkingDays: [{ date: '2025-04-26', name: 'Làm bù cho ngày 02/5/2025', nameEn: 'Make-up working day for 2 May 2025' }],
  },
  {
    year: 2025,
    occasions: ['national-day'],
    title: 'Quốc khánh 2025: nghỉ từ thứ Bảy 30/8 đến hết thứ Ba 02/9 (ngày liền kề: thứ Hai 01/9)',
    titleEn: 'National Day 2025: off Saturday 30 August to Tuesday 2 September (adjacent day: Monday 1 September)',
    source: null,
    daysOff: [
      { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)', kind: 'holiday' },
      { date: '2025-09-02', name: NATIONAL_DAY[0], nameEn: NATIONAL_DAY[1], kind: 'holiday' },
    ],
    makeUpWorkingDays: [],
  },
  {
    year: 2026,
    occasions: ['new-year'],
    title: 'Tết Dương lịch 2026: nghỉ từ 01/01 đến hết 04/01; thứ Sáu 02/01 hoán đổi, làm bù thứ Bảy 10/01',
    titleEn: "New Year 2026: off 1 to 4 January; Friday 2 January swapped with Saturday 10 January",
    source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
    daysOff: [
      { date: '2026-01-01', name: 'Tết Dương lịch', nameEn: "New Year's Day", kind: 'holiday' },
      { date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch', nameEn: "Swapped day off (New Year)", kind: 'extra' },
    ],
    makeUpWorkingDays: [{ date: '2026-01-10', name: 'Làm bù cho ngày 02/01/2026', nameEn: 'Make-up working day for 2 January 2026' }],
  },
  {
    year: 2026,
    occasions: ['tet'],
    title: 'Tết Bính Ngọ 2026: nghỉ từ thứ Bảy 14/02 đến hết Chủ nhật 22/02, không làm bù',
    titleEn: 'Tết 2026: off Saturday 14 February to Sunday 22 February, no make-up day',
    source: null,
    daysOff: holidays('2026-02-16', 5, ...TET),
    makeUpWorkingDays: [],
  },
  {
    year: 2026,
    occasions: ['national-day'],
    title: 'Quốc khánh 2026: nghỉ từ thứ Bảy 29/8 đến hết thứ Tư 02/9 (ngày liền kề 01/9); thứ Hai 31/8 hoán đổi, làm bù thứ Bảy 22/8',
    titleEn: 'National Day 2026: off Saturday 29 August to Wednesday 2 September (adjacent day 1 September); Monday 31 August swapped with Saturday 22 August',
    source: null,
    daysOff: [
      { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh', nameEn: 'Swapped day off (National Day)', kind: 'extra' },
      { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)', kind: 'holiday' },
      { date: '2026-09-02', name: NATIONAL_DAY[0], nameEn: NATIONAL_DAY[1], kind: 'holiday' },
    ],
    makeUpWorkingDays: [{ date: '2026-08-22', name: 'Làm bù cho ngày 31/8/2026', nameEn: 'Make-up working day for 31 August 2026' }],
  },
];
