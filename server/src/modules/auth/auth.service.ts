import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, unauthorized } from '../../common/errors';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { isDuplicateKey } from '../../common/tx';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { WechatApiClient, WechatError } from '../../wechat';
import { CustomerService } from '../customer/customer.service';
import { ReferralService } from '../distribution/referral.service';
import { CustomerStanding, customerStandingOf, customerStandingQuery, readCustomerStanding } from '../membership/customer-standing';
import { StaffRole, StaffUser } from './entities/staff-user.entity';
import { TokenService } from '../../common/auth/tokens';
import * as sql from '../../database/sql';

const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const FAILURES_PER_ACCOUNT = 5;
const FAILURES_PER_CLIENT = 20;

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly rateLimit: RateLimitService,
    private readonly wechat: WechatApiClient,
    private readonly customers: CustomerService,
    private readonly referrals: ReferralService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The owner account `admin` is created from ADMIN_PASSWORD on first start. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminPassword) {
      await this.ensureStaff('admin', this.config.adminPassword, 'owner');
    }
    if (this.config.production && (await this.ds.manager.count(StaffUser)) === 0) {
      throw new Error('no staff account exists: set ADMIN_PASSWORD to create the owner account "admin"');
    }
  }

  async ensureStaff(username: string, password: string, role: StaffRole): Promise<void> {
    if (await this.ds.manager.existsBy(StaffUser, { username })) return;
    try {
      await this.ds.manager.insert(StaffUser, {
        username,
        passwordHash: await bcrypt.hash(password, 10),
        role,
        active: true,
        createdAt: this.clock.now(),
      });
      this.logger.log(`staff account "${username}" (${role}) created`);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e; // another instance created it first
    }
  }

  async wechatLogin(code: string, ref: string | undefined): Promise<{ token: string; standing: CustomerStanding }> {
    let session: { openid: string; unionid?: string };
    try {
      session = await this.wechat.code2Session(code);
    } catch (e) {
      if (e instanceof WechatError) throw unauthorized('微信登录失败：登录凭证无效或已过期，请重试');
      throw new AppError(502, 'INTERNAL_ERROR', '暂时无法连接微信，请稍后再试');
    }
    const now = this.clock.now();
    const em = this.ds.manager;
    // every login of a returning customer: one write and one read (with what /me shows), in one round trip
    const [, rows] = await sql.together(em, [this.customers.loginStatement(session.openid, now), customerStandingQuery(em, { openid: session.openid })]);
    let standing = customerStandingOf(em, rows as Record<string, unknown>[]);
    if (!standing) {
      await this.customers.createOnFirstLogin({ openid: session.openid, unionid: session.unionid ?? null, signupRef: ref ?? null, at: now });
      standing = await readCustomerStanding(em, { openid: session.openid });
      if (!standing) throw new Error(`customer ${session.openid} vanished after its first login`);
    }
    // a share link's ref binds the customer (or not: the visit records why); it never fails the login
    if (ref) await this.referrals.visit(standing.customer.id, ref, 'LOGIN').catch((err) => this.logger.warn({ err, ref }, 'referral at login not recorded'));
    return { token: this.tokens.sign({ sub: standing.customer.id, typ: 'customer' }), standing };
  }

  async staffLogin(username: string, password: string, clientIp: string): Promise<{ token: string; staff: StaffUser }> {
    const accountBucket = `staff-login:user:${username.toLowerCase()}`;
    const clientBucket = `staff-login:ip:${clientIp}`;
    await this.rateLimit.assertUnder(accountBucket, FAILURES_PER_ACCOUNT, LOGIN_WINDOW_MS);
    await this.rateLimit.assertUnder(clientBucket, FAILURES_PER_CLIENT, LOGIN_WINDOW_MS);
    const staff = await this.ds.manager.findOneBy(StaffUser, { username });
    const ok = staff?.active === true && (await bcrypt.compare(password, staff.passwordHash));
    if (!ok || !staff) {
      await this.rateLimit.hit(accountBucket, LOGIN_WINDOW_MS);
      await this.rateLimit.hit(clientBucket, LOGIN_WINDOW_MS);
      throw unauthorized('用户名或密码错误');
    }
    await this.rateLimit.reset(accountBucket);
    return { token: this.tokens.sign({ sub: staff.id, typ: 'staff', role: staff.role, ver: staff.tokenVersion }), staff };
  }

  async staffById(id: number): Promise<StaffUser> {
    const staff = await this.ds.manager.findOneBy(StaffUser, { id, active: true });
    if (!staff) throw unauthorized('员工账号不存在或已停用，请重新登录');
    return staff;
  }

  async updateProfile(id: number, changes: { nickname?: string; avatarUrl?: string; birthday?: string }): Promise<void> {
    await this.customers.updateProfile((await this.standingById(id)).customer, changes);
  }

  async standingById(id: number): Promise<CustomerStanding> {
    const standing = await readCustomerStanding(this.ds.manager, { id });
    if (!standing) throw unauthorized('账号不存在，请重新登录');
    return standing;
  }
}
