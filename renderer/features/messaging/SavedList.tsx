/** Saved templates or the history of sent messages: load into the composer, or re-send. */
import { formatClock } from '../../ui/format';
import type { SavedDraft } from './storage';
import type { ComposerDraft } from './draft';

interface Props {
  title: string;
  items: SavedDraft[];
  empty: string;
  onLoad: (d: ComposerDraft) => void;
  onSend?: (d: ComposerDraft) => void;
  onDelete?: (name: string) => void;
}

export function SavedList({ title, items, empty, onLoad, onSend, onDelete }: Props) {
  return (
    <section className="card msg-saved" aria-label={title}>
      <h2 className="section-title">{title}</h2>
      {items.length === 0 ? <p className="section-note">{empty}</p> : null}
      <ul>
        {items.slice(0, 20).map((item, i) => (
          <li key={`${item.name}-${item.at}-${i}`}>
            <button type="button" className="link-button" onClick={() => onLoad(item.draft)} title={`Load into the composer: ${item.name}`}>
              {item.name}
            </button>
            <span className="msg-saved-time">{formatClock(item.at)}</span>
            {onSend ? (
              <button type="button" className="button button-quiet" aria-label={`Re-send ${item.name}`} onClick={() => onSend(item.draft)}>
                Re-send
              </button>
            ) : null}
            {onDelete ? (
              <button type="button" className="icon-button" aria-label={`Delete template ${item.name}`} onClick={() => onDelete(item.name)}>
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
