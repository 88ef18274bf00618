import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { STAFF_PASSWORD_MAX, STAFF_PASSWORD_MIN, STAFF_USERNAME_PATTERN } from '@mc/shared';
import { sentence } from '../../../common/validation';
import { STAFF_ROLES, type StaffRole } from '../entities/staff-user.entity';

const ROLE = sentence('角色须为 owner、operator 或 finance');
const PASSWORD = sentence(`密码须为 ${STAFF_PASSWORD_MIN} 到 ${STAFF_PASSWORD_MAX} 个字符`);

export class CreateStaffDto {
  @ApiProperty({ example: 'cashier01' })
  @IsString(sentence('用户名须为 3 到 32 位字母、数字或 _ . -'))
  @Matches(STAFF_USERNAME_PATTERN, sentence('用户名须为 3 到 32 位字母、数字或 _ . -'))
  username: string;

  @ApiProperty()
  @IsString(PASSWORD)
  @Length(STAFF_PASSWORD_MIN, STAFF_PASSWORD_MAX, PASSWORD)
  password: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, ROLE)
  role: StaffRole;
}

export class UpdateStaffDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES, ROLE)
  role?: StaffRole;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(sentence('启用状态须为 true 或 false'))
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty()
  @IsString(PASSWORD)
  @Length(STAFF_PASSWORD_MIN, STAFF_PASSWORD_MAX, PASSWORD)
  password: string;
}

export class ChangeOwnPasswordDto {
  @ApiProperty()
  @IsString(sentence('请填写原密码'))
  @Length(1, 128, sentence('请填写原密码'))
  oldPassword: string;

  @ApiProperty()
  @IsString(PASSWORD)
  @Length(STAFF_PASSWORD_MIN, STAFF_PASSWORD_MAX, PASSWORD)
  newPassword: string;
}
