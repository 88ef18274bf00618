export * from './types';
export { POINT_VALUES, PricingInputError, validatePricingInput } from './validate';
export { priceCart, asPaidMember, couponOffCents } from './price-cart';
export * from './coupons';
export { bestUnitPrice, shopPrice, withPaidCard, type ShopPrice, type UnitPrice, type UnitPriceBuyer, type UnitPriceLine } from './unit-price';
