import { Injectable, Logger } from '@nestjs/common';
import {
  MESSAGE_FIELDS,
  MESSAGE_KIND_LABEL,
  MESSAGE_KINDS,
  SCENE_KINDS,
  TEMPLATE_ID_RE,
  templateData,
  templateSettingProblems,
  type AdminSubscriptionTemplate,
  type MessageKind,
  type SubscriptionConsentsResponse,
  type SubscriptionMessageRecord,
  type SubscriptionMessageStatus,
  type SubscriptionScene,
  type SubscriptionTemplatesResponse,
  type TemplateSetting,
} from '@mc/shared';
import { DataSource, In, MoreThan } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { badRequest } from '../../common/errors';
import { skipTake, type Paged } from '../../common/pagination';
import { isDuplicateKey, withTx } from '../../common/tx';
import * as sql from '../../database/sql';
import { WechatApiClient, WechatError } from '../../wechat';
import { Customer } from '../customer/entities/customer.entity';
import type { MessageLogQuery, TemplateSettingDto } from './dto/subscription.dto';
import { SubscriptionCredit } from './entities/subscription-credit.entity';
import { SubscriptionMessage } from './entities/subscription-message.entity';
import { SubscriptionTemplate } from './entities/subscription-template.entity';

export type SendOutcome = 'SENT' | 'SKIPPED' | 'FAILED';

interface SendCommon {
  customerId: number;
  /** Unique per customer and kind: the same key is sent once, whoever asks and how often. */
  dedupeKey: string;
  /** The page the message opens when the template names none. */
  page?: string;
}

/** A message of one of our kinds (`values`: our field name → text), or one named by template id with its data as is (campaigns). */
export type SendRequest = SendCommon & ({ kind: MessageKind; values: Record<string, string> } | { templateId: string; data: Record<string, { value: string }> });

const MAX_CONSENTS = 10;
const CONSENT_ANSWERS = new Set(['accept', 'reject', 'ban', 'filter']);

/**
 * Subscription messages (docs/subscription-messages.md): the merchant's templates, the customers'
 * one-time consents as credits, and `send`, the one way a message goes out.
 */
