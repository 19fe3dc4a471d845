import path from 'node:path';

/** A path relative to the project root, with `/` separators (as findings and SARIF want). */
export const relativePath = (root: string, file: string): string => {
  // Fast path for the common case (thousands of files listed under the root): a plain prefix.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  if (
    path.isAbsolute(file) &&
    file.startsWith(prefix) &&
    !file.includes(`${path.sep}..`) &&
    !file.includes(`${path.sep}.${path.sep}`) &&
    !file.includes(path.sep + path.sep, prefix.length - 1)
  )
    return path.sep === '/'
      ? file.slice(prefix.length)
      : file.slice(prefix.length).split(path.sep).join('/');
  return path.relative(root, file).split(path.sep).join('/');
};
