import { Init1795423636673 } from './1795423636673-Init';
import { Shopping1795424769763 } from './1795424769763-Shopping';
import { Membership1795426102518 } from './1795426102518-Membership';
import { Tiers1795426369465 } from './1795426369465-Tiers';
import { MemberDays1795426900425 } from './1795426900425-MemberDays';
import { Points1795432903597 } from './1795432903597-Points';
import { StockCheck1795463710458 } from './1795463710458-StockCheck';
import { CheckIn1796461360455 } from './1796461360455-CheckIn';
import { ProductKeywords1796476000000 } from './1796476000000-ProductKeywords';

/** MariaDB/MySQL migrations in order. Add each generated class here (TypeORM globs break under Jest). */
export const MYSQL_MIGRATIONS: Function[] = [Init1795423636673, Shopping1795424769763, Membership1795426102518, Tiers1795426369465, MemberDays1795426900425, Points1795432903597, StockCheck1795463710458, CheckIn1796461360455, ProductKeywords1796476000000];
