import type { FormRule } from 'antd';
import { yuanBetweenRule } from '../products/yuanRule';
import { intRule } from '../../numberRules';

/** The general store settings (`GET/PUT /api/admin/settings`; the GET also has the other pages' settings). */
export interface GeneralSettings {
  shippingFeeCents: number;
  freeShippingThresholdCents: number | null;
  memberFreeShipping: boolean;
  unpaidTimeoutMinutes: number;
  autoConfirmDays: number;
  afterSaleDays: number;
  maxQtyPerLine: number;
  cardFastRefundDays: number;
  timezone: string;
}

/** The fields' rules: the server's ranges and sentences (server/src/modules/settings/dto/general-settings.dto.ts). */
export const RULES = {
  shippingFee: yuanBetweenRule('运费', 0, 100_000),
  freeShippingThreshold: yuanBetweenRule('包邮门槛', 0, 10_000_000),
  unpaidTimeoutMinutes: intRule('未支付自动取消时间（分钟）', 5, 1440),
  autoConfirmDays: intRule('自动确认收货天数', 1, 30),
  afterSaleDays: intRule('售后期天数', 1, 30),
  maxQtyPerLine: intRule('单品限购件数', 1, 999),
  cardFastRefundDays: intRule('极速退卡天数', 0, 30),
} satisfies Record<string, FormRule>;

export const TIME_ZONE_MESSAGE = '时区须为 IANA 时区名称，如 Asia/Shanghai';

/** 'Asia/Shanghai', 'UTC': a zone the server takes (the same list, the runtime's IANA zones). */
export const isTimeZone = (v: string) => v === 'UTC' || Intl.supportedValuesOf('timeZone').includes(v);

export const timeZoneRule: FormRule = {
  validator: (_, value: string | undefined) => (!value || isTimeZone(value) ? Promise.resolve() : Promise.reject(new Error(TIME_ZONE_MESSAGE))),
};
