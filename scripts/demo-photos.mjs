// Draws the demo's progress photos (assets/demo-photos/*.jpg, docs/PROJECTS.md "Demo"): simple
// illustrations, not photographs of real works, rendered once by the system's Chromium and
// committed, so the seed ships the same bytes everywhere. Run: node scripts/demo-photos.mjs
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const sky = (id) => `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fc1e6"/><stop offset="1" stop-color="#eef5fa"/></linearGradient></defs><rect width="640" height="400" fill="url(#${id})"/>`;
const pole = (x, y) => `<rect x="${x}" y="${y}" width="6" height="${250 - y}" fill="#6b6b6b"/><rect x="${x - 2}" y="${y}" width="40" height="5" fill="#6b6b6b"/><circle cx="${x + 36}" cy="${y + 6}" r="6" fill="#f2d16b"/>`;

const PHOTOS = {
  // DA-003: the widened road, lower asphalt course laid, light poles going up.
  'duong-lien-khu.jpg': `${sky('s1')}
    <path d="M0 230 Q200 200 640 215 L640 400 L0 400Z" fill="#6f8f3a"/>
    <polygon points="250,225 390,225 640,400 0,400" fill="#3f4246"/>
    <polygon points="250,225 270,225 40,400 0,400" fill="#8a7a63"/>
    ${[0, 1, 2, 3].map((i) => `<polygon points="${316 - i * 3},${240 + i * 42} ${324 + i * 3},${240 + i * 42} ${326 + i * 4},${262 + i * 46} ${314 - i * 4},${262 + i * 46}" fill="#f1f1f1"/>`).join('')}
    ${pole(410, 140)}${pole(480, 110)}${pole(565, 80)}
    <rect x="70" y="300" width="120" height="50" rx="4" fill="#e07a2f"/><rect x="150" y="280" width="40" height="28" fill="#e07a2f"/>
    <circle cx="95" cy="355" r="14" fill="#222"/><circle cx="165" cy="355" r="14" fill="#222"/>
    <rect x="410" y="330" width="14" height="30" fill="#f26c21"/><rect x="410" y="338" width="14" height="5" fill="#fff"/>`,
  // DA-003: drainage along the road, culverts laid, poles standing.
  'thoat-nuoc-doc-tuyen.jpg': `${sky('s4')}
    <rect y="210" width="640" height="190" fill="#7a8f45"/>
    <polygon points="0,250 640,235 640,400 0,400" fill="#45484c"/>
    <polygon points="0,300 640,262 640,290 0,345" fill="#8d7b62"/>
    <polygon points="0,318 640,270 640,280 0,333" fill="#5a4a38"/>
    ${[0, 1, 2, 3, 4].map((i) => `<ellipse cx="${60 + i * 120}" cy="${330 - i * 12}" rx="26" ry="16" fill="#b9b9b9" stroke="#8a8a8a" stroke-width="3"/>`).join('')}
    ${pole(200, 120)}${pole(380, 100)}${pole(540, 90)}
    <rect x="470" y="330" width="16" height="34" fill="#f26c21"/><rect x="470" y="340" width="16" height="6" fill="#fff"/>`,
  // DA-004: the three-storey school block, rough structure done, walls going up.
  'truong-mam-non.jpg': `${sky('s2')}
    <rect y="300" width="640" height="100" fill="#9aa86a"/>
    <rect x="120" y="120" width="400" height="185" fill="#d8c7a8"/>
    ${[118, 178, 238].map((y) => `<rect x="110" y="${y}" width="420" height="8" fill="#9b8a6e"/>`).join('')}
    ${[0, 1, 2].flatMap((r) => [0, 1, 2, 3, 4, 5].map((c) => `<rect x="${140 + c * 62}" y="${134 + r * 60}" width="40" height="34" fill="${r === 0 && c > 3 ? '#b9a98c' : '#5d7ea8'}"/>`)).join('')}
    <rect x="540" y="40" width="10" height="262" fill="#d9a441"/><rect x="380" y="40" width="240" height="9" fill="#d9a441"/>
    <line x1="600" y1="49" x2="600" y2="140" stroke="#333" stroke-width="2"/><rect x="590" y="140" width="20" height="16" fill="#8c8c8c"/>
    <rect x="40" y="270" width="60" height="32" fill="#c0392b"/><rect x="40" y="262" width="60" height="8" fill="#a93226"/>`,
  // DA-001: the handed-over land being levelled.
  'san-lap-mat-bang.jpg': `${sky('s3')}
    <path d="M0 240 L640 225 L640 400 L0 400Z" fill="#a65a2e"/>
    <path d="M0 265 Q160 245 320 270 T640 255 L640 400 L0 400Z" fill="#c9874a"/>
    <path d="M420 228 L640 218 L640 250 L420 246Z" fill="#7fa650"/>
    <rect x="170" y="290" width="120" height="48" rx="6" fill="#f4b400"/><rect x="230" y="258" width="46" height="34" fill="#f4b400"/><rect x="236" y="264" width="30" height="20" fill="#9fd3f0"/>
    <rect x="160" y="336" width="140" height="20" rx="10" fill="#333"/>
    <polygon points="290,300 370,250 378,258 300,315" fill="#f4b400"/><polygon points="366,246 400,270 386,286 360,262" fill="#555"/>
    <rect x="460" y="300" width="110" height="44" fill="#d35400"/><rect x="530" y="278" width="40" height="26" fill="#d35400"/>
    <circle cx="485" cy="350" r="14" fill="#222"/><circle cx="550" cy="350" r="14" fill="#222"/>`,
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 640, height: 400 } });
for (const [name, body] of Object.entries(PHOTOS)) {
  await page.setContent(`<body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400">${body}</svg></body>`);
  writeFileSync(new URL(`../assets/demo-photos/${name}`, import.meta.url), await page.screenshot({ type: 'jpeg', quality: 70 }));
}
await browser.close();
