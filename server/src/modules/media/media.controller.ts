import { Controller, Get, Header, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { AppError, badRequest, notFound } from '../../common/errors';
import { ImageService, MAX_UPLOAD_BYTES, MAX_UPLOAD_TEXT, type StoredImage } from './image.service';

const PALETTE = ['#e8f5e9', '#fff3e0', '#e3f2fd', '#fce4ec', '#f3e5f5', '#e0f7fa', '#fffde7', '#efebe9'];
const INK = ['#2e7d32', '#e65100', '#1565c0', '#ad1457', '#6a1b9a', '#00838f', '#f9a825', '#4e342e'];

/** Stored images never change (the name is a digest of the content): caches may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

@ApiTags('media')
@Controller('media')
export class MediaController {
  constructor(private readonly images: ImageService) {}

  /** An uploaded or generated image variant (`<digest>-<size>.jpg`). */
  @Get('img/:name')
  async image(@Param('name') name: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const file = await this.images.read(name);
    if (!file) throw notFound('图片');
    const etag = `"${name}"`;
    void reply.header('cache-control', IMMUTABLE).header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type(file.contentType).send(file.body);
  }

  /** Placeholder pictures kept for databases seeded before the demo store had real pictures. */
  @ApiExcludeEndpoint()
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

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin/media')
export class MediaAdminController {
  constructor(private readonly images: ImageService) {}

  /** One picture as multipart/form-data field `file`: checked, resized, stored. */
  @Post('images')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(@Req() req: FastifyRequest): Promise<StoredImage> {
    if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传图片（字段 file）');
    const tooBig = () => new AppError(413, 'VALIDATION_FAILED', `图片不能超过 ${MAX_UPLOAD_TEXT}`);
    let body: Buffer | null = null;
    try {
      const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!part || part.fieldname !== 'file') throw badRequest('请选择要上传的图片（字段 file）');
      body = await part.toBuffer();
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooBig();
      if (e instanceof AppError) throw e;
      throw badRequest('上传的表单无法读取');
    }
    return this.images.upload(body);
  }
}
