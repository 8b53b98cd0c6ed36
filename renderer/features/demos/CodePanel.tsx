/** The tutorial's Python and the same in TypeScript, with this broker's details, ready to copy. */
import { useEffect, useState } from 'react';
import type { DemoCode } from '../../../shared/demos/code';
import type { DemoName } from '../../../shared/demos/types';
import { useDemosStore } from './useDemos';

export function CodePanel({ name, refreshKey }: { name: DemoName; refreshKey: string }) {
  const store = useDemosStore();
  const [code, setCode] = useState<DemoCode>();
  const [language, setLanguage] = useState<'python' | 'typescript'>('python');
  const [copied, setCopied] = useState<string>();
  useEffect(() => {
    let active = true;
    void store.code(name).then((r) => active && r.ok && setCode(r.value));
    return () => {
      active = false;
    };
  }, [store, name, refreshKey]);
  if (!code) return null;
  const files = code[language];
  const copy = async (file: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(file);
    } catch {
      setCopied(undefined);
    }
  };
  return (
    <section className="demo-code" aria-label="Code">
      <div className="demo-code-bar">
        <h2 className="section-title">Code</h2>
        <div role="tablist" aria-label="Language" className="demo-tabs">
          {(['python', 'typescript'] as const).map((l) => (
            <button key={l} role="tab" aria-selected={language === l} className={`button button-quiet${language === l ? ' is-active' : ''}`} onClick={() => setLanguage(l)}>
              {l === 'python' ? 'Python (pika)' : 'TypeScript (amqplib)'}
            </button>
          ))}
        </div>
        <span className="muted">
          {code.connection.host}:{code.connection.port} · vhost {code.connection.vhost}
          {code.connection.prefix ? ` · names prefixed ${code.connection.prefix}` : ''} · password from RABBITMQ_PASSWORD
        </span>
      </div>
      {files.map((f) => (
        <div key={f.file} className="demo-code-file">
          <div className="demo-code-file-bar">
            <code>{f.file}</code>
            <button className="button button-quiet" onClick={() => void copy(f.file, f.code)} aria-label={`Copy ${f.file}`}>
              {copied === f.file ? 'Copied' : 'Copy'}
            </button>
          </div>
          <pre>
            <code>{f.code}</code>
          </pre>
        </div>
      ))}
    </section>
  );
}