@Injectable()
export class SubscriptionService {
  private readonly logger = new Logger('Subscriptions');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly wechat: WechatApiClient,
    private readonly audit: AuditService,
  ) {}

  /** The enabled template of a kind, or null. */
  async enabledTemplate(kind: MessageKind): Promise<SubscriptionTemplate | null> {
    const t = await this.ds.getRepository(SubscriptionTemplate).findOneBy({ kind });
    return t && t.enabled && t.templateId ? t : null;
  }

  async templatesFor(scene: SubscriptionScene): Promise<SubscriptionTemplatesResponse> {
    const kinds = SCENE_KINDS[scene];
    const rows = await this.ds.getRepository(SubscriptionTemplate).findBy({ kind: In([...kinds]), enabled: true });
    const templates = kinds.flatMap((kind) => {
      const t = rows.find((r) => r.kind === kind && r.templateId);
      return t ? [{ kind, templateId: t.templateId, title: MESSAGE_KIND_LABEL[kind] }] : [];
    });
    return { scene, templates };
  }

  /**
   * What `requestSubscribeMessage` answered: each accept of an enabled template adds one credit
   * (WeChat's one-time rule: one consent, one message). Other answers and unknown ids change nothing.
   */
  async recordConsents(customerId: number, results: unknown): Promise<SubscriptionConsentsResponse> {
    if (!results || typeof results !== 'object' || Array.isArray(results)) throw badRequest('results: 须为 {模板ID: "accept" | "reject"}');
    const entries = Object.entries(results as Record<string, unknown>);
    if (entries.length === 0 || entries.length > MAX_CONSENTS) throw badRequest(`results: 须有 1 到 ${MAX_CONSENTS} 个模板`);
    for (const [id, answer] of entries) {
      if (!TEMPLATE_ID_RE.test(id)) throw badRequest(`results: 模板 ID「${id}」格式不对`);
      if (typeof answer !== 'string' || !CONSENT_ANSWERS.has(answer)) throw badRequest(`results.${id}: 须为 accept、reject、ban 或 filter`);
    }
    const ids = entries.map(([id]) => id);
    const enabled = new Set((await this.ds.getRepository(SubscriptionTemplate).findBy({ templateId: In(ids), enabled: true })).map((t) => t.templateId));
    const accepted = entries.filter(([id, a]) => a === 'accept' && enabled.has(id)).map(([id]) => id);
    // the rows first, on their own (an INSERT IGNORE inside the transaction would hold gap locks that
    // deadlock two consents at once); then each counter +1 under its row lock, in id order
    if (accepted.length) {
      await this.ds.createQueryBuilder().insert().into(SubscriptionCredit).values(accepted.sort().map((templateId) => ({ customerId, templateId, credits: 0, updatedAt: this.clock.now() }))).orIgnore().execute();
    }
    return withTx(this.ds, async (tx) => {
      const now = this.clock.now();
      for (const templateId of accepted) {
        const { clause, params } = sql.assignments(tx.em, SubscriptionCredit, { updatedAt: now });
        await tx.execute(`UPDATE ${sql.table(tx.em, SubscriptionCredit)} SET \`credits\` = \`credits\` + 1, ${clause} WHERE \`customerId\` = ? AND \`templateId\` = ?`, [...params, customerId, templateId]);
      }
      const held = await tx.em.findBy(SubscriptionCredit, { customerId, templateId: In(ids) });
      return { credits: Object.fromEntries(ids.map((id) => [id, held.find((h) => h.templateId === id)?.credits ?? 0])) };
    });
  }

  /** Customers holding at least one credit for a template (the audience of the scheduled kinds). */
  async holders(templateId: string): Promise<number[]> {
    const rows = await this.ds.getRepository(SubscriptionCredit).find({ select: { customerId: true }, where: { templateId, credits: MoreThan(0) }, order: { customerId: 'ASC' } });
    return rows.map((r) => r.customerId);
  }

  /**
   * Sends one message, once per (customer, kind, dedupeKey): the row is claimed and a credit taken
   * in one transaction (no credit: SKIPPED), WeChat is called after the commit, and a refusal gives
   * the credit back (FAILED, with WeChat's error). A key already claimed answers its status.
   * Never throws for WeChat's sake. A kind whose template is off sends nothing and records nothing.
   */
  async send(req: SendRequest): Promise<SendOutcome> {
    const outcome = await this.sendOnce(req);
    if (outcome !== 'ALREADY') return outcome;
    const row = await this.ds.getRepository(SubscriptionMessage).findOneBy({ customerId: req.customerId, kind: 'kind' in req ? req.kind : 'TEMPLATE', dedupeKey: req.dedupeKey });
    return row?.status === 'FAILED' || row?.status === 'SKIPPED' ? row.status : 'SENT';
  }

  /**
   * `send` with why a message did not go out: a FAILED or SKIPPED message row's error, or null
   * when nothing was recorded (the kind's template is off). For a key used before, its first outcome.
   */
  async sendWithReason(req: SendRequest): Promise<{ outcome: SendOutcome; reason: string | null }> {
    const outcome = await this.send(req);
    if (outcome === 'SENT') return { outcome, reason: null };
    const row = await this.ds.getRepository(SubscriptionMessage).findOneBy({ customerId: req.customerId, kind: 'kind' in req ? req.kind : 'TEMPLATE', dedupeKey: req.dedupeKey });
    return { outcome, reason: row?.error ?? null };
  }

  /** How many of these customers hold a credit for a template. */
  async countHolders(templateId: string, customerIds: readonly number[]): Promise<number> {
    const wanted = new Set(customerIds);
    return (await this.holders(templateId)).filter((id) => wanted.has(id)).length;
  }

  /** `send`, answering ALREADY when the key was claimed before (by this run or another): what the jobs count. */
  async sendOnce(req: SendRequest): Promise<SendOutcome | 'ALREADY'> {
    let kind: string;
    let templateId: string;
    let data: Record<string, { value: string }>;
    let page = req.page ?? null;
    if ('kind' in req) {
      const t = await this.enabledTemplate(req.kind);
      if (!t) return 'SKIPPED';
      kind = req.kind;
      templateId = t.templateId;
      data = templateData(t.fields, req.values);
      page = t.page ?? page;
    } else {
      if (!TEMPLATE_ID_RE.test(req.templateId)) throw new Error(`bad template id ${req.templateId}`);
      kind = 'TEMPLATE';
      templateId = req.templateId;
      data = req.data;
    }
    const claim = await withTx(this.ds, async (tx) => {
      const now = this.clock.now();
      let id: number;
      try {
        id = await tx.insert(SubscriptionMessage, [{ customerId: req.customerId, kind, templateId, dedupeKey: req.dedupeKey, status: 'SENDING', data, page, error: null, createdAt: now, updatedAt: now }], { alone: true });
      } catch (e) {
        if (isDuplicateKey(e)) return { id: 0, taken: false, duplicate: true };
        throw e;
      }
      const { clause, params } = sql.assignments(tx.em, SubscriptionCredit, { updatedAt: now });
      const taken = (await tx.execute(`UPDATE ${sql.table(tx.em, SubscriptionCredit)} SET \`credits\` = \`credits\` - 1, ${clause} WHERE \`customerId\` = ? AND \`templateId\` = ? AND \`credits\` > 0`, [...params, req.customerId, templateId])) === 1;
      if (!taken) await tx.em.update(SubscriptionMessage, { id }, { status: 'SKIPPED', error: '没有可用的订阅（顾客未同意或已用完）' });
      return { id, taken, duplicate: false };
    });
    if (claim.duplicate) return 'ALREADY';
    if (!claim.taken) return 'SKIPPED';
    const customer = await this.ds.getRepository(Customer).findOneBy({ id: req.customerId });
    let error: string | null = null;
    try {
      if (!customer) throw new Error('customer not found');
      await this.wechat.sendSubscribeMessage({ touser: customer.openid, templateId, data, ...(page ? { page } : {}) });
    } catch (e) {
      error = e instanceof WechatError ? `${e.errcode} ${e.errmsg}` : String((e as Error).message ?? e);
      this.logger.warn({ customerId: req.customerId, kind, templateId, error }, 'subscription message not sent');
    }
    await withTx(this.ds, async (tx) => {
      const now = this.clock.now();
      if (error === null) {
        await tx.em.update(SubscriptionMessage, { id: claim.id }, { status: 'SENT', updatedAt: now });
        return;
      }
      await tx.em.update(SubscriptionMessage, { id: claim.id }, { status: 'FAILED', error: error.slice(0, 255), updatedAt: now });
      const { clause, params } = sql.assignments(tx.em, SubscriptionCredit, { updatedAt: now });
      await tx.execute(`UPDATE ${sql.table(tx.em, SubscriptionCredit)} SET \`credits\` = \`credits\` + 1, ${clause} WHERE \`customerId\` = ? AND \`templateId\` = ?`, [...params, req.customerId, templateId]);
    });
    return error === null ? 'SENT' : 'FAILED';
  }

  // ---- admin ----

  async adminTemplates(): Promise<AdminSubscriptionTemplate[]> {
    const rows = await this.ds.getRepository(SubscriptionTemplate).find();
    return MESSAGE_KINDS.map((kind) => this.adminView(kind, rows.find((r) => r.kind === kind) ?? null));
  }

  /** Staff set a kind's template: validated (refused, never corrected), audited before → after in the same transaction. */
  async setTemplate(staffId: number, kind: MessageKind, dto: TemplateSettingDto): Promise<AdminSubscriptionTemplate> {
    const next: TemplateSetting = { templateId: dto.templateId, fields: { ...dto.fields }, page: dto.page ?? null, enabled: dto.enabled };
    const problems = templateSettingProblems(kind, next);
    if (problems.length) {
      throw badRequest(problems.map((p) => `${p.field}: ${p.problem}`).join('；'), { fields: problems.map((p) => ({ field: p.field, problems: [p.problem] })) });
    }
    return withTx(this.ds, async (tx) => {
      const before = await tx.em.findOneBy(SubscriptionTemplate, { kind });
      const row: SubscriptionTemplate = { kind, ...next, updatedAt: this.clock.now() };
      await tx.em.save(SubscriptionTemplate, row);
      await this.audit.record(tx.em, {
        staffId,
        action: 'subscription-template.update',
        targetType: 'subscription_template',
        targetId: kind,
        before: before ? settingOf(before) : null,
        after: next,
      });
      return this.adminView(kind, row);
    });
  }

  async messageLog(q: MessageLogQuery): Promise<Paged<SubscriptionMessageRecord>> {
    const where = { ...(q.status ? { status: q.status } : {}), ...(q.kind ? { kind: q.kind } : {}), ...(q.customerId ? { customerId: q.customerId } : {}) };
    const [rows, total] = await this.ds.getRepository(SubscriptionMessage).findAndCount({ where, order: { id: 'DESC' }, ...skipTake(q) });
    const customers = rows.length ? await this.ds.getRepository(Customer).find({ select: { id: true, nickname: true }, where: { id: In([...new Set(rows.map((r) => r.customerId))]) } }) : [];
    const nickname = new Map(customers.map((c) => [c.id, c.nickname]));
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        customerId: r.customerId,
        customerNickname: nickname.get(r.customerId) ?? '',
        kind: r.kind as SubscriptionMessageRecord['kind'],
        templateId: r.templateId,
        dedupeKey: r.dedupeKey,
        status: r.status as SubscriptionMessageStatus,
        data: r.data,
        error: r.error,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  private adminView(kind: MessageKind, row: SubscriptionTemplate | null): AdminSubscriptionTemplate {
    return {
      kind,
      title: MESSAGE_KIND_LABEL[kind],
      availableFields: MESSAGE_FIELDS[kind],
      ...(row ? settingOf(row) : { templateId: '', fields: {}, page: null, enabled: false }),
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }
}

const settingOf = (r: SubscriptionTemplate): TemplateSetting => ({ templateId: r.templateId, fields: r.fields, page: r.page, enabled: r.enabled });
