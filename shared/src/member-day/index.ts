export * from './recurrence';
export * from './category-rates';
