export * from './types';
export { POINT_VALUES, PricingInputError, validatePricingInput } from './validate';
export { priceCart, asPaidMember } from './price-cart';
export { bestUnitPrice, withPaidCard, type UnitPrice, type UnitPriceBuyer, type UnitPriceLine } from './unit-price';
