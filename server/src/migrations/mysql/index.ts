import { Init1795423636673 } from './1795423636673-Init';

/** MariaDB/MySQL migrations in order. Add each generated class here (TypeORM globs break under Jest). */
export const MYSQL_MIGRATIONS: Function[] = [Init1795423636673];
