import { Module } from '@nestjs/common';
import { CheckoutModule } from '../checkout/checkout.module';
import { CartController } from './cart.controller';
import { CartService } from './cart.service';

@Module({ imports: [CheckoutModule], controllers: [CartController], providers: [CartService], exports: [CartService] })
export class CartModule {}
