import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard } from '../../common/auth/guards';
import { AddressService } from './address.service';
import { AddressDto, UpdateAddressDto } from './dto/address.dto';

@ApiTags('addresses')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('addresses')
export class AddressController {
  constructor(private readonly addresses: AddressService) {}

  @Get()
  async list(@CurrentCustomer() who: CustomerPrincipal) {
    const items = await this.addresses.list(who.customerId);
    return { items, total: items.length };
  }

  @Get(':id')
  get(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.addresses.get(who.customerId, id);
  }

  @Post()
  create(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: AddressDto) {
    return this.addresses.create(who.customerId, dto);
  }

  @Put(':id')
  update(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateAddressDto) {
    return this.addresses.update(who.customerId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    await this.addresses.remove(who.customerId, id);
  }
}
