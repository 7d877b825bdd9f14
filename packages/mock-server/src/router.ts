import type { Route } from './services.ts';

interface Entry {
  route: Route;
  /** For a path with `{name}` placeholders: its pattern and the names in order. */
  pattern?: { regex: RegExp; names: string[] };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds the route of a request path: exact paths first, then paths with
 * `{name}` placeholders, each matching one non-empty path segment.
 */
export class Router {
  readonly #exact = new Map<string, Route>();
  readonly #templated: Entry[] = [];
  readonly #basePath: string;

  constructor(basePath: string) {
    this.#basePath = basePath;
  }

  add(route: Route): void {
    const full = `${this.#basePath}${route.path}`;
    const names: string[] = [];
    const source = full
      .split(/(\{\w+\})/)
      .map((part) => {
        const placeholder = /^\{(\w+)\}$/.exec(part);
        if (!placeholder) return escapeRegExp(part);
        names.push(placeholder[1]!);
        return '([^/]+)';
      })
      .join('');
    if (names.length === 0) this.#exact.set(full, route);
    else this.#templated.push({ route, pattern: { regex: new RegExp(`^${source}$`), names } });
  }

  /** The route and its decoded placeholder values; null when no route has the path (or a value does not decode). */
  match(pathname: string): { route: Route; params: Record<string, string> } | null {
    const exact = this.#exact.get(pathname);
    if (exact) return { route: exact, params: {} };
    for (const { route, pattern } of this.#templated) {
      const match = pattern!.regex.exec(pathname);
      if (!match) continue;
      const params: Record<string, string> = Object.create(null) as Record<string, string>;
      try {
        pattern!.names.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1]!)));
      } catch {
        return null;
      }
      return { route, params };
    }
    return null;
  }
}
