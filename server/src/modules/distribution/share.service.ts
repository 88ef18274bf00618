import { Injectable } from '@nestjs/common';
import { makeCode, type SharePayload, type ShareScene as ShareSceneView } from '@mc/shared';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { conflict, notFound } from '../../common/errors';
import { isDuplicateKey } from '../../common/tx';
import { Product } from '../catalog/entities/product.entity';
import { Distributor } from './entities/distributor.entity';
import { ShareScene } from './entities/referral.entity';

/** Scene codes: 8 characters, far below the 32 a mini-program code's scene may hold. */
const SCENE_CODE_LENGTH = 8;

export type ShareTarget = { kind: 'home' } | { kind: 'card' } | { kind: 'product'; productId: number };

/**
 * What a distributor shares: the page path with their `ref` (onShareAppMessage), and a scene code
 * for the poster's mini-program code, one per distributor and page, resolved by `scene`.
 */
@Injectable()
export class ShareService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async share(customerId: number, target: ShareTarget): Promise<SharePayload> {
    const d = await this.ds.getRepository(Distributor).findOneBy({ customerId });
    if (!d || d.status !== 'APPROVED' || !d.refCode) throw conflict('INVALID_STATE', '成为分销员后才能分享赚佣金');
    const ref = d.refCode;
    let path: string;
    let title: string;
    let key: string;
    if (target.kind === 'product') {
      const p = await this.ds.getRepository(Product).findOneBy({ id: target.productId, onShelf: true });
      if (!p) throw notFound('商品');
      path = `pages/product/index?id=${p.id}&ref=${ref}`;
      title = p.title;
      key = `product:${p.id}`;
    } else if (target.kind === 'card') {
      path = `member/pages/center/index?ref=${ref}`;
      title = '开通会员，享会员价、包邮和积分加速';
      key = 'card';
    } else {
      path = `pages/home/index?ref=${ref}`;
      title = '会员商城，好物推荐给你';
      key = 'home';
    }
    const sceneCode = await this.sceneFor(d.id, key, path);
    return { path, title, refCode: ref, sceneCode, posterUrl: `/api/share/posters/${sceneCode}.png` };
  }

  async scene(sceneCode: string): Promise<ShareSceneView & { target: string; distributorId: number }> {
    const s = await this.ds.getRepository(ShareScene).findOneBy({ sceneCode });
    if (!s) throw notFound('分享码');
    const d = await this.ds.getRepository(Distributor).findOneByOrFail({ id: s.distributorId });
    return { refCode: d.refCode ?? '', path: s.path, target: s.target, distributorId: d.id };
  }

  /** The distributor's scene for a page: made once (a concurrent twin or a code collision reads or draws again). */
  private async sceneFor(distributorId: number, target: string, path: string): Promise<string> {
    const repo = this.ds.getRepository(ShareScene);
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await repo.findOneBy({ distributorId, target });
      if (found) {
        if (found.path !== path) await repo.update({ id: found.id }, { path });
        return found.sceneCode;
      }
      try {
        const sceneCode = makeCode(SCENE_CODE_LENGTH, (n) => randomInt(n));
        await repo.insert({ sceneCode, distributorId, target, path, createdAt: this.clock.now() });
        return sceneCode;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    throw new Error('no scene code after 5 attempts');
  }
}
