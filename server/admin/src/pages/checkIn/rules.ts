import { CHECK_IN_MAX_MILESTONE_DAY, CHECK_IN_MAX_MILESTONES, milestoneBonus, type CheckInRulesView } from '@mc/shared';
import type { FormRule } from 'antd';
import { parseInteger } from '../../numberRules';

/**
 * The check-in rules of `GET/PUT /api/admin/check-in-rules` and the form's rules over them. Fields are text: the form keeps what
 * staff typed, refuses what is not valid with the field's message, and the body is made from the
 * same text. Integer arithmetic only.
 */

/** The rules as `GET/PUT /api/admin/check-in-rules` carry them (docs/points-contract.md). */
export type CheckInRules = CheckInRulesView;
export type CheckInMilestone = CheckInRules['milestones'][number];

export const MAX_MILESTONES = CHECK_IN_MAX_MILESTONES;
export const MAX_MILESTONE_DAY = CHECK_IN_MAX_MILESTONE_DAY;

/** Points fit the server's settings (at most 1,000,000); nine digits is plenty for the form. */
const MAX_POINTS_TEXT = 999_999_999;

/** '15' → 15; null for anything that is not a whole number ≥ 0 as typed (no sign, no decimals, no spaces). */
export function parsePoints(text: string | null | undefined): number | null {
  const n = text?.startsWith('-') ? null : parseInteger(text);
  return n !== null && n <= MAX_POINTS_TEXT ? n : null;
}

/** A day of a streak typed by staff: 1–31, else null. */
export function parseDay(text: string | null | undefined): number | null {
  const n = parsePoints(text);
  return n !== null && n >= 1 && n <= MAX_MILESTONE_DAY ? n : null;
}

export const POINTS_MESSAGE = '请输入不小于 0 的整数';
export const DAY_MESSAGE = `请输入 1–${MAX_MILESTONE_DAY} 的整数`;
export const DUPLICATE_DAY_MESSAGE = '天数不能重复';

/** A points field: empty is left to `required`. */
export const pointsRule: FormRule = {
  validator: (_, value: string | undefined) =>
    !value || parsePoints(value) !== null ? Promise.resolve() : Promise.reject(new Error(POINTS_MESSAGE)),
};

/** A milestone's day: 1–31 and not the day of another milestone (`others`: every milestone's day text, this one's at `index`). */
export function dayRule(others: () => (string | undefined)[], index: number): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      if (!value) return Promise.resolve();
      const day = parseDay(value);
      if (day === null) return Promise.reject(new Error(DAY_MESSAGE));
      const dup = others().some((t, i) => i !== index && parseDay(t) === day);
      return dup ? Promise.reject(new Error(DUPLICATE_DAY_MESSAGE)) : Promise.resolve();
    },
  };
}

/**
 * The points of streak day `day` (1-based) for a customer without a card: the daily points plus
 * the bonus of a milestone on that day of the reward cycle (shared `milestoneBonus`, the rule the
 * server awards by). A paid member's tier multiplier is applied on the server, not here.
 */
export function streakDayPoints(rules: Pick<CheckInRules, 'dailyPoints' | 'milestones'>, day: number): number {
  return rules.dailyPoints + milestoneBonus(day, rules);
}

/** '第1–7天：5、5、15、5、5、5、35，共 75 积分' */
export function streakPreview(rules: Pick<CheckInRules, 'dailyPoints' | 'milestones'>, days = 7): string {
  const points = Array.from({ length: days }, (_, i) => streakDayPoints(rules, i + 1));
  const total = points.reduce((a, b) => a + b, 0);
  return `第1–${days}天：${points.join('、')}，共 ${total} 积分`;
}
