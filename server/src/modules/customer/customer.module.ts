import { Module } from '@nestjs/common';
import { CustomerService } from './customer.service';
import { Customer } from './entities/customer.entity';

export const CUSTOMER_ENTITIES = [Customer];

/** Who a customer is (WeChat identity, profile): the table every customer-facing module refers to. */
@Module({ providers: [CustomerService], exports: [CustomerService] })
export class CustomerModule {}
