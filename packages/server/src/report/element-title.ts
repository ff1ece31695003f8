import { ROLE_WORDS } from '@snag/protocol';

/**
 * An element as people name it, as the dashboard titles it: "Postal code (text field)",
 * "Pay now (button)"; '' when the SDK sent no name (older SDKs).
 */
export function elementTitle(element: { name: string | null; role: string | null }): string {
  if (!element.name) return '';
  return element.role ? `${element.name} (${ROLE_WORDS[element.role] ?? element.role})` : element.name;
}
