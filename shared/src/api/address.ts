import type { Id, Paged } from './common';

/** Who receives a parcel and where: an address book entry, and the snapshot an order keeps. */
export interface AddressFields {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

/** A shipping address (GET /api/addresses/:id; what POST and PUT answer). */
export interface Address extends AddressFields {
  id: Id;
  isDefault: boolean;
}

/** POST /api/addresses; PUT /api/addresses/:id takes the same fields, all optional. */
export interface AddressRequest extends AddressFields {
  isDefault?: boolean;
}

/** GET /api/addresses: all of the customer's addresses, default first. */
export type AddressList = Paged<Address>;
