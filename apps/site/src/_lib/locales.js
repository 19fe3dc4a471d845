/** Facts about a language the page head needs: direction and the og:locale form. */

/** `ltr` or `rtl`, from CLDR via Intl. @param {string} lang */
export function direction(lang) {
  try {
    const loc = /** @type {any} */ (new Intl.Locale(lang));
    const info = typeof loc.getTextInfo === 'function' ? loc.getTextInfo() : loc.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Open Graph locale: `uk` → `uk_UA`, `ja` → `ja_JP` (the likely region, from CLDR). @param {string} lang */
export function ogLocale(lang) {
  try {
    const max = new Intl.Locale(lang).maximize();
    return max.region === undefined ? max.language : `${max.language}_${max.region}`;
  } catch {
    return lang;
  }
}
