import type { Id, Paged } from './common';

/** A shipping address (GET /api/addresses/:id; what POST and PUT answer). */
export interface Address {
  id: Id;
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault: boolean;
}

/** POST /api/addresses; PUT /api/addresses/:id takes the same fields, all optional. */
export interface AddressRequest {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault?: boolean;
}

/** GET /api/addresses: all of the customer's addresses, default first. */
export type AddressList = Paged<Address>;
