import { Injectable } from '@nestjs/common';
import { formatYuan, ORDER_KIND_LABEL, ORDER_STATUS_LABEL } from '@mc/shared';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { StoreSettingsService } from '../settings/store-settings.service';
import { AdminOrderListQuery } from './dto/order.dto';
import { OrderQueries } from './order-queries.service';

/** Yuan as a spreadsheet number (shown with two decimals), from fen through formatYuan. */
const yuan = (cents: number) => Number(formatYuan(cents));

const COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: '订单号', key: 'orderNo', width: 22 },
  { header: '下单时间', key: 'createdAt', width: 20 },
  { header: '类型', key: 'kind', width: 10 },
  { header: '状态', key: 'status', width: 10 },
  { header: '客户', key: 'customer', width: 16 },
  { header: '手机尾号', key: 'phoneTail', width: 10 },
  { header: '会员', key: 'member', width: 8 },
  { header: '商品', key: 'goods', width: 40 },
  { header: '件数', key: 'itemCount', width: 8 },
  { header: '商品金额', key: 'goodsYuan', width: 12, style: { numFmt: '0.00' } },
  { header: '优惠', key: 'discountYuan', width: 10, style: { numFmt: '0.00' } },
  { header: '运费', key: 'shippingYuan', width: 10, style: { numFmt: '0.00' } },
  { header: '积分抵扣', key: 'pointsYuan', width: 10, style: { numFmt: '0.00' } },
  { header: '实付', key: 'payableYuan', width: 12, style: { numFmt: '0.00' } },
  { header: '已退款', key: 'refundedYuan', width: 12, style: { numFmt: '0.00' } },
  { header: '收货人', key: 'receiver', width: 10 },
  { header: '收货电话', key: 'receiverPhone', width: 14 },
  { header: '收货地址', key: 'address', width: 40 },
  { header: '备注', key: 'note', width: 20 },
  { header: '快递公司', key: 'carrier', width: 12 },
  { header: '快递单号', key: 'trackingNo', width: 18 },
  { header: '支付时间', key: 'paidAt', width: 20 },
  { header: '发货时间', key: 'shippedAt', width: 20 },
];

/**
 * The staff's filtered orders as an xlsx workbook (exceljs), built on the server from the same
 * filter as the list, so the file holds every order the filter finds, not only the page on screen.
 * Times are in the store's time zone; amounts are yuan numbers the spreadsheet can sum.
 */
@Injectable()
export class OrderExportService {
  constructor(
    private readonly ds: DataSource,
    private readonly queries: OrderQueries,
    private readonly settings: StoreSettingsService,
  ) {}

  async workbook(q: AdminOrderListQuery): Promise<Buffer> {
    const [rows, { timezone }] = await Promise.all([this.queries.exportRows(q), this.settings.get(this.ds.manager)]);
    const time = new Intl.DateTimeFormat('sv-SE', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const at = (d: Date | null) => (d ? time.format(d) : '');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('订单', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS;
    sheet.getRow(1).font = { bold: true };
    for (const { order: o, lines, customer } of rows) {
      const a = o.address;
      sheet.addRow({
        orderNo: o.orderNo,
        createdAt: at(o.createdAt),
        kind: ORDER_KIND_LABEL[o.kind],
        status: ORDER_STATUS_LABEL[o.status],
        customer: customer.nickname,
        phoneTail: customer.phoneTail ?? '',
        member: customer.member ? '是' : '否',
        goods: lines.map((l) => `${l.title}${Object.values(l.specs).length ? `（${Object.values(l.specs).join('/')}）` : ''} ×${l.qty}`).join('；'),
        itemCount: lines.reduce((n, l) => n + l.qty, 0),
        goodsYuan: yuan(o.goodsCents),
        discountYuan: yuan(o.discountCents),
        shippingYuan: yuan(o.shippingCents),
        pointsYuan: yuan(o.pointsValueCents),
        payableYuan: yuan(o.payableCents),
        refundedYuan: yuan(o.refundedCents),
        receiver: a?.name ?? '',
        receiverPhone: a?.phone ?? '',
        address: a ? `${a.province}${a.city}${a.district}${a.detail}` : '',
        note: o.note,
        carrier: o.carrier ?? '',
        trackingNo: o.trackingNo ?? '',
        paidAt: at(o.paidAt),
        shippedAt: at(o.shippedAt),
      });
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}
