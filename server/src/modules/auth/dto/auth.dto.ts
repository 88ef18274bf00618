import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class WechatLoginDto {
  @ApiProperty({ description: 'code from wx.login (the simulator accepts test:<openid>)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;

  @ApiPropertyOptional({ description: "distributor ref code from the share link" })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,16}$/, { message: 'ref must be 1-16 letters or digits' })
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
