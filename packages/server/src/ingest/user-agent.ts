import type { DeviceClass } from '@snag/protocol';
import { UAParser } from 'ua-parser-js';
import { USER_AGENT_CACHE_SIZE } from '../constants.js';

export interface ClientInfo {
  browser: string;
  browserVersion: string;
  os: string;
  device: DeviceClass;
}

const UNKNOWN: ClientInfo = { browser: '', browserVersion: '', os: '', device: 'other' };
const cache = new Map<string, ClientInfo>();

/** Browser, major version, OS and device class of a user agent (parsed once per distinct string). */
export function parseUserAgent(userAgent: string | undefined): ClientInfo {
  if (!userAgent) return UNKNOWN;
  const cached = cache.get(userAgent);
  if (cached) return cached;
  const result = new UAParser(userAgent).getResult();
  const info: ClientInfo = {
    browser: result.browser.name ?? '',
    browserVersion: result.browser.major ?? '',
    os: result.os.name ?? '',
    device: deviceType(result.device.type, result.os.name),
  };
  if (cache.size >= USER_AGENT_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(userAgent, info);
  return info;
}

function deviceType(type: string | undefined, os: string | undefined): DeviceClass {
  if (type === 'mobile' || type === 'wearable') return 'mobile';
  if (type === 'tablet') return 'tablet';
  if (type === undefined) return os ? 'desktop' : 'other';
  return 'other';
}
