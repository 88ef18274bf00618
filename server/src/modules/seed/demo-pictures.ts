/**
 * The demo store's product pictures, drawn as SVG (rendered to JPEG by the image service): a
 * drawing of the kind of goods of each category on a gradient backdrop, coloured per product.
 */

/** h 0–360, s and l 0–100 → '#rrggbb'. */
function hsl(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** The colours of one picture, from one hue. */
interface Tone {
  hue: number;
  main: string;
  dark: string;
  light: string;
  accent: string;
}

const tone = (hue: number, sat = 55, l = 52): Tone => ({
  hue,
  main: hsl(hue, sat, l),
  dark: hsl(hue, sat, Math.max(12, l - 22)),
  light: hsl(hue, sat, l > 80 ? 70 : 86),
  accent: hsl((hue + 40) % 360, 70, 60),
});

const leaf = (x: number, y: number, r: number, angle: number, fill: string, vein: string) =>
  `<g transform="translate(${x} ${y}) rotate(${angle}) scale(${r / 60})"><path d="M0 -60 C40 -30 40 30 0 60 C-40 30 -40 -30 0 -60Z" fill="${fill}"/><path d="M0 -52 L0 52" stroke="${vein}" stroke-width="4" fill="none"/></g>`;

/** Each drawing is centred on (400, 420) in an 800 × 800 picture and about 440 wide. */
const DRAWINGS: Record<string, (t: Tone) => string> = {
  绿茶: (t) => `
    <rect x="270" y="250" width="260" height="340" rx="26" fill="${t.main}"/>
    <rect x="270" y="250" width="60" height="340" rx="26" fill="#ffffff" opacity="0.18"/>
    <rect x="255" y="205" width="290" height="70" rx="18" fill="${t.dark}"/>
    <rect x="300" y="330" width="200" height="170" rx="14" fill="${t.light}"/>
    ${leaf(385, 410, 55, -25, hsl(110, 50, 42), hsl(110, 50, 70))}${leaf(430, 420, 45, 30, hsl(100, 55, 50), hsl(100, 50, 75))}
    ${leaf(200, 560, 40, -60, hsl(110, 45, 45), hsl(110, 45, 70))}${leaf(610, 300, 34, 35, hsl(100, 50, 52), hsl(100, 50, 78))}`,
  红茶: (t) => `
    <path d="M560 420 C640 400 660 330 610 300" stroke="${t.dark}" stroke-width="26" fill="none" stroke-linecap="round"/>
    <path d="M250 430 C190 420 170 360 150 330" stroke="${t.main}" stroke-width="30" fill="none" stroke-linecap="round"/>
    <ellipse cx="400" cy="440" rx="180" ry="150" fill="${t.main}"/>
    <ellipse cx="350" cy="400" rx="60" ry="90" fill="#ffffff" opacity="0.16"/>
    <ellipse cx="400" cy="300" rx="110" ry="26" fill="${t.dark}"/>
    <circle cx="400" cy="268" r="22" fill="${t.accent}"/>
    <path d="M470 560 h170 a0 0 0 0 1 0 0 v20 a60 60 0 0 1 -60 60 h-50 a60 60 0 0 1 -60 -60 z" fill="${t.light}"/>
    <ellipse cx="555" cy="560" rx="85" ry="16" fill="${hsl(20, 70, 35)}"/>`,
  坚果: (t) => {
    const nuts = [
      [330, 420],
      [400, 400],
      [470, 420],
      [360, 470],
      [440, 470],
      [300, 470],
      [500, 470],
    ]
      .map(([x, y], i) => `<ellipse cx="${x}" cy="${y}" rx="44" ry="30" transform="rotate(${(i * 37) % 90 - 45} ${x} ${y})" fill="${hsl(30 + (i % 3) * 8, 55, 45 + (i % 2) * 10)}" stroke="${hsl(30, 50, 28)}" stroke-width="4"/>`)
      .join('');
    return `${nuts}<path d="M200 470 h400 a200 170 0 0 1 -400 0z" fill="${t.main}"/><path d="M230 500 h340" stroke="#ffffff" stroke-width="10" opacity="0.25" stroke-linecap="round"/><ellipse cx="400" cy="640" rx="90" ry="14" fill="${t.dark}"/>`;
  },
  糕点: (t) => {
    const cake = (x: number, y: number, r: number) =>
      `<circle cx="${x}" cy="${y}" r="${r}" fill="${hsl(35, 70, 55)}"/><circle cx="${x}" cy="${y}" r="${r * 0.78}" fill="${hsl(40, 80, 68)}"/><circle cx="${x}" cy="${y}" r="${r * 0.3}" fill="${t.accent}"/>` +
      [0, 60, 120, 180, 240, 300].map((a) => `<circle cx="${x + Math.cos((a * Math.PI) / 180) * r * 0.55}" cy="${y + Math.sin((a * Math.PI) / 180) * r * 0.55}" r="${r * 0.08}" fill="${hsl(30, 60, 45)}"/>`).join('');
    return `<ellipse cx="400" cy="470" rx="260" ry="170" fill="${t.light}"/><ellipse cx="400" cy="470" rx="230" ry="145" fill="#ffffff"/>${cake(310, 440, 80)}${cake(490, 440, 80)}${cake(400, 530, 80)}`;
  },
  护肤: (t) => `
    <rect x="300" y="320" width="200" height="290" rx="36" fill="${t.main}"/>
    <rect x="318" y="340" width="46" height="240" rx="20" fill="#ffffff" opacity="0.22"/>
    <rect x="330" y="420" width="140" height="110" rx="10" fill="${t.light}"/>
    <rect x="350" y="455" width="100" height="12" rx="6" fill="${t.dark}"/><rect x="365" y="480" width="70" height="10" rx="5" fill="${t.main}"/>
    <rect x="350" y="260" width="100" height="70" rx="10" fill="${t.dark}"/>
    <ellipse cx="400" cy="215" rx="42" ry="58" fill="${t.accent}"/>
    <circle cx="600" cy="300" r="26" fill="${t.light}" opacity="0.9"/><circle cx="630" cy="360" r="14" fill="${t.light}" opacity="0.8"/><circle cx="190" cy="520" r="20" fill="${t.light}" opacity="0.8"/>`,
  洗护: (t) => `
    <rect x="285" y="310" width="230" height="320" rx="48" fill="${t.main}"/>
    <rect x="305" y="330" width="50" height="270" rx="22" fill="#ffffff" opacity="0.2"/>
    <rect x="320" y="420" width="160" height="120" rx="12" fill="${t.light}"/>
    ${leaf(400, 480, 34, 20, t.main, t.light)}
    <rect x="370" y="250" width="60" height="64" fill="${t.dark}"/>
    <rect x="340" y="220" width="120" height="40" rx="12" fill="${t.dark}"/>
    <path d="M440 232 h90 v24 h-24" stroke="${t.dark}" stroke-width="22" fill="none" stroke-linejoin="round"/>
    <circle cx="610" cy="470" r="30" fill="#ffffff" opacity="0.7"/><circle cx="200" cy="380" r="22" fill="#ffffff" opacity="0.6"/><circle cx="170" cy="440" r="12" fill="#ffffff" opacity="0.6"/>`,
  厨房: (t) => `
    <rect x="560" y="385" width="200" height="46" rx="23" fill="${hsl(25, 45, 35)}" transform="rotate(-18 560 408)"/>
    <circle cx="380" cy="430" r="210" fill="${hsl(t.hue, 10, 25)}"/>
    <circle cx="380" cy="430" r="180" fill="${hsl(t.hue, 12, 15)}"/>
    <circle cx="380" cy="430" r="140" fill="${hsl(t.hue, 10, 22)}"/>
    <path d="M250 350 A160 160 0 0 1 420 280" stroke="#ffffff" stroke-width="12" opacity="0.18" fill="none" stroke-linecap="round"/>
    <ellipse cx="360" cy="450" rx="70" ry="50" fill="#ffffff"/><circle cx="370" cy="450" r="30" fill="${hsl(42, 95, 55)}"/>`,
  收纳: (t) => `
    <path d="M230 300 L400 230 L570 300 L400 370 Z" fill="${t.light}"/>
    <path d="M230 300 L400 370 L400 620 L230 550 Z" fill="${t.main}"/>
    <path d="M570 300 L400 370 L400 620 L570 550 Z" fill="${t.dark}"/>
    <path d="M250 390 L380 445 M250 470 L380 525" stroke="#ffffff" stroke-width="6" opacity="0.5"/>
    <rect x="290" y="430" width="50" height="14" rx="7" fill="#ffffff" opacity="0.8" transform="rotate(22 315 437)"/>
    <rect x="290" y="510" width="50" height="14" rx="7" fill="#ffffff" opacity="0.8" transform="rotate(22 315 517)"/>`,
  T恤: (t) => `
    <path d="M300 230 L220 260 L150 360 L225 410 L265 360 L265 630 L535 630 L535 360 L575 410 L650 360 L580 260 L500 230 C480 275 320 275 300 230 Z" fill="${t.main}"/>
    <path d="M300 230 C320 275 480 275 500 230" stroke="${t.dark}" stroke-width="14" fill="none"/>
    <path d="M265 360 L265 630" stroke="${t.dark}" stroke-width="4" opacity="0.4"/><path d="M535 360 L535 630" stroke="${t.dark}" stroke-width="4" opacity="0.4"/>
    <circle cx="400" cy="420" r="54" fill="${t.light}"/><path d="M370 420 l20 20 l40 -40" stroke="${t.accent}" stroke-width="12" fill="none" stroke-linecap="round"/>`,
  帽子: (t) => `
    <path d="M220 470 C220 300 580 300 580 470 Z" fill="${t.main}"/>
    <path d="M400 320 L400 470 M310 340 C330 400 335 440 330 470 M490 340 C470 400 465 440 470 470" stroke="${t.dark}" stroke-width="5" fill="none" opacity="0.6"/>
    <path d="M200 470 C300 490 500 490 600 470 C640 520 700 520 720 500 C660 560 520 560 400 530 C300 520 220 510 200 470 Z" fill="${t.dark}"/>
    <circle cx="400" cy="318" r="16" fill="${t.dark}"/>
    <rect x="355" y="400" width="90" height="40" rx="8" fill="${t.light}"/>`,
};

/** Product colours named in the demo SKUs, as hues for the drawing. */
const HUE_BY_COLOUR: Record<string, [hue: number, saturation: number, lightness: number]> = {
  黑: [220, 8, 24],
  白: [40, 20, 94],
  灰: [210, 8, 55],
  米白: [40, 35, 85],
  卡其: [40, 35, 55],
  酒红: [350, 60, 40],
};

const backdrop = (t: Tone, angle: number, id: string) => `
  <defs>
    <linearGradient id="bg${id}" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${hsl(t.hue, 60, 95)}"/><stop offset="1" stop-color="${hsl((t.hue + 30) % 360, 55, 82)}"/></linearGradient>
    <radialGradient id="shadow${id}"><stop offset="0" stop-color="#000000" stop-opacity="0.22"/><stop offset="1" stop-color="#000000" stop-opacity="0"/></radialGradient>
  </defs>
  <rect width="800" height="800" fill="url(#bg${id})"/>
  <circle cx="${angle % 2 ? 660 : 140}" cy="140" r="120" fill="#ffffff" opacity="0.35"/>
  <circle cx="${angle % 2 ? 120 : 690}" cy="700" r="170" fill="#ffffff" opacity="0.25"/>
  <ellipse cx="400" cy="660" rx="240" ry="36" fill="url(#shadow${id})"/>`;

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">${body}</svg>`;

/**
 * A product's gallery: the goods on their backdrop, then a closer view on another one.
 * `index` varies the colours among the products of one category; a colour in `colour` wins.
 */
export function productPictures(category: string, index: number, colour?: string): string[] {
  const draw = DRAWINGS[category];
  if (!draw) throw new Error(`no demo drawing for category ${category}`);
  const [hue, sat, light] = (colour && HUE_BY_COLOUR[colour]) || [(category.charCodeAt(0) * 47 + index * 70) % 360, 55, 52];
  const t = tone(hue, sat, light);
  return [
    svg(`${backdrop(t, 45 + index * 30, 'a')}<g transform="translate(400 420) scale(1.12) translate(-400 -420)">${draw(t)}</g>`),
    svg(`${backdrop(tone((hue + 180) % 360, 40), 135 + index * 30, 'b')}<g transform="translate(400 420) scale(1.3) rotate(-8) translate(-400 -420)">${draw(t)}</g>`),
  ];
}

/** A category's icon: its first drawing on a light round backdrop. */
export function categoryIcon(category: string): string {
  const draw = DRAWINGS[category];
  const t = tone((category.charCodeAt(0) * 47) % 360);
  return svg(`<circle cx="400" cy="400" r="400" fill="${t.light}"/>${draw ? draw(t) : ''}`);
}
