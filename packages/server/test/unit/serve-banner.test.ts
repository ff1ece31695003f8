import { describe, expect, it } from 'vitest';
import { serveBanner } from '../../src/commands/serve-banner.js';
import { loadConfig } from '../../src/config.js';
import { describeBoundAddress } from '../../src/http/bound-address.js';
import type { RunningServer } from '../../src/index.js';

const running = (address: string, family: string): RunningServer => ({
  ...describeBoundAddress({ address, family, port: 4318 }),
  port: 4318,
  credentials: { adminToken: 'snag_admin_secret', adminTokenSource: 'stored', defaultProjectKey: 'pk_default' },
  store: undefined as never,
  evaluateAlerts: async () => [],
  close: async () => undefined,
});

describe('describeBoundAddress', () => {
  it('keeps the bound address and gives local clients loopback for a wildcard', () => {
    expect(describeBoundAddress({ address: '0.0.0.0', family: 'IPv4', port: 80 })).toEqual({
      boundUrl: 'http://0.0.0.0:80',
      url: 'http://127.0.0.1:80',
      allInterfaces: true,
    });
    expect(describeBoundAddress({ address: '::', family: 'IPv6', port: 80 })).toMatchObject({
      boundUrl: 'http://[::]:80',
      allInterfaces: true,
    });
    expect(describeBoundAddress({ address: '::1', family: 'IPv6', port: 80 })).toEqual({
      boundUrl: 'http://[::1]:80',
      url: 'http://[::1]:80',
      allInterfaces: false,
    });
  });
});

describe('serveBanner', () => {
  it('warns plainly when listening on every interface', () => {
    const banner = serveBanner(running('0.0.0.0', 'IPv4'), loadConfig({ HOST: '0.0.0.0' }));
    expect(banner).toMatch(/^Snag is listening on http:\/\/0\.0\.0\.0:4318\n/);
    expect(banner).toContain('WARNING: listening on every network interface (HOST=0.0.0.0)');
    expect(banner).toContain('ingest endpoint:     http://127.0.0.1:4318/v1/ingest');
  });

  it('does not warn on loopback, and never prints a token it did not generate now', () => {
    const banner = serveBanner(running('127.0.0.1', 'IPv4'), loadConfig({}));
    expect(banner).not.toContain('WARNING');
    expect(banner).not.toContain('snag_admin_secret');
    expect(banner).toContain('print it with `snag admin-token`');
  });
});
