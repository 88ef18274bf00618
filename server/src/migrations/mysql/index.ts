import { Init1795423636673 } from './1795423636673-Init';
import { Shopping1795424769763 } from './1795424769763-Shopping';
import { Membership1795426102518 } from './1795426102518-Membership';
import { Tiers1795426369465 } from './1795426369465-Tiers';
import { MemberDays1795426900425 } from './1795426900425-MemberDays';
import { Points1795432903597 } from './1795432903597-Points';
import { StockCheck1795463710458 } from './1795463710458-StockCheck';
import { CheckIn1796461360455 } from './1796461360455-CheckIn';
import { PointsExpiry1796470000000 } from './1796470000000-PointsExpiry';
import { Coupons1796471000000 } from './1796471000000-Coupons';
import { PointsMall1796472000000 } from './1796472000000-PointsMall';
import { Distribution1796473000000 } from './1796473000000-Distribution';
import { AfterSales1796474000000 } from './1796474000000-AfterSales';
import { ProductKeywords1796476000000 } from './1796476000000-ProductKeywords';
import { ReportIndexes1796477000000 } from './1796477000000-ReportIndexes';
import { MemberDayArchive1796478000000 } from './1796478000000-MemberDayArchive';
import { StaffTokenVersion1796479000000 } from './1796479000000-StaffTokenVersion';
import { Lottery1796480000000 } from './1796480000000-Lottery';
import { MemberReportIndexes1796500000000 } from './1796500000000-MemberReportIndexes';
import { Campaigns1796530000000 } from './1796530000000-Campaigns';
import { SubscriptionMessages1796540000000 } from './1796540000000-SubscriptionMessages';
import { CampaignMessage1796550000000 } from './1796550000000-CampaignMessage';

/** MariaDB/MySQL migrations in order. Add each generated class here (TypeORM globs break under Jest). */
export const MYSQL_MIGRATIONS: Function[] = [Init1795423636673, Shopping1795424769763, Membership1795426102518, Tiers1795426369465, MemberDays1795426900425, Points1795432903597, StockCheck1795463710458, CheckIn1796461360455, PointsExpiry1796470000000, Coupons1796471000000, PointsMall1796472000000, Distribution1796473000000, AfterSales1796474000000, ProductKeywords1796476000000, ReportIndexes1796477000000, MemberDayArchive1796478000000, StaffTokenVersion1796479000000, Lottery1796480000000, MemberReportIndexes1796500000000, Campaigns1796530000000, SubscriptionMessages1796540000000, CampaignMessage1796550000000];
