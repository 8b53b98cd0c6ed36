/**
 * Every page of the app, in sidebar order. Adding a page (Topology, Publish, Consumers,
 * Charts, Demos …) is one entry here; the sidebar and the router read this list.
 */
import type { ComponentType } from 'react';
import type { IconName } from '../ui/Icon';
import { AccessPage } from '../features/access/AccessPage';
import { ChartsPage } from '../features/charts/ChartsPage';
import { ConnectionsPage } from '../features/connections/ConnectionsPage';
import { ConsumersPage } from '../features/messaging/ConsumersPage';
import { DemosPage } from '../features/demos/DemosPage';
import { DefinitionsPage } from '../features/definitions/DefinitionsPage';
import { MovePage } from '../features/move/MovePage';
import { PoliciesPage } from '../features/policies/PoliciesPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { PublishPage } from '../features/messaging/PublishPage';
import { TopologyPage } from '../features/topology/TopologyPage';

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
