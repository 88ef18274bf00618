// For the TypeORM CLI (migration:generate/run/revert): DATABASE_URL selects MariaDB/MySQL, unset → sql.js file.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './database/db-options';

export default new DataSource(buildDataSourceOptions(process.env.DATABASE_URL || null, process.env.SQLJS_PATH || 'data/demo.sqlite'));
