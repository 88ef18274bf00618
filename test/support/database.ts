import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './server';

// mysql2 comes with the server package; the test package borrows it rather than adding a dependency
const mysql = createRequire(join(ROOT, 'server', 'package.json'))('mysql2/promise');

/** The MariaDB/MySQL server of the tests, without a database part. */
export const DB_SERVER = (process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/test').replace(/\/[^/]*$/, '');

export interface Db {
  /** `mysql://…/<name>` for the server's DATABASE_URL. */
  url: string;
  name: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Drops the database and closes the connection. */
  drop(): Promise<void>;
}

/** A new empty database on the test server, and a connection to it for checking what the server wrote. */
export async function freshDatabase(prefix: string): Promise<Db> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const conn = await mysql.createConnection({ uri: DB_SERVER });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.query(`USE \`${name}\``);
  return {
    url: `${DB_SERVER}/${name}`,
    name,
    query: async (sql, params) => (await conn.query(sql, params))[0],
    async drop() {
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
