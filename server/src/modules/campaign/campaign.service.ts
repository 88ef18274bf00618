import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { messageTime, typedValueProblems, type CampaignPreview, type CampaignProgress, type CampaignRecipientRow, type CampaignStatus, type CampaignView, type RecipientStatus, type SegmentAudience } from '@mc/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { badRequest, conflict, notFound } from '../../common/errors';
import { skipTake, type Paged, type PageQuery } from '../../common/pagination';
import { withTx, type Tx } from '../../common/tx';
import * as sql from '../../database/sql';
import { CouponService } from '../coupon/coupon.service';
import { CouponTemplate } from '../coupon/entities/coupon-template.entity';
import { Customer } from '../customer/entities/customer.entity';
import { JobRegistry } from '../jobs/job-registry.service';
import { PointsService } from '../points/points.service';
import { audienceOf } from '../segments/dto/segments.dto';
import { SegmentService } from '../segments/segment.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { SubscriptionService } from '../subscription/subscription.service';
import { CampaignDto, PreviewDto, RecipientQuery } from './dto/campaign.dto';
import { CampaignRecipient } from './entities/campaign-recipient.entity';
import { Campaign } from './entities/campaign.entity';

/** Recipients one run of the job claims per running campaign. */
export const CAMPAIGN_BATCH = 100;
/** A claim older than this belongs to a run that died: another run takes the rows over. */
export const CLAIM_TIMEOUT_MS = 5 * 60_000;
/** The page a campaign message opens when its template names none: the shop's home. */
const MESSAGE_PAGE = 'pages/index/index';
/** Recipient rows per INSERT when a campaign starts. */
const FREEZE_CHUNK = 1000;

/** What happened to one recipient: its grant or message made (or found made before), refused, or not ours any more. */
type Outcome = 'SENT' | 'FAILED' | 'SKIPPED';

/**
 * Campaigns (docs/campaigns.md): a draft names an audience and an action; starting it freezes the
 * audience into recipient rows; the `run-campaigns` job works through them in claimed batches.
 * Exactly once per recipient: the recipient's PENDING → SENT/FAILED and its grant commit together
 * (one transaction per recipient), the move is conditional on PENDING, and the grant's unique key
 * (`campaign:<id>:<customer>` on the coupon or the points ledger) is the last guard.
 */
