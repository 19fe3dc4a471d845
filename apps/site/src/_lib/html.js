/**
 * A tiny HTML builder: `markup\`<p>${value}</p>\`` escapes every interpolated value unless it was
 * marked as markup with `raw()` (or is itself the result of `markup`). Arrays are joined.
 */
class Markup {
  /** @param {string} value */
  constructor(value) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @param {unknown} value */
export const esc = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ESCAPES[/** @type {keyof ESCAPES} */ (c)]);

/** Marks a string as safe markup (it comes from the renderer's sanitiser or from this module). */
export const raw = (/** @type {string} */ value) => new Markup(value);

/** @param {unknown} value @returns {string} */
function render(value) {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return esc(value);
}

/** @param {TemplateStringsArray} strings @param {unknown[]} values */
export function markup(strings, ...values) {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** Renders an attribute only when the value is set: `attr('lang', 'uk')` → ` lang="uk"`. */
export const attr = (/** @type {string} */ name, /** @type {unknown} */ value) =>
  value === undefined || value === null || value === false
    ? raw('')
    : value === true
      ? raw(` ${name}`)
      : raw(` ${name}="${esc(value)}"`);
