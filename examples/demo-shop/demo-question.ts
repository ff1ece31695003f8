/** The question the demo asks at a rage or dead click, and the choice the confused visitor picks. */
export const DEMO_QUESTION = {
  text: 'What did you expect to happen?',
  type: 'choice',
  options: ['I thought it was a link', 'Nothing happened', 'It was too slow'],
  other: true,
  follow_up: 'What were you trying to do?',
  targeting: { kinds: ['rage_click', 'dead_click'] },
  delay_ms: 300,
} as const;

/** Creates the demo's question in the default project, through the API like any admin would. */
export async function createDemoQuestion(snagUrl: string, adminToken: string): Promise<void> {
  const response = await fetch(`${snagUrl}/api/v1/projects/default/questions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(DEMO_QUESTION),
  });
  if (!response.ok) throw new Error(`creating the demo question: ${response.status} ${await response.text()}`);
}
