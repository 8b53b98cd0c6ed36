/** The brokers Warren holds connections to at once: the main one, and any opened beside it. */
import type { ConnectionState } from '../connections/types';

export interface OpenBroker {
  /** The profile's id: what a page names in an operation's `broker` to be answered by this broker. */
  id: string;
  name: string;
  /**
   * The main connection: the one the top bar shows, and the one publishing, consumers, charts,
   * demos and moves work on. Brokers opened beside it serve the pages with a broker picker.
   */
  main: boolean;
  state: ConnectionState;
}
