/**
 * "Compare with another broker": shown while Warren holds more than one connection. The page's
 * broker (and vhost) is the target; the other broker's definitions — the whole broker, or the vhost
 * chosen here — are the source, read as its export would write them.
 */
import { useEffect, useState } from 'react';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';

interface Props {
  /** The page's broker (profile id): the others are offered. */
  current: string | undefined;
  /** The target vhost; undefined compares whole brokers. */
  vhost: string | undefined;
  busy: boolean;
}

export function CompareBrokerForm({ current, vhost, busy }: Props) {
  const { brokers, definitions } = useStores();
  const others = useStore(brokers).open.filter((b) => b.id !== current);
  const [other, setOther] = useState('');
  const [otherVhosts, setOtherVhosts] = useState<string[]>([]);
  const [otherVhost, setOtherVhost] = useState('');
  useEffect(() => {
    if (!other || vhost === undefined) return;
    let live = true;
    void definitions.vhostsOf(other).then((list) => {
      if (!live) return;
      setOtherVhosts(list);
      setOtherVhost(list.includes(vhost) ? vhost : (list[0] ?? ''));
    });
    return () => {
      live = false;
    };
  }, [definitions, other, vhost]);
  if (others.length === 0) return null;
  const name = others.find((b) => b.id === other)?.name ?? other;
  const ready = other !== '' && (vhost === undefined || otherVhost !== '');

  return (
    <form
      className="defs-compare"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        const label = vhost === undefined ? `broker ${name}` : `vhost ${otherVhost} of ${name}`;
        void definitions.compare({ kind: 'broker', broker: other, ...(vhost === undefined ? {} : { vhost: otherVhost }), name: label }, vhost);
      }}
    >
      <label className="field">
        <span>Or compare with broker</span>
        <select aria-label="Compare with broker" value={other} onChange={(e) => setOther(e.target.value)}>
          <option value="">Choose…</option>
          {others.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      {vhost !== undefined && other ? (
        <label className="field">
          <span>Its vhost</span>
          <select aria-label="Its vhost" value={otherVhost} onChange={(e) => setOtherVhost(e.target.value)}>
            {otherVhosts.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" className="button" disabled={busy || !ready}>
        Compare
      </button>
    </form>
  );
}
