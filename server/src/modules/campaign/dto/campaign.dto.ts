import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CAMPAIGN_ACTION_KINDS, CAMPAIGN_LIMITS, RFM_GROUPS, SEGMENT_LIMITS, SEGMENT_TAGS, type CampaignActionKind, type RfmGroup, type SegmentTag } from '@mc/shared';
import { PageQuery } from '../../../common/pagination';
import { IntBetween, sentence } from '../../../common/validation';

const L = SEGMENT_LIMITS;

/** An audience in a body: any of `groups`, holding every one of `tags`; at least one of them (checked by audienceOf). */
export class AudienceDto {
  @ApiProperty({ enum: RFM_GROUPS, isArray: true })
  @IsArray(sentence('客户分层须为列表'))
  @ArrayMaxSize(RFM_GROUPS.length)
  @IsIn(RFM_GROUPS, sentence('客户分层不存在', { each: true }))
  groups: RfmGroup[];

  @ApiProperty({ enum: SEGMENT_TAGS, isArray: true })
  @IsArray(sentence('客户标签须为列表'))
  @ArrayMaxSize(SEGMENT_TAGS.length)
  @IsIn(SEGMENT_TAGS, sentence('客户标签不存在', { each: true }))
  tags: SegmentTag[];

  @ApiPropertyOptional({ default: L.windowDaysDefault })
  @IsOptional()
  @IntBetween('统计天数', L.windowDaysMin, L.windowDaysMax)
  windowDays?: number;

  @ApiPropertyOptional({ default: L.checkInDaysDefault })
  @IsOptional()
  @IntBetween('签到天数', L.checkInDaysMin, L.checkInDaysMax)
  checkInDays?: number;
}

export class CampaignDto extends AudienceDto {
  @ApiProperty({ example: '老客回馈' })
  @IsString(sentence('名称须为文本'))
  @IsNotEmpty(sentence('名称不能为空'))
  @MaxLength(CAMPAIGN_LIMITS.nameMax, sentence(`名称最多 ${CAMPAIGN_LIMITS.nameMax} 个字`))
  name: string;

  @ApiProperty({ enum: CAMPAIGN_ACTION_KINDS })
  @IsIn(CAMPAIGN_ACTION_KINDS, sentence('动作须为发优惠券、送积分或发订阅消息'))
  actionKind: CampaignActionKind;

  @ApiPropertyOptional({ description: 'COUPON: the template granted' })
  @IsOptional()
  @IntBetween('优惠券', 1, 2_147_483_647, '请选择优惠券')
  couponTemplateId?: number;

  @ApiPropertyOptional({ description: `POINTS: points per recipient, ${CAMPAIGN_LIMITS.pointsMin} … ${CAMPAIGN_LIMITS.pointsMax}` })
  @IsOptional()
  @IntBetween('积分', CAMPAIGN_LIMITS.pointsMin, CAMPAIGN_LIMITS.pointsMax)
  points?: number;

  @ApiPropertyOptional({ description: `MESSAGE: the 活动标题 field, at most ${CAMPAIGN_LIMITS.messageMax} characters (fewer if the template's keyword takes fewer)` })
  @IsOptional()
  @IsString(sentence('消息标题须为文本'))
  @MaxLength(CAMPAIGN_LIMITS.messageMax, sentence(`消息标题最多 ${CAMPAIGN_LIMITS.messageMax} 个字`))
  messageTitle?: string;

  @ApiPropertyOptional({ description: `MESSAGE: the 活动内容 field, at most ${CAMPAIGN_LIMITS.messageMax} characters (fewer if the template's keyword takes fewer)` })
  @IsOptional()
  @IsString(sentence('消息内容须为文本'))
  @MaxLength(CAMPAIGN_LIMITS.messageMax, sentence(`消息内容最多 ${CAMPAIGN_LIMITS.messageMax} 个字`))
  messageContent?: string;
}

/** A preview: the audience, and with `actionKind` MESSAGE also how many of it consented to the campaign template. */
export class PreviewDto extends AudienceDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_ACTION_KINDS })
  @IsOptional()
  @IsIn(CAMPAIGN_ACTION_KINDS, sentence('动作须为发优惠券、送积分或发订阅消息'))
  actionKind?: CampaignActionKind;
}

export class RecipientQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['PENDING', 'SENT', 'FAILED'] })
  @IsOptional()
  @IsIn(['PENDING', 'SENT', 'FAILED'])
  status?: 'PENDING' | 'SENT' | 'FAILED';
}
