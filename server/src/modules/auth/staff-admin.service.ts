import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { StaffAccount } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { TokenService } from '../../common/auth/tokens';
import { Clock } from '../../common/clock';
import { conflict, notFound, unauthorized } from '../../common/errors';
import { isDuplicateKey, rowLock, withTx } from '../../common/tx';
import type { CreateStaffDto, UpdateStaffDto } from './dto/staff.dto';
import { StaffUser } from './entities/staff-user.entity';

const BCRYPT_ROUNDS = 10;

export const staffAccountView = (s: StaffUser): StaffAccount => ({ id: s.id, username: s.username, role: s.role, active: Boolean(s.active), createdAt: s.createdAt.toISOString() });
/** What the audit log keeps of an account: never the password hash. */
const audited = (s: StaffUser) => ({ username: s.username, role: s.role, active: Boolean(s.active) });

/**
 * The owner manages staff accounts. Disabling an account or setting a password bumps its token version, which signs
 * it out everywhere (StaffGuard, within the staff cache's few seconds on other instances). The store always keeps an
 * active owner, and nobody disables or demotes themselves.
 */
@Injectable()
export class StaffAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
  ) {}

  async list(): Promise<{ items: StaffAccount[]; total: number }> {
    const rows = await this.ds.getRepository(StaffUser).find({ order: { id: 'ASC' } });
    return { items: rows.map(staffAccountView), total: rows.length };
  }

  async create(ownerId: number, dto: CreateStaffDto): Promise<StaffAccount> {
    const passwordHash = await bcrypt.hash(dto.password, BCRYPT_ROUNDS);
    try {
      return await withTx(this.ds, async ({ em }) => {
        const row = em.create(StaffUser, { username: dto.username, passwordHash, role: dto.role, active: true, tokenVersion: 0, createdAt: this.clock.now() });
        await em.insert(StaffUser, row);
        await this.audit.record(em, { staffId: ownerId, action: 'staff.create', targetType: 'staff', targetId: row.id, after: audited(row) });
        return staffAccountView(row);
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw conflict('CONFLICT', `用户名「${dto.username}」已被使用`);
      throw e;
    }
  }

  async update(ownerId: number, id: number, dto: UpdateStaffDto): Promise<StaffAccount> {
    return withTx(this.ds, async ({ em }) => {
      const staff = await this.locked(em, id);
      if (id === ownerId && ((dto.role !== undefined && dto.role !== staff.role) || dto.active === false)) {
        throw conflict('INVALID_STATE', '不能停用自己的账号或修改自己的角色');
      }
      const before = audited(staff);
      const next = { role: dto.role ?? staff.role, active: dto.active ?? staff.active };
      if (staff.role === 'owner' && staff.active && (next.role !== 'owner' || !next.active)) await this.assertAnotherOwner(em, id);
      const signOut = staff.active && !next.active;
      await em.update(StaffUser, { id }, { ...next, ...(signOut ? { tokenVersion: staff.tokenVersion + 1 } : {}) });
      Object.assign(staff, next);
      await this.audit.record(em, { staffId: ownerId, action: 'staff.update', targetType: 'staff', targetId: id, before, after: audited(staff) });
      return staffAccountView(staff);
    });
  }

  /** The owner sets a new password for someone: their sessions end. */
  async resetPassword(ownerId: number, id: number, password: string): Promise<void> {
    const passwordHash = await bcrypt.hash(password, BCRYPT_ROUNDS);
    await withTx(this.ds, async ({ em }) => {
      const staff = await this.locked(em, id);
      await em.update(StaffUser, { id }, { passwordHash, tokenVersion: staff.tokenVersion + 1 });
      await this.audit.record(em, { staffId: ownerId, action: 'staff.password-reset', targetType: 'staff', targetId: id, after: { username: staff.username } });
    });
  }

  /** Anyone changes their own password (the old one first): their other sessions end; this one gets a new token. */
  async changeOwnPassword(staffId: number, oldPassword: string, newPassword: string): Promise<{ token: string }> {
    const staff = await this.ds.getRepository(StaffUser).findOneBy({ id: staffId, active: true });
    if (!staff) throw unauthorized('员工账号不存在或已停用，请重新登录');
    if (!(await bcrypt.compare(oldPassword, staff.passwordHash))) throw conflict('INVALID_STATE', '原密码不正确');
    const passwordHash = await bcrypt.hash(newPassword, BCRYPT_ROUNDS);
    const version = await withTx(this.ds, async ({ em }) => {
      const current = await this.locked(em, staffId);
      await em.update(StaffUser, { id: staffId }, { passwordHash, tokenVersion: current.tokenVersion + 1 });
      await this.audit.record(em, { staffId, action: 'staff.password-change', targetType: 'staff', targetId: staffId, after: { username: current.username } });
      return current.tokenVersion + 1;
    });
    return { token: this.tokens.sign({ sub: staffId, typ: 'staff', role: staff.role, ver: version }) };
  }

  private async locked(em: EntityManager, id: number): Promise<StaffUser> {
    const staff = await em.findOne(StaffUser, { where: { id }, lock: rowLock(em) });
    if (!staff) throw notFound('员工账号');
    return staff;
  }

  private async assertAnotherOwner(em: EntityManager, id: number): Promise<void> {
    const owners = await em.find(StaffUser, { where: { role: 'owner', active: true }, lock: rowLock(em) });
    if (!owners.some((o) => o.id !== id)) throw conflict('INVALID_STATE', '店铺至少要保留一个启用的店主账号');
  }
}
