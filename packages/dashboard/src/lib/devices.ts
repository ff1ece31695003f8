import type { DeviceClass } from '@snag/protocol';
import { DEVICE_CLASSES, HEATMAP_DEVICE_CLASSES } from '@snag/protocol/enums';
import type { Option } from '../components/fields';

/** How each device class the server knows reads in a picker. */
const DEVICE_LABELS: Record<DeviceClass, string> = {
  desktop: 'Desktop',
  tablet: 'Tablet',
  mobile: 'Mobile',
  other: 'Other',
};

const ALL_DEVICES: Option = { value: '', label: 'All devices' };

/** The session search's device filter: every class. */
export const SESSION_DEVICE_OPTIONS: Option[] = [
  ALL_DEVICES,
  ...DEVICE_CLASSES.map((device) => ({ value: device, label: DEVICE_LABELS[device] })),
];

/** The heatmap's device filter: the classes it can be narrowed to. */
export const HEATMAP_DEVICE_OPTIONS: Option[] = [
  ALL_DEVICES,
  ...HEATMAP_DEVICE_CLASSES.map((device) => ({ value: device, label: DEVICE_LABELS[device] })),
];
