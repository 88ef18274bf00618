import type { FormRule } from 'antd';
import { beiToBp, bpToBeiText, formatBpPercent, formatZhe, percentToBp, zheToBp } from '@mc/shared';

/**
 * Rate fields are text: the field keeps what staff typed (nothing rounded or clamped), and a
 * text that is not a rate in [minBp, maxBp] with at most two decimals is refused with the
 * field's message. The body is made from the same text with zheToBp / beiToBp (@mc/shared).
 * An empty field is left to the field's `required` rule.
 */
function rateRule(toBp: (text: string) => number | null, minBp: number, maxBp: number, message: string): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      if (value === undefined || value === null || value === '') return Promise.resolve();
      const bp = toBp(value);
      return bp !== null && bp >= minBp && bp <= maxBp ? Promise.resolve() : Promise.reject(new Error(message));
    },
  };
}

/** A discount typed in 折 ('8.5'), between minBp and maxBp: `zheRule(5000, 10000)` → '请输入 5–10 折，最多两位小数'. */
export const zheRule = (minBp: number, maxBp: number): FormRule =>
  rateRule(zheToBp, minBp, maxBp, `请输入 ${formatZhe(minBp)}–${formatZhe(maxBp)} 折，最多两位小数`);

/** A points multiplier typed in 倍 ('1.5'), between minBp and maxBp: `beiRule(10000, 100000)` → '请输入 1–10 倍，最多两位小数'. */
export const beiRule = (minBp: number, maxBp: number): FormRule =>
  rateRule(beiToBp, minBp, maxBp, `请输入 ${bpToBeiText(minBp)}–${bpToBeiText(maxBp)} 倍，最多两位小数`);

/** A rate typed in percent ('12.5'), between minBp and maxBp: `percentRule(0, 5000)` → '请输入 0%–50%，最多两位小数'. */
export const percentRule = (minBp: number, maxBp: number): FormRule =>
  rateRule(percentToBp, minBp, maxBp, `请输入 ${formatBpPercent(minBp)}–${formatBpPercent(maxBp)}，最多两位小数`);

/** The text a percent field starts from: 1250 → '12.5'. */
export const bpToPercentText = (bp: number): string => formatBpPercent(bp).slice(0, -1);
