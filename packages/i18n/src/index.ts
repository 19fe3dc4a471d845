export {
  createRenderer,
  type Renderer,
  type RendererOptions,
  type RenderedDocument,
  type RenderedParagraph,
  type RenderedReference,
  type RenderedSection,
  type RenderedText,
  type RenderProblem,
  type Resources,
} from './render/renderer.js';
export { renderInline, escapeHtml, ALLOWED_TAGS, CONTENT_TAGS } from './render/markup.js';
export { documentToText, documentToHtml } from './render/output.js';
export { formatDate, formatMoney, formatNumber, FORMATS_FOR_KIND } from './format/facts.js';
export {
  scanPlaceholders,
  scanMarkup,
  lineColumn,
  type Placeholder,
  type Interpolation,
  type Nesting,
  type FormatCall,
  type Tag,
} from './syntax/inline.js';
