/**
 * Every page of the app, in sidebar order. Adding a page (Topology, Publish, Consumers,
 * Charts, Demos …) is one entry here; the sidebar and the router read this list.
 */
import { lazy, type ComponentType } from 'react';
import type { IconName } from '../ui/Icon';
import { OverviewPage } from '../features/overview/OverviewPage';

/**
 * Every page but the first one a user sees is its own chunk, loaded when it is opened: the first
 * page (Overview) and the shell are all a start parses, so Warren is usable sooner.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(async () => ({ default: (await load())[name] }));
const AccessPage = page(() => import('../features/access/AccessPage'), 'AccessPage');
const ChartsPage = page(() => import('../features/charts/ChartsPage'), 'ChartsPage');
const ConnectionsPage = page(() => import('../features/connections/ConnectionsPage'), 'ConnectionsPage');
const ConsumersPage = page(() => import('../features/messaging/ConsumersPage'), 'ConsumersPage');
const DemosPage = page(() => import('../features/demos/DemosPage'), 'DemosPage');
const DefinitionsPage = page(() => import('../features/definitions/DefinitionsPage'), 'DefinitionsPage');
const MovePage = page(() => import('../features/move/MovePage'), 'MovePage');
const PoliciesPage = page(() => import('../features/policies/PoliciesPage'), 'PoliciesPage');
const PublishPage = page(() => import('../features/messaging/PublishPage'), 'PublishPage');
const TopologyPage = page(() => import('../features/topology/TopologyPage'), 'TopologyPage');

export interface PageEntry {
  /** The address hash: #/<id>. */
  id: string;
  /** Sidebar text; the page's own heading says the same. */
  label: string;
  icon: IconName;
  component: ComponentType;
  /** Sidebar group: 'broker' pages inspect the broker, 'operate' pages change how it is run, 'setup' pages configure Warren. */
  group: 'broker' | 'operate' | 'setup';
}

export const PAGES: readonly PageEntry[] = [
  { id: 'overview', label: 'Overview', icon: 'overview', component: OverviewPage, group: 'broker' },
  { id: 'topology', label: 'Topology', icon: 'topology', component: TopologyPage, group: 'broker' },
  { id: 'publish', label: 'Publish', icon: 'publish', component: PublishPage, group: 'broker' },
  { id: 'consumers', label: 'Consumers', icon: 'consumers', component: ConsumersPage, group: 'broker' },
  { id: 'charts', label: 'Charts', icon: 'charts', component: ChartsPage, group: 'broker' },
  { id: 'demos', label: 'Demos', icon: 'demos', component: DemosPage, group: 'broker' },
  { id: 'move', label: 'Move messages', icon: 'move', component: MovePage, group: 'operate' },
  { id: 'definitions', label: 'Definitions', icon: 'definitions', component: DefinitionsPage, group: 'operate' },
  { id: 'policies', label: 'Policies', icon: 'policies', component: PoliciesPage, group: 'operate' },
  { id: 'access', label: 'Access', icon: 'access', component: AccessPage, group: 'operate' },
  { id: 'connections', label: 'Connections', icon: 'connections', component: ConnectionsPage, group: 'setup' },
];

export const DEFAULT_PAGE = 'overview';

export const GROUP_LABELS: Record<PageEntry['group'], string> = {
  broker: 'Broker',
  operate: 'Operate',
  setup: 'Setup',
};
