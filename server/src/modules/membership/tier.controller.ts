import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentStaff, Roles, StaffGuard } from '../../common/auth/guards';
import { conflict, notFound } from '../../common/errors';
import { withTx } from '../../common/tx';
import { CustomerGrowth } from './entities/customer-growth.entity';
import { Tier } from './entities/tier.entity';
import { TierService } from './tier.service';

class TierDto {
  @ApiProperty({ example: '金卡' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ example: 2000 })
  @IsInt()
  @Min(0)
  growthThreshold: number;

  @ApiProperty({ example: 9500, description: 'price rate in basis points, 10000 = full price' })
  @IsInt()
  @Min(5000)
  @Max(10000)
  discountBp: number;

  @ApiProperty({ example: 15000, description: 'points multiplier in basis points, 10000 = 1×' })
  @IsInt()
  @Min(10000)
  @Max(100000)
  pointsMultiplierBp: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  perks?: string;
}

class UpdateTierDto extends PartialType(TierDto) {}

/** Tiers change prices for everyone in them: the owner's. Thresholds are unique; the lowest must be 0. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles()
@Controller('admin/tiers')
export class AdminTierController {
  constructor(
    private readonly ds: DataSource,
    private readonly tiers: TierService,
    private readonly audit: AuditService,
  ) {}

  /** Operators read tiers too: member days target them. */
  @Get()
  @Roles('operator', 'finance')
  async list() {
    const items = await this.tiers.tiers();
    return { items, total: items.length };
  }

  @Post()
  create(@CurrentStaff() who: StaffPrincipal, @Body() dto: TierDto) {
    return withTx(this.ds, async (em) => {
      const tier = await em.save(em.create(Tier, { perks: '', ...dto }));
      await this.checkLadder(em);
      await this.audit.record(em, { staffId: who.staffId, action: 'tier.create', targetType: 'tier', targetId: tier.id, after: tier });
      return tier;
    });
  }

  @Put(':id')
  update(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTierDto) {
    return withTx(this.ds, async (em) => {
      const tier = await em.findOneBy(Tier, { id });
      if (!tier) throw notFound('会员等级');
      const before = { ...tier };
      const saved = await em.save(Object.assign(tier, dto));
      await this.checkLadder(em);
      await this.audit.record(em, { staffId: who.staffId, action: 'tier.update', targetType: 'tier', targetId: id, before, after: saved });
      return saved;
    });
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    await withTx(this.ds, async (em) => {
      const tier = await em.findOneBy(Tier, { id });
      if (!tier) throw notFound('会员等级');
      if (await em.existsBy(CustomerGrowth, { tierId: id })) throw conflict('CONFLICT', '该等级下已有会员，不能删除；如需调整，请修改它的成长值门槛');
      await em.delete(Tier, { id });
      await this.checkLadder(em);
      await this.audit.record(em, { staffId: who.staffId, action: 'tier.delete', targetType: 'tier', targetId: id, before: tier });
    });
  }

  private async checkLadder(em: EntityManager): Promise<void> {
    const tiers = await this.tiers.tiers(em);
    const thresholds = tiers.map((t) => t.growthThreshold);
    if (new Set(thresholds).size !== thresholds.length) throw conflict('CONFLICT', '有两个等级的成长值门槛相同');
    if (thresholds[0] !== 0) throw conflict('CONFLICT', '最低等级的成长值门槛须为 0');
  }
}
