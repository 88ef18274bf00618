import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { AppError } from '../../common/errors';
import { withTx } from '../../common/tx';
import { JobRegistry } from '../jobs/job-registry.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { Order } from './entities/order.entity';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderService } from './order.service';

/** The jobs that move orders on time: unpaid ones are cancelled, shipped ones complete. Idempotent batches keyed on status and deadline. */
@Injectable()
export class OrderJobs implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderService,
    private readonly jobs: JobRegistry,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'cancel-unpaid', description: 'cancel orders left unpaid past their deadline (asks WeChat first)', everyMs: 60_000, run: () => this.cancelExpired() });
    this.jobs.register({ name: 'auto-confirm', description: 'complete orders shipped longer ago than the auto-confirm days', everyMs: 10 * 60_000, run: () => this.autoConfirm() });
  }

  async cancelExpired(): Promise<{ cancelled: number; paid: number }> {
    const due = await this.ds.getRepository(Order).find({
      select: { id: true },
      where: { status: 'PENDING_PAYMENT', expiresAt: LessThan(this.clock.now()) },
      order: { id: 'ASC' },
      take: 200,
    });
    let cancelled = 0;
    let paid = 0;
    for (const { id } of due) {
      try {
        await this.orders.cancel(null, id, 'system', '超时未支付，系统取消');
        cancelled++;
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'INVALID_STATE') throw e;
        paid += (await this.ds.getRepository(Order).findOneByOrFail({ id })).status === 'PENDING_PAYMENT' ? 0 : 1;
      }
    }
    return { cancelled, paid };
  }

  async autoConfirm(): Promise<{ completed: number }> {
    const { autoConfirmDays } = await this.settings.get();
    const due = await this.ds.getRepository(Order).find({
      select: { id: true },
      where: { status: 'SHIPPED', shippedAt: LessThan(new Date(this.clock.now().getTime() - autoConfirmDays * DAY_MS)) },
      order: { id: 'ASC' },
      take: 500,
    });
    let completed = 0;
    for (const { id } of due) {
      try {
        await withTx(this.ds, (tx) => this.lifecycle.transition(tx, id, 'COMPLETED', 'system', '超时自动确认收货', { completedAt: this.clock.now() }));
        completed++;
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'INVALID_STATE') throw e; // another instance got there first
      }
    }
    return { completed };
  }
}
