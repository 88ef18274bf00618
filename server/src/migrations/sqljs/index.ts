import { Init1795423642532 } from './1795423642532-Init';
import { Shopping1795424785664 } from './1795424785664-Shopping';
import { Membership1795426118979 } from './1795426118979-Membership';
import { Tiers1795426388844 } from './1795426388844-Tiers';
import { MemberDays1795426917792 } from './1795426917792-MemberDays';
import { Points1795432920330 } from './1795432920330-Points';
import { StockCheck1795463710458 } from './1795463710458-StockCheck';
import { CheckIn1796461405968 } from './1796461405968-CheckIn';
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

/** sql.js (embedded demo) migrations in order. Add each generated class here. */
export const SQLJS_MIGRATIONS: Function[] = [Init1795423642532, Shopping1795424785664, Membership1795426118979, Tiers1795426388844, MemberDays1795426917792, Points1795432920330, StockCheck1795463710458, CheckIn1796461405968, PointsExpiry1796470000000, Coupons1796471000000, PointsMall1796472000000, Distribution1796473000000, AfterSales1796474000000, ProductKeywords1796476000000, ReportIndexes1796477000000, MemberDayArchive1796478000000, StaffTokenVersion1796479000000, Lottery1796480000000, MemberReportIndexes1796500000000, Campaigns1796530000000, SubscriptionMessages1796540000000, CampaignMessage1796550000000];
