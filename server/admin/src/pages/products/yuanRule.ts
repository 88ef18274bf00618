import type { FormRule } from 'antd';
import { parseYuan } from '../../format';

/** An optional yuan amount: empty, or at most two decimals ('19.9'). */
export const yuanRule: FormRule = {
  validator: (_, value: string | undefined) =>
    !value || parseYuan(value) !== null ? Promise.resolve() : Promise.reject(new Error('请输入正确的金额（元），最多两位小数')),
};
