export * from './types';
export { PricingInputError, validatePricingInput } from './validate';
export { priceCart, asPaidMember } from './price-cart';
