import { Init1795423642532 } from './1795423642532-Init';
import { Shopping1795424785664 } from './1795424785664-Shopping';
import { Membership1795426118979 } from './1795426118979-Membership';
import { Tiers1795426388844 } from './1795426388844-Tiers';
import { MemberDays1795426917792 } from './1795426917792-MemberDays';
import { Points1795432920330 } from './1795432920330-Points';
import { StockCheck1795463710458 } from './1795463710458-StockCheck';
import { CheckIn1796461405968 } from './1796461405968-CheckIn';
import { ProductKeywords1796476000000 } from './1796476000000-ProductKeywords';

/** sql.js (embedded demo) migrations in order. Add each generated class here. */
export const SQLJS_MIGRATIONS: Function[] = [Init1795423642532, Shopping1795424785664, Membership1795426118979, Tiers1795426388844, MemberDays1795426917792, Points1795432920330, StockCheck1795463710458, CheckIn1796461405968, ProductKeywords1796476000000];
