// Radix UI primitives: a small project-settings screen, styled by the page, behaviour by Radix.
import {
  Accordion,
  Checkbox,
  Collapsible,
  Dialog,
  DropdownMenu,
  Popover,
  Select,
  Slider,
  Switch,
  Tabs,
  Toast,
  ToggleGroup,
  Tooltip,
} from 'radix-ui';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const LANGUAGES = ['English', 'Deutsch', 'Français', 'Español'];

function App() {
  const [action, setAction] = useState('');
  const [zoom, setZoom] = useState([50]);
  const [language, setLanguage] = useState('English');
  const [toast, setToast] = useState(false);
  const [align, setAlign] = useState('left');
  return (
    <main>
      <h1>Project settings</h1>
      <p id="lead">Everything here applies to the whole team.</p>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger>Options</DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content sideOffset={4}>
            {['Export', 'Duplicate', 'Transfer'].map((item) => (
              <DropdownMenu.Item key={item} onSelect={() => setAction(item)}>
                {item}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <span> {action}</span>
      <Tabs.Root defaultValue="members">
        <Tabs.List aria-label="Sections">
          <Tabs.Trigger value="members">Members</Tabs.Trigger>
          <Tabs.Trigger value="billing">Billing</Tabs.Trigger>
          <Tabs.Trigger value="danger">Danger zone</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="members">Four members.</Tabs.Content>
        <Tabs.Content value="billing">Paid yearly.</Tabs.Content>
        <Tabs.Content value="danger">Archive or delete.</Tabs.Content>
      </Tabs.Root>
      <p>Zoom {zoom[0]}%</p>
      <Slider.Root className="slider" value={zoom} onValueChange={setZoom} max={100} step={5} aria-label="Zoom">
        <Slider.Track className="track">
          <Slider.Range className="range" />
        </Slider.Track>
        <Slider.Thumb className="thumb" aria-label="Zoom" />
      </Slider.Root>
      <p>
        Language{' '}
        <Select.Root value={language} onValueChange={setLanguage}>
          <Select.Trigger aria-label="Language">
            <Select.Value />
          </Select.Trigger>
          <Select.Portal>
            <Select.Content position="popper" sideOffset={4}>
              <Select.Viewport>
                {LANGUAGES.map((name) => (
                  <Select.Item key={name} value={name}>
                    <Select.ItemText>{name}</Select.ItemText>
                  </Select.Item>
                ))}
              </Select.Viewport>
            </Select.Content>
          </Select.Portal>
        </Select.Root>
      </p>
      <p>
        <label htmlFor="digest">Weekly digest </label>
        <Switch.Root id="digest" className="switch">
          <Switch.Thumb />
        </Switch.Root>{' '}
        <Checkbox.Root id="terms" className="checkbox">
          <Checkbox.Indicator>✓</Checkbox.Indicator>
        </Checkbox.Root>
        <label htmlFor="terms"> Show in directory</label>
      </p>
      <ToggleGroup.Root
        type="single"
        value={align}
        onValueChange={(value) => value && setAlign(value)}
        aria-label="Alignment"
      >
        {['left', 'center', 'right'].map((value) => (
          <ToggleGroup.Item key={value} value={value} aria-label={`Align ${value}`}>
            {value}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <span id="seats">Seats: 4 of 5</span>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content sideOffset={4}>One seat left on your plan</Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      <Popover.Root>
        <Popover.Trigger>Invite link</Popover.Trigger>
        <Popover.Portal>
          <Popover.Content className="popover" sideOffset={4}>
            https://example.com/join/4f9a
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      <Collapsible.Root>
        <Collapsible.Trigger>Advanced</Collapsible.Trigger>
        <Collapsible.Content>Region pinning and audit logs.</Collapsible.Content>
      </Collapsible.Root>
      <Accordion.Root type="single" collapsible>
        {['Who can see sessions?', 'How is billing counted?', 'Can I leave a project?'].map((question) => (
          <Accordion.Item key={question} value={question}>
            <Accordion.Header>
              <Accordion.Trigger>{question}</Accordion.Trigger>
            </Accordion.Header>
            <Accordion.Content>The handbook answers “{question}”.</Accordion.Content>
          </Accordion.Item>
        ))}
      </Accordion.Root>
      <Dialog.Root>
        <Dialog.Trigger>Rename project</Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="overlay" />
          <Dialog.Content className="dialog">
            <Dialog.Title>Rename project</Dialog.Title>
            <Dialog.Description>Members will see the new name.</Dialog.Description>
            <Dialog.Close>Done</Dialog.Close>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {/* A plan card that looks like it opens the plan; it has no handler (struggle cases only). */}
      <div
        id="plan-card"
        style={{ border: '1px solid #ccc', borderRadius: 8, padding: 16, maxWidth: 320, boxShadow: '0 1px 4px #0002' }}
      >
        <strong>Team plan</strong>
        <p>10 seats, audit log, SSO</p>
      </div>
      {/* Broken on purpose (only the struggle cases press it): its handler does nothing. */}
      <button type="button" onClick={() => undefined}>
        Export audit log
      </button>
      <button type="button" onClick={() => setToast(true)}>
        Save settings
      </button>
      <Toast.Root open={toast} onOpenChange={setToast} duration={1500}>
        <Toast.Title>Settings saved</Toast.Title>
      </Toast.Root>
      <Toast.Viewport className="toasts" />
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <Tooltip.Provider delayDuration={300}>
      <Toast.Provider>
        <App />
      </Toast.Provider>
    </Tooltip.Provider>,
  );
