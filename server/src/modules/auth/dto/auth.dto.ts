import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class WechatLoginDto {
  @ApiProperty({ description: 'code from wx.login (the simulator accepts test:<openid>)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;

  @ApiPropertyOptional({ description: "distributor ref code from the share link" })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,16}$/, { message: '须为 1–16 位字母或数字' })
  ref?: string;
}

export class StaffLoginDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class UpdateProfileDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  nickname?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(512)
  avatarUrl?: string;

  @ApiPropertyOptional({ example: '1995-06-18', description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '须为 YYYY-MM-DD 格式的日期' })
  @IsISO8601({ strict: true })
  birthday?: string;
}
