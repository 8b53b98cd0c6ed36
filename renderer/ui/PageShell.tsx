/**
 * Every page's frame: its title and subtitle, what sits beside them (a vhost picker), and — for
 * a page that needs a broker — NotConnected instead of its content while there is none.
 */
import type { ReactNode } from 'react';
import type { ConnectionState } from '../../shared/connections/types';
import { useWarren } from '../app/useWarren';
import { NotConnected } from './NotConnected';

/** 'connected': only a live connection will do; 'reachable': also while Warren reconnects (the page shows what it has). */
export type PageNeeds = 'connected' | 'reachable';

interface Props {
  title: string;
  subtitle?: ReactNode;
  /** Beside the title, right-aligned (pickers, page actions). */
  actions?: ReactNode;
  /** Below the subtitle, still in the header (longer help). */
  help?: ReactNode;
  needs?: PageNeeds;
  /** The connection the page works on, when it is not the main one (a page with a broker picker). */
  connection?: ConnectionState;
  className?: string;
  children?: ReactNode;
}

export function hasWhatPageNeeds(connection: ConnectionState, needs: PageNeeds | undefined): boolean {
  if (needs === undefined) return true;
  return connection.status === 'connected' || (needs === 'reachable' && connection.status === 'reconnecting');
}

export function PageShell({ title, subtitle, actions, help, needs, connection: pageConnection, className, children }: Props) {
  const { connection: main } = useWarren();
  const connection = pageConnection ?? main;
  const ready = hasWhatPageNeeds(connection, needs);
  return (
    <div className={className ? `page-body ${className}` : 'page-body'}>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
          {help}
        </div>
        {ready && actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {ready ? children : <NotConnected state={connection} />}
    </div>
  );
}
