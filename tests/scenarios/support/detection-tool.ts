import type { SignalKind } from '@snag/protocol';
import type { Page } from 'playwright-core';

/** A struggle detector under test: Snag, or a peer loaded in its place (bench/detection). */
export interface DetectionTool {
  name: string;
  /** The snippet each scenario page gets in its `<head>`. */
  head(origin: string): string;
  /** Resolves once the tool is running on the page. */
  ready(page: Page): Promise<void>;
  /** How long the tool's slowest verdict takes after the last action. */
  settleMs: number;
  /** The kinds of struggle it reported during the visit. */
  collect(page: Page): Promise<SignalKind[]>;
}
