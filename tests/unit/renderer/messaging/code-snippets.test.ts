/** Copy as code: the Python and TypeScript the Publish page offers. */
import { spawnSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { pythonSnippet, typescriptSnippet } from '../../../../renderer/features/messaging/code-snippets';

describe('copy as code', () => {
  const input = {
    exchange: 'orders',
    routingKey: 'eu.created',
    properties: { contentType: 'application/json', deliveryMode: 2 as const, priority: 5, headers: [{ key: 'retry', value: { t: 'bool' as const, v: true } }, { key: 'tags', value: { t: 'array' as const, v: [{ t: 'string' as const, v: 'a"b' }] } }] },
    body: { text: '{"id": 1}' },
    mandatory: true,
  };

  it('writes pika with Python names and literals, and it is valid Python', () => {
    const code = pythonSnippet(input);
    expect(code).toContain('content_type="application/json"');
    expect(code).toContain('delivery_mode=2');
    expect(code).toContain('headers={"retry": True, "tags": ["a\\"b"]}');
    expect(code).toContain('mandatory=True');
    const binary = pythonSnippet({ ...input, body: { base64: 'AP8=' } });
    expect(binary).toContain('base64.b64decode("AP8=")');
    for (const source of [code, binary]) {
      const r = spawnSync('/usr/bin/python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: source, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('writes amqplib that parses as TypeScript', () => {
    const code = typescriptSnippet(input);
    expect(code).toContain("channel.publish(\"orders\", \"eu.created\", Buffer.from(\"{\\\"id\\\": 1}\", 'utf8')");
    expect(code).toContain('"deliveryMode": 2');
    const out = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    expect(out.diagnostics ?? []).toEqual([]);
  });
});
