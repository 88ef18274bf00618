import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, ValidateBy, ValidateIf } from 'class-validator';
import { CentsBetween, IntBetween, sentence } from '../../../common/validation';
import { DEFAULT_SETTINGS, type StoreSettings } from '../store-settings.service';

/** Only a field the body names is checked; `null` is a value like any other (and refused, but where allowed). */
const named = (key: string) => ValidateIf((o: Record<string, unknown>) => o[key] !== undefined);

const isTimeZone = (v: unknown) => typeof v === 'string' && (v === 'UTC' || Intl.supportedValuesOf('timeZone').includes(v));

/**
 * The general store settings by name (`PUT /api/admin/settings`): every field optional, a field
 * named is validated (refused, never clamped) and only the fields named are changed.
 */
export class GeneralSettingsDto {
  @ApiPropertyOptional({ example: 800, description: 'fen, 0 … 100000' })
  @named('shippingFeeCents')
  @CentsBetween('运费', 0, 100_000)
  shippingFeeCents?: number;

  @ApiPropertyOptional({ example: 9900, nullable: true, description: 'fen, 0 … 10000000; null = no free shipping by amount' })
  @ValidateIf((o: GeneralSettingsDto) => o.freeShippingThresholdCents !== undefined && o.freeShippingThresholdCents !== null)
  @CentsBetween('包邮门槛', 0, 10_000_000)
  freeShippingThresholdCents?: number | null;

  @ApiPropertyOptional({ example: true })
  @named('memberFreeShipping')
  @IsBoolean(sentence('会员包邮须为 true 或 false'))
  memberFreeShipping?: boolean;

  @ApiPropertyOptional({ example: 15, description: 'minutes, 5 … 1440' })
  @named('unpaidTimeoutMinutes')
  @IntBetween('未支付自动取消时间（分钟）', 5, 1440)
  unpaidTimeoutMinutes?: number;

  @ApiPropertyOptional({ example: 10, description: 'days, 1 … 30' })
  @named('autoConfirmDays')
  @IntBetween('自动确认收货天数', 1, 30)
  autoConfirmDays?: number;

  @ApiPropertyOptional({ example: 7, description: 'days, 1 … 30' })
  @named('afterSaleDays')
  @IntBetween('售后期天数', 1, 30)
  afterSaleDays?: number;

  @ApiPropertyOptional({ example: 99, description: '1 … 999' })
  @named('maxQtyPerLine')
  @IntBetween('单品限购件数', 1, 999)
  maxQtyPerLine?: number;

  @ApiPropertyOptional({ example: 7, description: 'days, 0 … 30' })
  @named('cardFastRefundDays')
  @IntBetween('极速退卡天数', 0, 30)
  cardFastRefundDays?: number;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', description: 'an IANA time zone' })
  @named('timezone')
  @IsString(sentence('时区须为 IANA 时区名称，如 Asia/Shanghai'))
  @ValidateBy({ name: 'isTimeZone', validator: { validate: isTimeZone } }, sentence('时区须为 IANA 时区名称，如 Asia/Shanghai'))
  timezone?: string;
}

/** The settings other pages own, each with the page and route that validate and set them. */
const OWNERS: { page: string; route: string; keys: (keyof StoreSettings)[] }[] = [
  {
    page: '积分规则',
    route: '/api/admin/points-rules',
    keys: ['pointsValueCentsPer100', 'pointsMaxSpendBp', 'pointsPerYuanEarned', 'pointsEarnOn', 'pointsExpiryYears', 'birthdayGiftPoints'],
  },
  { page: '签到规则', route: '/api/admin/check-in-rules', keys: ['checkInDailyPoints', 'checkInMilestones', 'checkInMakeUpEnabled', 'checkInMakeUpCostPoints'] },
  {
    page: '佣金规则',
    route: '/api/admin/commission-rules',
    keys: [
      'commissionDefaultRateBp',
      'commissionLevel2Enabled',
      'commissionLevel2RateBp',
      'commissionCategoryRates',
      'commissionProductRates',
      'commissionSettleAfterDays',
      'referralBindingMode',
      'referralBindingDays',
      'distributorAutoApproveMembers',
      'withdrawMinCents',
      'withdrawDailyCapCents',
    ],
  },
];

/** The general settings' names: what `PUT /api/admin/settings` changes. */
export const GENERAL_SETTINGS = [
  'shippingFeeCents',
  'freeShippingThresholdCents',
  'memberFreeShipping',
  'unpaidTimeoutMinutes',
  'autoConfirmDays',
  'afterSaleDays',
  'maxQtyPerLine',
  'cardFastRefundDays',
  'timezone',
] as const satisfies readonly (keyof StoreSettings)[];

// A specialised setting named here is refused with a 400 saying where it is set (its own rules
// live with its page's DTO), rather than as an unknown field.
for (const { page, route, keys } of OWNERS) {
  for (const key of keys) {
    const refuse = ValidateBy({ name: 'setElsewhere', validator: { validate: () => false } }, sentence(`${key} 在「${page}」页设置（PUT ${route}）`));
    named(key)(GeneralSettingsDto.prototype, key);
    refuse(GeneralSettingsDto.prototype, key);
  }
}

/** Every setting is general or owned by one page: a new setting must be placed in one of them. */
const placed = new Set<string>([...GENERAL_SETTINGS, ...OWNERS.flatMap((o) => o.keys)]);
const unplaced = Object.keys(DEFAULT_SETTINGS).filter((k) => !placed.has(k));
if (unplaced.length) throw new Error(`store settings not placed in GeneralSettingsDto: ${unplaced.join(', ')}`);
