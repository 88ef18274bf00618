import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, notFound } from '../../common/errors';
import { withTx } from '../../common/tx';
import { AddressDto, UpdateAddressDto } from './dto/address.dto';
import { Address } from './entities/address.entity';
import { assertRegion } from './regions';
import * as sql from '../../database/sql';

const MAX_ADDRESSES = 20;

export type AddressView = Omit<Address, 'customerId' | 'createdAt'>;

export const toAddressView = ({ customerId: _c, createdAt: _t, ...view }: Address): AddressView => view;

/** A customer's shipping addresses; at most one default; nobody else can see them (404). */
@Injectable()
export class AddressService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(customerId: number): Promise<AddressView[]> {
    const rows = await this.ds.getRepository(Address).find({ where: { customerId }, order: { isDefault: 'DESC', id: 'DESC' } });
    return rows.map(toAddressView);
  }

  async get(customerId: number, id: number): Promise<AddressView> {
    return toAddressView(await this.getOwn(this.ds.manager, customerId, id));
  }

  /** For order placement: the customer's own address, read inside the order's transaction. */
  async getOwn(db: sql.Db, customerId: number, id: number): Promise<Address> {
    const [raw] = await sql.rows(db, `SELECT ${sql.columns(db, Address, 'a')} FROM ${sql.table(db, Address, 'a')} WHERE a.id = ? AND a.customerId = ?`, [id, customerId]);
    const row = raw && sql.hydrate(db, Address, raw, 'a');
    if (!row) throw notFound('收货地址');
    return row;
  }

  async create(customerId: number, dto: AddressDto): Promise<AddressView> {
    assertRegion(dto);
    return withTx(this.ds, async ({ em }) => {
      const count = await em.countBy(Address, { customerId });
      if (count >= MAX_ADDRESSES) throw new AppError(409, 'LIMIT_EXCEEDED', `最多保存 ${MAX_ADDRESSES} 个收货地址`);
      const makeDefault = dto.isDefault === true || count === 0;
      // only touch other rows when there are some: a locking UPDATE on an empty range takes gap locks
      if (makeDefault && count > 0) await em.update(Address, { customerId, isDefault: true }, { isDefault: false });
      const row = await em.save(em.create(Address, { ...dto, customerId, isDefault: makeDefault, createdAt: this.clock.now() }));
      return toAddressView(row);
    });
  }

  async update(customerId: number, id: number, dto: UpdateAddressDto): Promise<AddressView> {
    return withTx(this.ds, async (tx) => {
      const { em } = tx;
      const row = await this.getOwn(tx, customerId, id);
      if (dto.isDefault === true) await em.update(Address, { customerId, isDefault: true }, { isDefault: false });
      Object.assign(row, dto, { isDefault: dto.isDefault ?? row.isDefault });
      // the place as it will be saved: a change of city alone must still name a city of the province
      if (dto.province !== undefined || dto.city !== undefined || dto.district !== undefined) assertRegion(row);
      return toAddressView(await em.save(row));
    });
  }

  async remove(customerId: number, id: number): Promise<void> {
    await withTx(this.ds, async (tx) => {
      const { em } = tx;
      const row = await this.getOwn(tx, customerId, id);
      await em.delete(Address, { id: row.id });
      if (row.isDefault) {
        const next = await em.findOne(Address, { where: { customerId }, order: { id: 'DESC' } });
        if (next) await em.update(Address, { id: next.id }, { isDefault: true });
      }
    });
  }
}
