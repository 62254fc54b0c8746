// Public API of the working-day calendar: lunar dates, holiday rules as data, yearly
// pre-fill, and time-limit arithmetic in Vietnam time.
export { addDays, weekdayOf, type IsoDate } from './dates.ts';
export { lunarToSolar, solarToLunar, type LunarDate, type SolarDate } from './lunar.ts';
export {
  CALENDAR_YEARS,
  DEFAULT_HOLIDAY_RULES,
  DEFAULT_WORKING_TIME,
  inForceOn,
  minutesOfClock,
  timelineOn,
  validateWorkingTime,
  withBaseline,
  type AdjacentDayRule,
  type AdjacentSide,
  type ClockTime,
  type HolidayOccasion,
  type HolidayRuleSet,
  type LunarHolidayRule,
  type OfficePeriod,
  type PerWeekday,
  type RuleStatus,
  type SolarHolidayRule,
  type Weekday,
  type WorkingTimeRules,
} from './rules.ts';
export {
  KNOWN_GOVERNMENT_DECISIONS,
  prefillYear,
  type DayOff,
  type DayOffKind,
  type DaySource,
  type GovernmentDecision,
  type NamedDate,
  type PrefillOptions,
  type YearCalendar,
} from './year.ts';
export {
  NO_SWITCHES,
  SWITCHABLE_HOLIDAYS,
  switchStatusOn,
  type HolidaySwitch,
  type SwitchableHoliday,
  type SwitchStatus,
} from './switchable.ts';
export { applyEdits, editsAgainst, type EditedYear, type YearEdits } from './year-edits.ts';
export { formatVn, parseLocalVn, vnDateOf } from './vn-time.ts';
export {
  createWorkingCalendar,
  type DueUnit,
  type Timeliness,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './working-time.ts';
