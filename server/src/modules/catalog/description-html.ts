import sanitizeHtml from 'sanitize-html';

/** How a picture in a description is laid out, on every device (the mini-program's rich-text takes inline styles). */
const IMG_STYLE = 'display:block;max-width:100%;height:auto';
/** A picture uploaded here, or one on another https site. */
const IMG_SRC = /^(\/api\/media\/img\/[0-9a-f]{32}-\d+\.jpg|https:\/\/[^\s"'<>]+)$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'hr', 'img'],
  allowedAttributes: { img: ['src', 'alt', 'style'] },
  allowedSchemes: ['https'],
  allowProtocolRelative: false,
  // a style is the server's own, never the one sent
  transformTags: { img: (tagName, attribs) => ({ tagName, attribs: { src: attribs.src ?? '', alt: attribs.alt ?? '', style: IMG_STYLE } }) },
  exclusiveFilter: (frame) => frame.tag === 'img' && !IMG_SRC.test(frame.attribs.src ?? ''),
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A product description as it is stored and shown: HTML with only the tags of OPTIONS (no scripts,
 * event handlers, links, frames or foreign styles; pictures from here or https). Text without tags
 * becomes one paragraph per line; a description with neither text nor pictures becomes ''.
 */
export function sanitizeDescription(input: string): string {
  const html = /<[a-z/!]/i.test(input)
    ? input
    : input
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => `<p>${escapeText(line)}</p>`)
        .join('');
  const clean = sanitizeHtml(html, OPTIONS).trim();
  const hasText = sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, '') !== '';
  return hasText || clean.includes('<img') ? clean : '';
}
