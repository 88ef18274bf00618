import { Module } from '@nestjs/common';
import { PricingModule } from '../pricing/pricing.module';
import { CartController } from './cart.controller';
import { CartService } from './cart.service';
import { CartItem } from './entities/cart-item.entity';

export const CART_ENTITIES = [CartItem];

@Module({ imports: [PricingModule], controllers: [CartController], providers: [CartService], exports: [CartService] })
export class CartModule {}
