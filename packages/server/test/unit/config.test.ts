import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded store on port 4318', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4318);
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBeUndefined();
    expect(config.store).toEqual({
      kind: 'embedded',
      dataDir: path.resolve('.snag-data', 'clickhouse'),
      database: 'snag',
      retentionDays: 90,
      backupsDir: path.resolve('.snag-data', 'backups'),
    });
    expect(config.spool).toEqual({
      dir: path.resolve('.snag-data', 'spool'),
      maxBytes: 1024 * 1024 * 1024,
      deadLetterDir: path.resolve('.snag-data', 'dead-letters'),
    });
    expect(config.disk).toEqual({ dir: path.resolve('.snag-data'), minFreeBytes: 1024 * 1024 * 1024 });
    expect(config.rateLimits).toEqual({ keyEventsPerSecond: 50_000, ipRequestsPerSecond: 50 });
    expect(config.adminToken).toBeUndefined();
  });

  it('reads the outbound allow-list as hosts and CIDRs, empty by default', () => {
    expect(loadConfig({}).outbound.allow.allows('localhost', '127.0.0.1')).toBe(false);
    const allow = loadConfig({ SNAG_OUTBOUND_ALLOW: 'Intranet.Example.com, 10.1.0.0/16,::1' }).outbound.allow;
    expect([...allow.hosts]).toEqual(['intranet.example.com']);
    expect(allow.cidrs).toEqual(['10.1.0.0/16', '::1/128']);
    expect(allow.allows('intranet.example.com', '10.9.9.9')).toBe(true);
    expect(allow.allows('other.example.com', '10.1.2.3')).toBe(true);
    expect(allow.allows('other.example.com', '10.2.0.1')).toBe(false);
    expect(allow.allows('localhost', '::1')).toBe(true);
  });

  it('uses a remote store when CLICKHOUSE_URL is set', () => {
    const config = loadConfig({
      CLICKHOUSE_URL: 'https://ch.internal:8443',
      CLICKHOUSE_USER: 'snag',
      CLICKHOUSE_PASSWORD: 'secret',
      CLICKHOUSE_CLUSTER: 'prod',
      SNAG_RETENTION_DAYS: '30',
    });
    expect(config.store).toMatchObject({
      kind: 'remote',
      url: 'https://ch.internal:8443',
      cluster: 'prod',
      retentionDays: 30,
    });
  });

  it('takes the public URL without its trailing slash', () => {
    expect(loadConfig({ SNAG_PUBLIC_URL: 'https://snag.example.com/' }).publicUrl).toBe('https://snag.example.com');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ SNAG_PUBLIC_URL: 'snag.example.com' }, 'SNAG_PUBLIC_URL'],
    [{ SNAG_PUBLIC_URL: 'ftp://snag.example.com' }, 'SNAG_PUBLIC_URL'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SNAG_RETENTION_DAYS: '0' }, 'SNAG_RETENTION_DAYS'],
    [{ CLICKHOUSE_URL: 'ftp://x' }, 'CLICKHOUSE_URL'],
    [{ CLICKHOUSE_DATABASE: 'snag; DROP' }, 'CLICKHOUSE_DATABASE'],
    [{ SNAG_ADMIN_TOKEN: 'short' }, 'SNAG_ADMIN_TOKEN'],
    [{ SNAG_DEFAULT_PROJECT_KEY: 'has spaces in it' }, 'SNAG_DEFAULT_PROJECT_KEY'],
    [{ CLICKHOUSE_CLUSTER: 'prod' }, 'CLICKHOUSE_CLUSTER'],
    [{ SNAG_MIN_FREE_DISK_MB: '-5' }, 'SNAG_MIN_FREE_DISK_MB'],
    [{ SNAG_OUTBOUND_ALLOW: '10.0.0.0/33' }, 'SNAG_OUTBOUND_ALLOW'],
    [{ SNAG_OUTBOUND_ALLOW: 'http://intranet' }, 'SNAG_OUTBOUND_ALLOW'],
  ])('rejects %o with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('takes SMTP settings for alert email, both or neither', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
    const config = loadConfig({
      SNAG_SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      SNAG_SMTP_FROM: 'Snag <alerts@example.com>',
    });
    expect(config.smtp).toEqual({ url: 'smtp://user:pass@mail.example.com:587', from: 'Snag <alerts@example.com>' });
    expect(() => loadConfig({ SNAG_SMTP_URL: 'https://mail.example.com', SNAG_SMTP_FROM: 'a@example.com' })).toThrow(
      /SNAG_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadConfig({ SNAG_SMTP_URL: 'smtp://mail.example.com' })).toThrow(/SNAG_SMTP_FROM/);
    expect(() => loadConfig({ SNAG_SMTP_URL: 'smtp://mail.example.com', SNAG_SMTP_FROM: 'nobody' })).toThrow(
      /SNAG_SMTP_FROM: must be an address/,
    );
  });
});
