export * from './types';
export { PricingInputError, validatePricingInput } from './validate';
export { priceCart, asPaidMember } from './price-cart';
export { bestUnitPrice, shopPrice, withPaidCard, type ShopPrice, type UnitPrice, type UnitPriceBuyer, type UnitPriceLine } from './unit-price';
