export * from './money';
export * from './order-state';
export * from './pricing';
export * from './api';
export * from './member-day';
export * from './membership';
export * from './points';
export * from './region';
