// Mantine: a small developer-settings screen made of Mantine's own components.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import {
  Accordion,
  Button,
  Chip,
  CopyButton,
  Group,
  MantineProvider,
  Menu,
  Modal,
  NumberInput,
  Pagination,
  Popover,
  SegmentedControl,
  Select,
  Skeleton,
  Slider,
  Stepper,
  Switch,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const REGIONS = ['Frankfurt', 'Dublin', 'Virginia', 'Oregon', 'Singapore', 'Sydney'];

function Settings() {
  const [loaded, setLoaded] = useState(false);
  const [opened, { open, close }] = useDisclosure(false);
  const [region, setRegion] = useState<string | null>('Frankfurt');
  const [retention, setRetention] = useState(30);
  const [step, setStep] = useState(0);
  const [page, setPage] = useState(1);
  const [view, setView] = useState('week');
  const [expires, setExpires] = useState<string | null>(null);
  const [last, setLast] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setLoaded(true), 900);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main style={{ padding: 24, maxWidth: 760 }}>
      <h1>API access</h1>
      <Skeleton visible={!loaded} width={360}>
        <Text id="key">Key sk_live_4f9a2c (created 3 days ago)</Text>
      </Skeleton>
      <Group my="sm">
        <CopyButton value="sk_live_4f9a2c">
          {({ copied, copy }) => (
            <Button color={copied ? 'teal' : 'blue'} onClick={copy}>
              {copied ? 'Copied' : 'Copy key'}
            </Button>
          )}
        </CopyButton>
        <Menu>
          <Menu.Target>
            <Button variant="default">Key actions</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {['Rotate', 'Rename', 'Restrict'].map((item) => (
              <Menu.Item key={item} onClick={() => setLast(item)}>
                {item}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Text>{last}</Text>
      </Group>
      <Tabs defaultValue="keys">
        <Tabs.List>
          <Tabs.Tab value="keys">Keys</Tabs.Tab>
          <Tabs.Tab value="webhooks">Webhooks</Tabs.Tab>
          <Tabs.Tab value="logs">Logs</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="keys">Two active keys.</Tabs.Panel>
        <Tabs.Panel value="webhooks">No webhooks yet.</Tabs.Panel>
        <Tabs.Panel value="logs">Requests of the last hour.</Tabs.Panel>
      </Tabs>
      <Select label="Region" searchable data={REGIONS} value={region} onChange={setRegion} w={240} />
      <Text mt="sm">Retention: {retention} days</Text>
      <Slider aria-label="Retention" min={7} max={90} value={retention} onChange={setRetention} />
      <NumberInput label="Rate limit per minute" defaultValue={60} step={10} w={240} />
      <DatePickerInput label="Key expires" placeholder="Pick a date" value={expires} onChange={setExpires} w={240} />
      <SegmentedControl my="sm" value={view} onChange={setView} data={['day', 'week', 'month']} />
      <Group>
        <Switch label="Allow browser use" />
        <Chip defaultChecked>Read</Chip>
        <Chip>Write</Chip>
        <Tooltip label="Keys act with your permissions">
          <Text id="permissions">Permissions?</Text>
        </Tooltip>
        <Popover>
          <Popover.Target>
            <Button variant="subtle">Scopes</Button>
          </Popover.Target>
          <Popover.Dropdown>events:write, sessions:read</Popover.Dropdown>
        </Popover>
      </Group>
      <Stepper active={step} onStepClick={setStep} my="md">
        <Stepper.Step label="Create" />
        <Stepper.Step label="Restrict" />
        <Stepper.Step label="Test" />
      </Stepper>
      <Group>
        <Button variant="default" onClick={() => setStep(Math.max(0, step - 1))}>
          Back
        </Button>
        <Button onClick={() => setStep(Math.min(3, step + 1))}>Next step</Button>
      </Group>
      <Accordion my="md">
        {['What is a key?', 'How do I rotate?', 'Where are logs kept?'].map((question) => (
          <Accordion.Item key={question} value={question}>
            <Accordion.Control>{question}</Accordion.Control>
            <Accordion.Panel>The docs explain “{question}”.</Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Button color="red" onClick={open}>
        Revoke key
      </Button>
      <Modal opened={opened} onClose={close} title="Revoke this key?">
        <Button color="red" onClick={close}>
          Revoke
        </Button>
      </Modal>
      {/* Broken on purpose (only the struggle cases press it): its handler throws. */}
      <Button
        variant="light"
        onClick={() => {
          throw new Error('webhook test failed: no endpoint configured');
        }}
      >
        Send test event
      </Button>
      <Text mt="md">Log page {page}</Text>
      <Pagination total={10} value={page} onChange={setPage} />
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <MantineProvider>
      <Settings />
    </MantineProvider>,
  );
