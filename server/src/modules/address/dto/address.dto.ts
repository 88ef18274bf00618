import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class AddressDto {
  @ApiProperty({ example: '张三' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ example: '13800138000' })
  @Matches(/^1\d{10}$/, { message: '须为 11 位中国大陆手机号' })
  phone: string;

  @ApiProperty({ example: '浙江省' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  province: string;

  @ApiProperty({ example: '杭州市' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  city: string;

  @ApiProperty({ example: '西湖区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  district: string;

  @ApiProperty({ example: '文三路 100 号 1 幢 101' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  detail: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateAddressDto extends PartialType(AddressDto) {}
