import { describe, expect, it } from 'vitest';
import { firstBy, itemsBy } from '../src/model/index-by.js';

/** The site's lookups by key (model/index-by.ts) answer as `find` and `filter` over the list. */
describe('lookups by key over a list', () => {
  const routes = [
    { id: 'a', locale: 'en', url: '/en/a/' },
    { id: 'b', locale: 'en', url: '/en/b/' },
    { id: 'a', locale: 'uk', url: '/uk/a/' },
    { id: 'a', locale: 'en', url: '/en/a-again/' },
  ];

  it('gives what find and filter give, in the list order', () => {
    const byIdLocale = firstBy(routes, 'id+locale', (r) => `${r.id} ${r.locale}`);
    for (const r of routes)
      expect(byIdLocale(`${r.id} ${r.locale}`)).toBe(
        routes.find((x) => x.id === r.id && x.locale === r.locale),
      );
    expect(byIdLocale('c en')).toBeUndefined();
    const byLocale = itemsBy(routes, 'locale', (r) => r.locale);
    for (const l of ['en', 'uk', 'ko'])
      expect(byLocale(l)).toEqual(routes.filter((r) => r.locale === l));
  });

  it('indexes a list once per name, and another list apart', () => {
    let calls = 0;
    const key = (r: { url: string }) => {
      calls++;
      return r.url;
    };
    firstBy(routes, 'url', key)('/en/a/');
    firstBy(routes, 'url', key)('/en/b/');
    expect(calls).toBe(routes.length);
    const other = routes.slice(1);
    expect(firstBy(other, 'url', key)('/en/a/')).toBeUndefined();
    expect(calls).toBe(routes.length + other.length);
  });
});
