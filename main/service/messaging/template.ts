/**
 * `{{seq}}`, `{{uuid}}` and `{{now}}` in a body or header string, compiled once per repeat run so
 * the tight publish loop only concatenates. Pure: the uuid source is passed in.
 */

export interface CompiledTemplate {
  /** True when the text has no placeholder: send the same bytes every time. */
  constant: boolean;
  parts: ({ literal: string } | { token: 'seq' | 'uuid' | 'now' })[];
}

export interface TemplateScope {
  seq: number;
  now: number;
  uuid: () => string;
}

const TOKEN = /\{\{\s*(seq|uuid|now)\s*\}\}/g;

export function compileTemplate(text: string): CompiledTemplate {
  const parts: CompiledTemplate['parts'] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ literal: text.slice(last, at) });
    parts.push({ token: match[1] as 'seq' | 'uuid' | 'now' });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  return { constant: parts.every((p) => 'literal' in p), parts };
}

export function renderTemplate(template: CompiledTemplate, scope: TemplateScope): string {
  let out = '';
  for (const part of template.parts) {
    if ('literal' in part) out += part.literal;
    else if (part.token === 'seq') out += String(scope.seq);
    else if (part.token === 'now') out += new Date(scope.now).toISOString();
    else out += scope.uuid();
  }
  return out;
}

export function hasPlaceholder(text: string): boolean {
  return new RegExp(TOKEN.source).test(text);
}
