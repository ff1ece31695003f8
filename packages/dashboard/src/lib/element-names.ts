import { ROLE_WORDS } from '@snag/protocol/enums';

/** An element as people name it: "Postal code (text field)", "Pay now (button)"; '' without a name. */
export function elementTitle(element: { name: string | null; role: string | null }): string {
  if (!element.name) return '';
  return element.role ? `${element.name} (${ROLE_WORDS[element.role] ?? element.role})` : element.name;
}
