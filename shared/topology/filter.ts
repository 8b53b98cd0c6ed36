/**
 * The topology tables' filter, one implementation for the page and the service: a
 * case-insensitive substring, or a regular expression when it starts with '/' (e.g.
 * /^order\.\d+$/i). The service applies it to the list it remembers, and hands the broker the
 * same filter (`name=…&use_regex=…`) when it remembers none. Pure.
 */

export type FilterMatch = { ok: true; test: (text: string) => boolean } | { ok: false; message: string };

/** The filter's pattern and flags when it is a regular expression ('/…/flags'), else undefined. */
function regexParts(text: string): { pattern: string; flags: string } | undefined {
  if (!text.startsWith('/')) return undefined;
  const body = /^\/(.*?)(?:\/([a-z]*))?$/s.exec(text);
  return { pattern: body?.[1] ?? '', flags: body?.[2] ?? 'i' };
}

export function compileFilter(filter: string): FilterMatch {
  const text = filter.trim();
  if (text === '') return { ok: true, test: () => true };
  const regex = regexParts(text);
  if (regex) {
    if (regex.pattern === '') return { ok: true, test: () => true };
    try {
      const re = new RegExp(regex.pattern, regex.flags.includes('i') ? regex.flags : `${regex.flags}i`);
      return { ok: true, test: (value) => re.test(value) };
    } catch (err) {
      return { ok: false, message: `Not a valid regular expression: ${(err as Error).message}` };
    }
  }
  const needle = text.toLowerCase();
  return { ok: true, test: (value) => value.toLowerCase().includes(needle) };
}

/**
 * The same filter as the management API's paging parameters, which match an object's name: a
 * substring (`use_regex=false` is case-insensitive, as here) or a PCRE made case-insensitive
 * with `(?i)`. Undefined when the filter is empty or not valid (nothing to ask the broker).
 */
export function brokerNameFilter(filter: string): { name: string; use_regex: boolean } | undefined {
  const text = filter.trim();
  if (text === '' || !compileFilter(text).ok) return undefined;
  const regex = regexParts(text);
  if (!regex) return { name: text, use_regex: false };
  if (regex.pattern === '') return undefined;
  return { name: `(?i)${regex.pattern}`, use_regex: true };
}
