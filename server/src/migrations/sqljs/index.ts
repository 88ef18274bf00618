import { Init1795423642532 } from './1795423642532-Init';

/** sql.js (embedded demo) migrations in order. Add each generated class here. */
export const SQLJS_MIGRATIONS: Function[] = [Init1795423642532];
