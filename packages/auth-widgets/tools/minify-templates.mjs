// Minifies the text of Lit's css`…` and html`…` tagged templates, in what the
// package ships (dist/ after tsc, the CDN build) and in what `pnpm bench`
// measures. A bundler minifies JavaScript but leaves a template's text as
// written, indentation and comments included. Only the static parts change;
// interpolations (`${scope}`, tokens, values) stay where they are.

/** The line breaks of a piece of text, and nothing else: minified text keeps its lines, so source maps stay true. */
const breaks = (text) => text.replace(/[^\n]/g, '');

/** One static part of a css`` template: comments out, whitespace collapsed and dropped where CSS does not need it. */
export function minifyCssText(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, breaks)
      .replace(/\s+/g, (space) => breaks(space) || ' ')
      // Around braces, semicolons and commas a space never matters; after a colon neither
      // (before one it may: `a :hover` is not `a:hover`).
      .replace(/ ?([{};,]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;(\n*)}/g, '$1}')
  );
}

/**
 * One static part of an html`` template: indentation goes, a line break
 * stays (in HTML it is a space, and between two inline elements, or a text
 * and an element, a space is content).
 */
export function minifyHtmlText(text) {
  return text.replace(/\s*\n\s*/g, breaks);
}

const TAG = /\b(css|html) ?$/;

/**
 * Rewrites every css`…` and html`…` template in a module's source, nested
 * ones too (a template inside another's `${…}`); other template literals,
 * strings and comments are copied as they are. The scan knows JavaScript's
 * strings, template literals and comments; a regular expression literal
 * holding a backtick or an unbalanced brace would mislead it (the kit writes none,
 * and tsc keeps them as written).
 */
export function minifyTemplates(source, file = 'module') {
  let i = 0;
  const fail = (what) => {
    throw new Error(`${file}: ${what} at offset ${i}`);
  };

  /** Copies a quoted string or a comment starting at i. */
  function skipString(quote) {
    const start = i;
    for (i += 1; i < source.length; i += 1) {
      if (source[i] === '\\') i += 1;
      else if (source[i] === quote) return source.slice(start, (i += 1));
    }
    return fail('unterminated string');
  }
  function skipComment() {
    const start = i;
    const end = source[i + 1] === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i) + 2;
    i = end <= 1 ? source.length : end;
    return source.slice(start, i);
  }

  /** Code up to the `}` closing an interpolation (or to the end at top level). */
  function code(closing) {
    let out = '';
    let depth = 0;
    while (i < source.length) {
      const ch = source[i];
      if (ch === '"' || ch === "'") out += skipString(ch);
      else if (ch === '/' && (source[i + 1] === '/' || source[i + 1] === '*')) out += skipComment();
      else if (ch === '`') {
        const tag = TAG.exec(out);
        out += template(tag ? tag[1] : undefined);
      } else {
        if (ch === '{') depth += 1;
        else if (ch === '}') {
          if (closing && depth === 0) return out;
          depth -= 1;
        }
        out += ch;
        i += 1;
      }
    }
    if (closing) fail('unterminated interpolation');
    return out;
  }

  /** A template literal starting at the backtick at i; its static text minified when it is css`` or html``. */
  function template(kind) {
    const minify = kind === 'css' ? minifyCssText : kind === 'html' ? minifyHtmlText : (text) => text;
    let out = '`';
    let text = '';
    for (i += 1; ; ) {
      const ch = source[i];
      if (ch === undefined) fail('unterminated template');
      if (ch === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (ch === '`') {
        i += 1;
        return `${out}${minify(text)}\``;
      } else if (ch === '$' && source[i + 1] === '{') {
        out += `${minify(text)}\${`;
        text = '';
        i += 2;
        out += `${code(true)}}`;
        i += 1;
      } else {
        text += ch;
        i += 1;
      }
    }
  }

  return code(false);
}

/** The same for esbuild (the CDN build and the bench): applied to the kit's TypeScript sources that hold templates. */
export const minifyTemplatesPlugin = {
  name: 'egov-minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]auth-widgets[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(path, 'utf8');
      if (!/\b(css|html) ?`/.test(source)) return undefined;
      return { contents: minifyTemplates(source, path), loader: 'ts' };
    });
  },
};

/** The same for rolldown (the CDN build). */
export const minifyTemplatesRolldown = {
  name: 'egov-minify-templates',
  transform(code, id) {
    if (!/[\\/]auth-widgets[\\/]src[\\/].*\.ts$/.test(id) || !/\b(css|html) ?`/.test(code)) return undefined;
    return { code: minifyTemplates(code, id) };
  },
};
