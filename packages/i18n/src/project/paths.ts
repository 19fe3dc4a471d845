import path from 'node:path';

/** A path relative to the project root, with `/` separators (as findings and SARIF want). */
export const relativePath = (root: string, file: string): string =>
  path.relative(root, file).split(path.sep).join('/');
