import { locatorMap } from './src/_lib/map.js';
import { Resvg } from '@resvg/resvg-js';
import { writeFileSync } from 'node:fs';
const svg = locatorMap({ highlight: ['408', '804'], theme: 'light' });
console.log(svg.length);
writeFileSync('/tmp/sitework/map.png', new Resvg(svg).render().asPng());
writeFileSync(
  '/tmp/sitework/map-dark.png',
  new Resvg(locatorMap({ highlight: ['408', '804'], theme: 'dark' })).render().asPng(),
);
