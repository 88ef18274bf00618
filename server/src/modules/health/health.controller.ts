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
      throw new AppError(503, 'INTERNAL_ERROR', '数据库暂时无法连接');
    }
    return { status: 'ok', database: 'up' };
  }
}
