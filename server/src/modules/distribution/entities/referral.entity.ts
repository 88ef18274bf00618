import type { BindingOutcome } from '@mc/shared';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

export const VISIT_SOURCES = ['LOGIN', 'VISIT'] as const;
export type VisitSource = (typeof VISIT_SOURCES)[number];
export const BINDING_OUTCOMES = ['UNKNOWN_REF', 'INACTIVE', 'SELF', 'CYCLE', 'BOUND', 'RENEWED', 'REBOUND', 'KEPT'] as const;

/** Who a customer is bound to (one row per customer), until `expiresAt`. */
@Entity('referral_binding')
@Index('ix_referral_binding_distributor', ['distributorId', 'expiresAt'])
export class ReferralBinding {
  @PrimaryColumn({ type: 'int' })
  customerId: number;

  @Column({ type: 'int' })
  distributorId: number;

  @TimeColumn()
  boundAt: Date;

  @TimeColumn()
  expiresAt: Date;
}

/** Every visit through a share link and what it did to the binding (the funnel). */
@Entity('referral_visit')
@Index('ix_referral_visit_distributor', ['distributorId', 'createdAt'])
@Index('ix_referral_visit_created', ['createdAt', 'outcome', 'customerId'])
export class ReferralVisit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'int', nullable: true })
  distributorId: number | null;

  @Column({ type: 'varchar', length: 16 })
  refCode: string;

  @Column({ type: 'simple-enum', enum: VISIT_SOURCES })
  source: VisitSource;

  @Column({ type: 'simple-enum', enum: BINDING_OUTCOMES })
  outcome: BindingOutcome;

  @TimeColumn()
  createdAt: Date;
}

/** A short scene code for a mini-program code (scene ≤ 32 characters): which distributor, which page. */
@Entity('share_scene')
@Index('uq_share_scene_target', ['distributorId', 'target'], { unique: true })
export class ShareScene {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_share_scene_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  sceneCode: string;

  @Column({ type: 'int' })
  distributorId: number;

  /** 'home', 'card' or 'product:<id>'. */
  @Column({ type: 'varchar', length: 32 })
  target: string;

  /** The mini-program page with its query, `ref` included. */
  @Column({ type: 'varchar', length: 200 })
  path: string;

  @TimeColumn()
  createdAt: Date;
}
