import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsNotEmpty, IsOptional, IsString, ValidateIf } from 'class-validator';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors';
import { JobRegistry } from '../jobs/job-registry.service';

class SetClockDto {
  @ApiPropertyOptional({ description: 'ISO-8601 instant; null resets to the real time', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateString({ strict: true })
  now?: string | null;
}

class RunJobDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  name: string;
}

/** Demo and test tools; the module is only loaded with DEV_TOOLS=1 (404 otherwise). */
@ApiTags('dev')
@Controller('dev')
export class DevController {
  constructor(
    private readonly clock: Clock,
    private readonly jobs: JobRegistry,
  ) {}

  @Get('clock')
  getClock() {
    return { now: this.clock.now().toISOString() };
  }

  @Post('clock')
  @HttpCode(200)
  setClock(@Body() dto: SetClockDto) {
    this.clock.setNow(dto.now ? new Date(dto.now) : null);
    return { now: this.clock.now().toISOString() };
  }

  @Get('jobs')
  listJobs() {
    return { items: this.jobs.list() };
  }

  @Post('jobs/run')
  @HttpCode(200)
  async runJob(@Body() dto: RunJobDto) {
    if (!this.jobs.has(dto.name)) throw new AppError(404, 'NOT_FOUND', `unknown job ${dto.name}`);
    return { name: dto.name, result: await this.jobs.run(dto.name) };
  }
}
