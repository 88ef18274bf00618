import type { UploadedImage } from '@mc/shared';
import { api } from '../api';

/** As the server checks them (docs/images.md). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_GALLERY = 20;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** A gallery URL (800 px) → its 400 px thumbnail. */
export const thumbOf = (url: string) => url.replace(/-800\.jpg$/, '-400.jpg');

/** Uploads one picture; a wrong type or size is refused here first with the server's own sentence. */
export function uploadImage(file: File): Promise<UploadedImage> {
  if (file.type && !TYPES.includes(file.type)) return Promise.reject(new Error('只能上传 JPEG、PNG 或 WebP 格式的图片'));
  if (file.size > MAX_IMAGE_BYTES) return Promise.reject(new Error('图片不能超过 5 MB'));
  const form = new FormData();
  form.append('file', file);
  return api.post<UploadedImage>('/api/admin/media/images', form);
}
