import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { MESSAGE_KINDS, SUBSCRIPTION_SCENES, type MessageKind, type SubscriptionScene } from '@mc/shared';
import { PageQuery } from '../../../common/pagination';
import { SUBSCRIPTION_MESSAGE_STATUSES } from '../entities/subscription-message.entity';

export class TemplatesQuery {
  @ApiProperty({ enum: SUBSCRIPTION_SCENES })
  @IsIn(SUBSCRIPTION_SCENES, { message: `scene 须为 ${SUBSCRIPTION_SCENES.join('、')} 之一` })
  scene: SubscriptionScene;
}

export class ConsentsDto {
  @ApiProperty({ example: { 'tmpl-id': 'accept' }, description: 'requestSubscribeMessage 的结果：模板 ID → accept | reject | ban | filter' })
  @IsObject({ message: 'results 须为对象' })
  results: Record<string, string>;
}

export class TemplateSettingDto {
  @ApiProperty({ example: 'AbC-123_xyz', description: "the WeChat template id ('' while not configured)" })
  @IsString()
  @MaxLength(64)
  templateId: string;

  @ApiProperty({ example: { character_string1: 'orderNo', thing2: 'goods', time3: 'shippedAt' }, description: 'template keyword → our field' })
  @IsObject({ message: 'fields 须为对象' })
  fields: Record<string, string>;

  @ApiPropertyOptional({ example: null, nullable: true, description: "the page the message opens; null: the kind's own" })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(255)
  page?: string | null;

  @ApiProperty()
  @IsBoolean()
  enabled: boolean;
}

export class KindParam {
  @IsIn(MESSAGE_KINDS, { message: `kind 须为 ${MESSAGE_KINDS.join('、')} 之一` })
  kind: MessageKind;
}

export class MessageLogQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUBSCRIPTION_MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(SUBSCRIPTION_MESSAGE_STATUSES)
  status?: (typeof SUBSCRIPTION_MESSAGE_STATUSES)[number];

  @ApiPropertyOptional({ enum: [...MESSAGE_KINDS, 'TEMPLATE'] })
  @IsOptional()
  @IsIn([...MESSAGE_KINDS, 'TEMPLATE'])
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  customerId?: number;
}
