/** "Copy as code": the message as Python (pika) or TypeScript (amqplib). */
import { useState } from 'react';
import { pythonSnippet, typescriptSnippet } from './code-snippets';
import type { InputOf } from '../../../shared/contract';
import type { MessageProperties } from '../../../shared/messaging/types';

export function CodeDialog({ input, onClose }: { input: InputOf<'messaging.publish'>; onClose: () => void }) {
  const [lang, setLang] = useState<'python' | 'typescript'>('python');
  const [copied, setCopied] = useState(false);
  const textual = input.body.mode === 'text' || input.body.mode === 'json';
  const hexToB64 = (hex: string) => btoa(String.fromCharCode(...(hex.replace(/\s+|0x/gi, '').match(/../g) ?? []).map((h) => parseInt(h, 16))));
  const snippetInput = {
    exchange: input.exchange,
    routingKey: input.routingKey,
    properties: (input.properties ?? {}) as MessageProperties,
    mandatory: input.mandatory ?? true,
    body: textual ? { text: input.body.data } : { base64: input.body.mode === 'hex' ? hexToB64(input.body.data) : input.body.data },
  };
  const code = lang === 'python' ? pythonSnippet(snippetInput) : typescriptSnippet(snippetInput);
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="msg-code-title" className="dialog msg-code-dialog">
        <h2 id="msg-code-title" className="dialog-title">Copy as code</h2>
        <div role="radiogroup" aria-label="Language" className="msg-segmented">
          <button type="button" role="radio" aria-checked={lang === 'python'} className={lang === 'python' ? 'active' : ''} onClick={() => setLang('python')}>Python (pika)</button>
          <button type="button" role="radio" aria-checked={lang === 'typescript'} className={lang === 'typescript' ? 'active' : ''} onClick={() => setLang('typescript')}>TypeScript (amqplib)</button>
        </div>
        <pre className="msg-code" aria-label="Code">{code}</pre>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => void navigator.clipboard.writeText(code).then(() => setCopied(true))}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" className="button" onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}
