export * from './money';
export * from './order-state';
export * from './pricing';
export * from './api';
