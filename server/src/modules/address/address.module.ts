import { Module } from '@nestjs/common';
import { AddressController } from './address.controller';
import { AddressService } from './address.service';
import { Address } from './entities/address.entity';

export const ADDRESS_ENTITIES = [Address];

@Module({ controllers: [AddressController], providers: [AddressService], exports: [AddressService] })
export class AddressModule {}
