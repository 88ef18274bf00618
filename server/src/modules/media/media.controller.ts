import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

const PALETTE = ['#e8f5e9', '#fff3e0', '#e3f2fd', '#fce4ec', '#f3e5f5', '#e0f7fa', '#fffde7', '#efebe9'];
const INK = ['#2e7d32', '#e65100', '#1565c0', '#ad1457', '#6a1b9a', '#00838f', '#f9a825', '#4e342e'];

/** Placeholder product pictures for the demo store (no image hosting needed). */
@ApiExcludeController()
@Controller('media')
export class MediaController {
  @Get('placeholder/:key')
  @Header('Content-Type', 'image/svg+xml')
  @Header('Cache-Control', 'public, max-age=86400')
  placeholder(@Param('key') key: string) {
    // the router has decoded the parameter already: decoding again turned a literal '%' into a 500
    const name = key.replace(/\.svg$/, '').slice(0, 8);
    const i = [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % PALETTE.length;
    const label = name.replace(/[<>&"']/g, '');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400"><rect width="400" height="400" fill="${PALETTE[i]}"/><circle cx="200" cy="170" r="90" fill="${INK[i]}" opacity="0.15"/><text x="200" y="190" font-size="56" text-anchor="middle" fill="${INK[i]}" font-family="sans-serif">${label.slice(0, 2)}</text><text x="200" y="320" font-size="30" text-anchor="middle" fill="${INK[i]}" font-family="sans-serif">${label}</text></svg>`;
  }
}
