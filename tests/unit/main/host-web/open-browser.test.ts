import { describe, expect, it } from 'vitest';
import { browserLaunch } from '../../../../main/host-web/open-browser';

describe('browserLaunch', () => {
  const desktop = { WARREN_OPEN_BROWSER: '1', DISPLAY: ':0' };

  it('opens with the platform opener when npm start runs on a desktop', () => {
    expect(browserLaunch(desktop, 'linux')).toEqual({ open: true, command: 'xdg-open' });
    expect(browserLaunch({ WARREN_OPEN_BROWSER: '1' }, 'darwin')).toEqual({ open: true, command: 'open' });
    expect(browserLaunch({ WARREN_OPEN_BROWSER: '1' }, 'win32')).toEqual({ open: true, command: 'explorer' });
  });

  it('WARREN_NO_BROWSER=1 wins over everything, and says so', () => {
    expect(browserLaunch({ ...desktop, WARREN_NO_BROWSER: '1' }, 'linux')).toEqual({ open: false, reason: 'WARREN_NO_BROWSER=1' });
  });

  it('names the reason when it opens nothing: no display, the older variable, npm run serve', () => {
    expect(browserLaunch({ WARREN_OPEN_BROWSER: '1' }, 'linux')).toEqual({ open: false, reason: 'there is no display' });
    expect(browserLaunch({ WARREN_OPEN_BROWSER: '1', WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toMatchObject({ open: true });
    expect(browserLaunch({ ...desktop, WARREN_OPEN_BROWSER: '0' }, 'linux')).toEqual({ open: false, reason: 'WARREN_OPEN_BROWSER=0' });
    expect(browserLaunch({ DISPLAY: ':0' }, 'linux')).toEqual({ open: false, reason: 'started with `npm run serve`' });
  });
});
