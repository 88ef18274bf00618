export * from './errors';
export * from './common';
export * from './auth';
export * from './catalog';
export * from './cart';
export * from './checkout';
export * from './orders';
export * from './points';
