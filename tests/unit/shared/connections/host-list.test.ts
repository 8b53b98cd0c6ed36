import { describe, expect, it } from 'vitest';
import { hostLabel, isHostList, parseHostList } from '../../../../shared/connections/host-list';

describe('a profile’s list of hosts', () => {
  it('reads hosts in order, each with its own port or the profile’s, and a management URL per host', () => {
    const parsed = parseHostList('rabbit1, rabbit2:5673,[::1]:5674', 5672, '', false);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { host: 'rabbit1', port: 5672, managementUrl: 'http://rabbit1:15672' },
        { host: 'rabbit2', port: 5673, managementUrl: 'http://rabbit2:15672' },
        { host: '::1', port: 5674, managementUrl: 'http://[::1]:15672' },
      ],
    });
    const urls = parseHostList('a,b', 5672, 'http://a:1, http://b:2', false);
    expect(urls.ok && urls.value.map((h) => h.managementUrl)).toEqual(['http://a:1', 'http://b:2']);
    const one = parseHostList('a,b', 5672, 'https://lb:443', true);
    expect(one.ok && one.value.map((h) => h.managementUrl)).toEqual(['https://lb:443', 'https://lb:443']);
    expect(isHostList('a,b')).toBe(true);
    expect(isHostList('a')).toBe(false);
    expect(hostLabel({ host: '::1', port: 1 })).toBe('[::1]:1');
  });

  it('refuses an empty entry, a bad port and a mismatched number of management URLs, naming the field', () => {
    const empty = parseHostList('a,,b', 5672, '', false);
    expect(empty.ok || empty.error).toMatchObject({ code: 'BAD_INPUT', field: 'host', message: '“” is not a host or host:port' });
    const port = parseHostList('a,b:70000', 5672, '', false);
    expect(port.ok || port.error).toMatchObject({ field: 'host', message: 'port 70000 of “b:70000” is not between 1 and 65535' });
    const urls = parseHostList('a,b,c', 5672, 'http://a:1,http://b:2', false);
    expect(urls.ok || urls.error).toMatchObject({ field: 'managementUrl', message: '2 management URLs for 3 hosts' });
  });
});
