import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  async health() {
    try {
      await this.ds.query('SELECT 1');
    } catch {
      throw new AppError(503, 'INTERNAL_ERROR', 'database unreachable');
    }
    return { status: 'ok', database: 'up' };
  }
}