@Injectable()
export class CampaignService implements OnModuleInit {
  private readonly logger = new Logger('Campaigns');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly segments: SegmentService,
    private readonly coupons: CouponService,
    private readonly points: PointsService,
    private readonly audit: AuditService,
    private readonly jobs: JobRegistry,
    private readonly subscriptions: SubscriptionService,
    private readonly settings: StoreSettingsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'run-campaigns',
      description: `grant the next ${CAMPAIGN_BATCH} pending recipients of each running campaign`,
      everyMs: 5_000,
      run: () => this.runDue(),
    });
  }

  /**
   * A message campaign needs the 活动通知 template enabled, and its title and content must fit, as
   * typed, the keywords they are mapped to; why not, per field (empty: fine).
   */
  private async messageProblems(title: string, content: string): Promise<{ field: string; problems: string[] }[]> {
    const t = await this.subscriptions.enabledTemplate('CAMPAIGN');
    if (!t) return [{ field: 'actionKind', problems: ['请先在「订阅消息」页配置并启用「活动通知」模板'] }];
    const name: Record<string, string> = { title: 'messageTitle', content: 'messageContent' };
    return typedValueProblems(t.fields, { title, content }).map((p) => ({ field: name[p.field], problems: [p.problem] }));
  }

  private async action(dto: CampaignDto): Promise<Pick<Campaign, 'actionKind' | 'couponTemplateId' | 'points' | 'messageTitle' | 'messageContent'>> {
    const noMessage = { messageTitle: null, messageContent: null };
    if (dto.actionKind !== 'MESSAGE' && (dto.messageTitle !== undefined || dto.messageContent !== undefined)) {
      const field = dto.messageTitle !== undefined ? 'messageTitle' : 'messageContent';
      throw badRequest('只有发订阅消息的活动填写消息', { fields: [{ field, problems: ['发订阅消息时才可填写'] }] });
    }
    if (dto.actionKind === 'MESSAGE') {
      const extra = dto.couponTemplateId !== undefined ? 'couponTemplateId' : dto.points !== undefined ? 'points' : null;
      if (extra) throw badRequest('发订阅消息的活动不选优惠券、不填积分', { fields: [{ field: extra, problems: ['发订阅消息时不可填写'] }] });
      const message = { messageTitle: dto.messageTitle ?? '', messageContent: dto.messageContent ?? '' };
      const problems = await this.messageProblems(message.messageTitle, message.messageContent);
      if (problems.length) throw badRequest(problems.map((p) => p.problems[0]).join('；'), { fields: problems });
      return { actionKind: 'MESSAGE', couponTemplateId: null, points: null, ...message };
    }
    if (dto.actionKind === 'COUPON') {
      if (dto.couponTemplateId === undefined) throw badRequest('请选择优惠券', { fields: [{ field: 'couponTemplateId', problems: ['必填'] }] });
      if (dto.points !== undefined) throw badRequest('发优惠券的活动不填积分', { fields: [{ field: 'points', problems: ['发优惠券时不可填写'] }] });
      const t = await this.ds.getRepository(CouponTemplate).findOneBy({ id: dto.couponTemplateId });
      if (!t) throw badRequest(`优惠券 ${dto.couponTemplateId} 不存在`, { fields: [{ field: 'couponTemplateId', problems: ['不存在'] }] });
      if (!t.active) throw badRequest(`优惠券「${t.title}」已停用`, { fields: [{ field: 'couponTemplateId', problems: ['已停用'] }] });
      return { actionKind: 'COUPON', couponTemplateId: t.id, points: null, ...noMessage };
    }
    if (dto.points === undefined) throw badRequest('请填写赠送积分', { fields: [{ field: 'points', problems: ['必填'] }] });
    if (dto.couponTemplateId !== undefined) throw badRequest('送积分的活动不选优惠券', { fields: [{ field: 'couponTemplateId', problems: ['送积分时不可填写'] }] });
    return { actionKind: 'POINTS', couponTemplateId: null, points: dto.points, ...noMessage };
  }

  async create(staffId: number, dto: CampaignDto): Promise<CampaignView> {
    const audience = audienceOf(dto);
    const name = dto.name.trim();
    if (!name) throw badRequest('名称不能为空', { fields: [{ field: 'name', problems: ['不能为空'] }] });
    const fields = { name, audience, ...(await this.action(dto)) };
    const id = await withTx(this.ds, async (tx) => {
      const id = await tx.insert(Campaign, [{ ...fields, status: 'DRAFT', total: 0, createdBy: staffId, createdAt: this.clock.now(), startedAt: null, finishedAt: null }]);
      await this.audit.record(tx.em, { staffId, action: 'campaign.create', targetType: 'campaign', targetId: id, after: fields });
      return id;
    });
    return this.get(id);
  }

  /** With MESSAGE: also how many of the audience hold a consent for the 活动通知 template (null: the template is off). */
  async preview(audience: SegmentAudience, actionKind?: PreviewDto['actionKind']): Promise<CampaignPreview> {
    const page = await this.segments.customers(audience, { page: 1, pageSize: 10 });
    if (actionKind !== 'MESSAGE') return { recipients: page.total, sample: page.items };
    const t = await this.subscriptions.enabledTemplate('CAMPAIGN');
    const consented = t ? await this.subscriptions.countHolders(t.templateId, await this.segments.audienceIds(audience)) : null;
    return { recipients: page.total, sample: page.items, consented };
  }

  private async progress(ids: number[]): Promise<Map<number, CampaignProgress>> {
    const out = new Map(ids.map((id) => [id, { total: 0, sent: 0, failed: 0, pending: 0 }]));
    if (!ids.length) return out;
    const rows = await this.ds
      .getRepository(CampaignRecipient)
      .createQueryBuilder('r')
      .select('r.campaignId', 'campaignId')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where({ campaignId: In(ids) })
      .groupBy('r.campaignId')
      .addGroupBy('r.status')
      .getRawMany<{ campaignId: number; status: RecipientStatus; n: string | number }>();
    for (const r of rows) {
      const p = out.get(Number(r.campaignId))!;
      const n = Number(r.n);
      p.total += n;
      if (r.status === 'SENT') p.sent = n;
      else if (r.status === 'FAILED') p.failed = n;
      else p.pending = n;
    }
    return out;
  }

  private async views(campaigns: Campaign[]): Promise<CampaignView[]> {
    const ids = campaigns.map((c) => c.id);
    const templateIds = [...new Set(campaigns.flatMap((c) => (c.couponTemplateId === null ? [] : [c.couponTemplateId])))];
    const [progress, templates] = await Promise.all([
      this.progress(ids),
      templateIds.length ? this.ds.getRepository(CouponTemplate).find({ where: { id: In(templateIds) }, select: { id: true, title: true } }) : [],
    ]);
    return campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      audience: c.audience,
      actionKind: c.actionKind,
      couponTemplateId: c.couponTemplateId,
      couponTitle: templates.find((t) => t.id === c.couponTemplateId)?.title ?? null,
      points: c.points,
      messageTitle: c.messageTitle,
      messageContent: c.messageContent,
      progress: progress.get(c.id)!,
      createdAt: c.createdAt.toISOString(),
      startedAt: c.startedAt?.toISOString() ?? null,
      finishedAt: c.finishedAt?.toISOString() ?? null,
    }));
  }

  async list(q: PageQuery): Promise<Paged<CampaignView>> {
    const [rows, total] = await this.ds.getRepository(Campaign).findAndCount({ order: { id: 'DESC' }, ...skipTake(q) });
    return { items: await this.views(rows), total };
  }

  async get(id: number): Promise<CampaignView> {
    const c = await this.ds.getRepository(Campaign).findOneBy({ id });
    if (!c) throw notFound('营销活动');
    return (await this.views([c]))[0];
  }

  async recipients(id: number, q: RecipientQuery): Promise<Paged<CampaignRecipientRow>> {
    await this.get(id);
    const [rows, total] = await this.ds.getRepository(CampaignRecipient).findAndCount({
      where: { campaignId: id, ...(q.status ? { status: q.status } : {}) },
      order: { id: 'ASC' },
      ...skipTake(q),
    });
    const customers = rows.length ? await this.ds.getRepository(Customer).find({ where: { id: In(rows.map((r) => r.customerId)) }, select: { id: true, nickname: true } }) : [];
    const nick = new Map(customers.map((c) => [c.id, c.nickname]));
    return {
      items: rows.map((r) => ({ customerId: r.customerId, nickname: nick.get(r.customerId) ?? '', status: r.status, reason: r.reason, processedAt: r.processedAt?.toISOString() ?? null })),
      total,
    };
  }

  /** A campaign's status from → to, or 409 when it is not in `from` (a second click, a race). */
  private async move(tx: Tx, id: number, from: CampaignStatus, to: CampaignStatus, more: Partial<Campaign> = {}): Promise<void> {
    const set = sql.assignments(tx.em, Campaign, { status: to, ...more });
    const n = await tx.execute(`UPDATE ${sql.table(tx.em, Campaign)} SET ${set.clause} WHERE \`id\` = ? AND \`status\` = ?`, [...set.params, id, from]);
    if (n === 1) return;
    if (!(await tx.em.existsBy(Campaign, { id }))) throw notFound('营销活动');
    throw conflict('INVALID_STATE', `活动当前不能执行此操作`);
  }

  /** DRAFT → RUNNING: who the audience reaches now becomes the recipient list (unique per customer), in one transaction. */
  async start(staffId: number, id: number): Promise<CampaignView> {
    const campaign = await this.ds.getRepository(Campaign).findOneBy({ id });
    if (!campaign) throw notFound('营销活动');
    if (campaign.status !== 'DRAFT') throw conflict('INVALID_STATE', '活动已开始');
    if (campaign.actionKind === 'MESSAGE') {
      // the template may have been turned off or remapped since the draft
      const problems = await this.messageProblems(campaign.messageTitle ?? '', campaign.messageContent ?? '');
      if (problems.length) throw conflict('INVALID_STATE', `消息无法发送：${problems.map((p) => p.problems[0]).join('；')}`);
    }
    const customerIds = (await this.segments.audienceIds(campaign.audience)).sort((a, b) => a - b);
    if (!customerIds.length) throw conflict('INVALID_STATE', '没有符合条件的客户，活动未开始');
    await withTx(this.ds, async (tx) => {
      await this.move(tx, id, 'DRAFT', 'RUNNING', { startedAt: this.clock.now(), total: customerIds.length });
      for (let i = 0; i < customerIds.length; i += FREEZE_CHUNK) {
        const chunk = customerIds.slice(i, i + FREEZE_CHUNK).map((customerId) => ({ campaignId: id, customerId, status: 'PENDING' as const, reason: null, claimToken: null, claimedAt: null, processedAt: null }));
        await tx.insertLater(CampaignRecipient, chunk);
      }
      await this.audit.record(tx.em, { staffId, action: 'campaign.start', targetType: 'campaign', targetId: id, after: { recipients: customerIds.length, audience: campaign.audience } });
    });
    return this.get(id);
  }

  async pause(staffId: number, id: number): Promise<CampaignView> {
    await withTx(this.ds, async (tx) => {
      await this.move(tx, id, 'RUNNING', 'PAUSED');
      await this.audit.record(tx.em, { staffId, action: 'campaign.pause', targetType: 'campaign', targetId: id });
    });
    return this.get(id);
  }

  async resume(staffId: number, id: number): Promise<CampaignView> {
    await withTx(this.ds, async (tx) => {
      await this.move(tx, id, 'PAUSED', 'RUNNING');
      await this.audit.record(tx.em, { staffId, action: 'campaign.resume', targetType: 'campaign', targetId: id });
    });
    return this.get(id);
  }

  /** The job: one claimed batch of each running campaign. */
  async runDue(): Promise<{ campaigns: number; sent: number; failed: number; finished: number }> {
    const running = await this.ds.getRepository(Campaign).find({ where: { status: 'RUNNING' }, order: { id: 'ASC' } });
    const out = { campaigns: running.length, sent: 0, failed: 0, finished: 0 };
    for (const c of running) {
      const r = await this.runBatch(c);
      out.sent += r.sent;
      out.failed += r.failed;
      if (r.finished) out.finished++;
    }
    return out;
  }

  private dbDate(em: EntityManager, d: Date): unknown {
    return sql.assignments(em, CampaignRecipient, { claimedAt: d }).params[0];
  }

  /**
   * Claims up to CAMPAIGN_BATCH pending rows with one conditional UPDATE (rows unclaimed, or whose
   * claim timed out), so two runs at once take disjoint rows; then grants each in its own
   * transaction. When nothing is pending any more the campaign is DONE.
   */
  private async runBatch(c: Campaign): Promise<{ sent: number; failed: number; finished: boolean }> {
    const em = this.ds.manager;
    const token = randomUUID();
    const now = this.clock.now();
    const table = sql.table(em, CampaignRecipient);
    const set = sql.assignments(em, CampaignRecipient, { claimToken: token, claimedAt: now });
    const free = `\`campaignId\` = ? AND \`status\` = 'PENDING' AND (\`claimedAt\` IS NULL OR \`claimedAt\` < ?)`;
    const params = [...set.params, c.id, this.dbDate(em, new Date(now.getTime() - CLAIM_TIMEOUT_MS)), CAMPAIGN_BATCH];
    // MariaDB takes ORDER BY … LIMIT on an UPDATE (and no LIMIT in an IN subquery); SQLite the other way round
    const claim =
      this.ds.options.type === 'sqljs'
        ? `UPDATE ${table} SET ${set.clause} WHERE \`id\` IN (SELECT \`id\` FROM ${table} WHERE ${free} ORDER BY \`id\` LIMIT ?)`
        : `UPDATE ${table} SET ${set.clause} WHERE ${free} ORDER BY \`id\` LIMIT ?`;
    await sql.execute(em, claim, params);
    const claimed = await this.ds.getRepository(CampaignRecipient).find({ where: { claimToken: token, status: 'PENDING' }, order: { id: 'ASC' } });
    let sent = 0;
    let failed = 0;
    for (const r of claimed) {
      const outcome = await this.deliver(c, r, token);
      if (outcome === 'SENT') sent++;
      if (outcome === 'FAILED') failed++;
    }
    const pending = await this.ds.getRepository(CampaignRecipient).countBy({ campaignId: c.id, status: 'PENDING' });
    let finished = false;
    if (pending === 0) {
      finished = await withTx(this.ds, async (tx) => {
        const set = sql.assignments(tx.em, Campaign, { status: 'DONE', finishedAt: this.clock.now() });
        return (await tx.execute(`UPDATE ${sql.table(tx.em, Campaign)} SET ${set.clause} WHERE \`id\` = ? AND \`status\` = ?`, [...set.params, c.id, 'RUNNING'])) === 1;
      });
    }
    return { sent, failed, finished };
  }

  /** One recipient, in one transaction: PENDING → SENT and the grant, or → FAILED with the reason. */
  private async deliver(c: Campaign, r: CampaignRecipient, token: string): Promise<Outcome> {
    const mark = async (tx: Tx, status: RecipientStatus, reason: string | null, from: RecipientStatus = 'PENDING') => {
      const set = sql.assignments(tx.em, CampaignRecipient, { status, reason, processedAt: this.clock.now() });
      return tx.execute(`UPDATE ${sql.table(tx.em, CampaignRecipient)} SET ${set.clause} WHERE \`id\` = ? AND \`status\` = ? AND \`claimToken\` = ?`, [...set.params, r.id, from, token]);
    };
    try {
      if (c.actionKind === 'MESSAGE') {
        // WeChat is called outside any transaction (send commits the message row, then calls it), so
        // send first and mark after. Killed in between, the row stays PENDING; the run that takes it
        // over sends with the same key, which answers the first outcome instead of sending again.
        if (!(await this.ds.getRepository(CampaignRecipient).existsBy({ id: r.id, status: 'PENDING', claimToken: token }))) return 'SKIPPED';
        const { status, reason } = await this.sendMessage(c, r.customerId);
        return (await withTx(this.ds, (tx) => mark(tx, status, reason))) === 1 ? status : 'SKIPPED';
      }
      return await withTx(this.ds, async (tx) => {
        // first, under the row's lock: still pending and still ours (a run that took over a timed-out claim may have done it)
        if ((await mark(tx, 'SENT', null)) !== 1) return 'SKIPPED';
        const refusal = await this.grant(tx, c, r.customerId);
        if (refusal === null) return 'SENT';
        await mark(tx, 'FAILED', refusal, 'SENT');
        return 'FAILED';
      });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.logger.warn({ campaignId: c.id, customerId: r.customerId, err: reason }, 'campaign grant failed');
      const n = await withTx(this.ds, (tx) => mark(tx, 'FAILED', reason.slice(0, 200)));
      return n === 1 ? 'FAILED' : 'SKIPPED';
    }
  }

  /** One campaign message through SubscriptionService (key `campaign:<id>:<customerId>`), as the recipient's status and reason. */
  private async sendMessage(c: Campaign, customerId: number): Promise<{ status: 'SENT' | 'FAILED'; reason: string | null }> {
    const { timezone } = await this.settings.get();
    const values = { title: c.messageTitle ?? '', content: c.messageContent ?? '', sentAt: messageTime(timezone, this.clock.now()) };
    const { outcome, reason } = await this.subscriptions.sendWithReason({ customerId, kind: 'CAMPAIGN', values, dedupeKey: `campaign:${c.id}:${customerId}`, page: MESSAGE_PAGE });
    if (outcome === 'SENT') return { status: 'SENT', reason: null };
    // SKIPPED with a row: no credit left; without one: the template was turned off, nothing recorded
    if (outcome === 'SKIPPED') return { status: 'FAILED', reason: reason === null ? '活动通知模板未启用' : '未订阅' };
    return { status: 'FAILED', reason: `微信未送达：${reason ?? ''}`.slice(0, 200) };
  }

  /** The campaign's action for one customer; null when granted (now or before: the key is unique), else why not. */
  private async grant(tx: Tx, c: Campaign, customerId: number): Promise<string | null> {
    if (c.actionKind === 'COUPON') {
      const r = await this.coupons.tryGrant(tx, { templateId: c.couponTemplateId!, customerId, source: 'CAMPAIGN', dedupeKey: `campaign:${c.id}:${customerId}` });
      return 'code' in r ? r.message : null;
    }
    await this.points.post(tx, { customerId, delta: c.points!, kind: 'GIFT', dedupeKey: `campaign:${c.id}:customer:${customerId}`, memo: `营销活动：${c.name}` });
    return null;
  }
}
