/** The left navigation: the pages list, grouped, and which Warren this is. */
import type { AppInfo } from '../../shared/connections/types';
import { hrefFor } from './useHashRoute';
import { GROUP_LABELS, type PageEntry } from './pages';
import { Icon } from '../ui/Icon';

interface Props {
  pages: readonly PageEntry[];
  current: string;
  appInfo?: AppInfo;
}

export function Sidebar({ pages, current, appInfo }: Props) {
  const groups = [...new Set(pages.map((page) => page.group))];
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark">
          <Icon name="rabbit" />
        </span>
        <span className="brand-name">Warren</span>
      </div>
      <nav aria-label="Main">
        {groups.map((group) => (
          <div className="nav-group" key={group}>
            <p className="nav-group-label">{GROUP_LABELS[group]}</p>
            <ul className="nav-list">
              {pages
                .filter((page) => page.group === group)
                .map((page) => (
                  <li key={page.id}>
                    <a
                      className="nav-link"
                      href={hrefFor(page.id)}
                      aria-current={page.id === current ? 'page' : undefined}
                    >
                      <Icon name={page.icon} />
                      <span>{page.label}</span>
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
      {appInfo ? (
        <p className="sidebar-footer">
          Warren {appInfo.version} · {appInfo.host === 'electron' ? 'desktop' : 'browser host'}
        </p>
      ) : null}
    </aside>
  );
}
