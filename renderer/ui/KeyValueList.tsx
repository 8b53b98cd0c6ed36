/** Labelled facts (version, node, data folder …): each value is labelled by its term. */
import { useId, type ReactNode } from 'react';

export interface KeyValue {
  label: string;
  value: ReactNode;
  /** Render the value in the monospace face (names, paths, ports). */
  mono?: boolean;
  testId?: string;
}

interface Props {
  items: KeyValue[];
  className?: string;
  /**
   * Label each value by its term (getByLabel('RabbitMQ version')). Off where the terms would
   * collide with form labels on the same page ("Management port" vs "Port").
   */
  labelValues?: boolean;
}

export function KeyValueList({ items, className, labelValues = false }: Props) {
  const base = useId();
  return (
    <dl className={`kv-list${className ? ` ${className}` : ''}`}>
      {items.map((item, index) => {
        const id = `${base}-${index}`;
        return (
          <div className="kv-item" key={item.label}>
            <dt id={id}>{item.label}</dt>
            <dd aria-labelledby={labelValues ? id : undefined} className={item.mono ? 'mono' : undefined} data-testid={item.testId}>
              {item.value}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
