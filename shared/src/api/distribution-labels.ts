import type { CommissionStatus, DistributorStatus, WithdrawalStatus } from './distribution';

/** What the distribution statuses are called, in the mini-program and the admin page alike. */

export const DISTRIBUTOR_STATUS_LABEL: Readonly<Record<DistributorStatus, string>> = {
  NONE: '未申请',
  PENDING: '待审核',
  APPROVED: '已通过',
  REJECTED: '已拒绝',
  DISABLED: '已停用',
};

export const COMMISSION_STATUS_LABEL: Readonly<Record<CommissionStatus, string>> = {
  PENDING: '待结算',
  SETTLED: '已结算',
  WITHDRAWN: '已提现',
  CANCELLED: '已取消',
};

export const WITHDRAWAL_STATUS_LABEL: Readonly<Record<WithdrawalStatus, string>> = {
  PENDING: '待审核',
  APPROVED: '打款中',
  PAID: '已到账',
  REJECTED: '已拒绝',
  FAILED: '打款失败',
};
