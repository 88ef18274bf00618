import type { FormRule } from 'antd';
import { formatYuan, parseYuan } from '../../format';

/** An optional yuan amount: empty, or at most two decimals ('19.9'). */
export const yuanRule: FormRule = {
  validator: (_, value: string | undefined) =>
    !value || parseYuan(value) !== null ? Promise.resolve() : Promise.reject(new Error('请输入正确的金额（元），最多两位小数')),
};

/** 10000000 fen → '100000', 1 → '0.01': an amount in a field's sentence. */
const yuanWords = (cents: number) => formatYuan(cents).replace(/\.?0+$/, '');

/** A yuan amount in [minCents, maxCents], refused with the server's sentence ('最低提现金额须为 0.01 到 1000000 元之间，最多两位小数'). */
export function yuanBetweenRule(label: string, minCents: number, maxCents: number): FormRule {
  const message = `${label}须为 ${yuanWords(minCents)} 到 ${yuanWords(maxCents)} 元之间，最多两位小数`;
  return {
    validator: (_, value: string | undefined) => {
      if (!value) return Promise.resolve();
      const cents = parseYuan(value);
      return cents !== null && cents >= minCents && cents <= maxCents ? Promise.resolve() : Promise.reject(new Error(message));
    },
  };
}
