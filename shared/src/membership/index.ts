export * from './pro-rata';
