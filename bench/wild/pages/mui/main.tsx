// MUI: a small account-settings screen made of Material UI's own components.
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  InputLabel,
  Menu,
  MenuItem,
  Pagination,
  Select,
  Skeleton,
  Slider,
  Snackbar,
  Step,
  StepLabel,
  Stepper,
  Tab,
  Tabs,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const PLANS = ['Starter', 'Team', 'Business'];
const STEPS = ['Account', 'Billing', 'Confirm'];
const FAQ = ['Can I change plans later?', 'Is there a free trial?', 'How do refunds work?'];

function Profile() {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLoaded(true), 1200);
    return () => clearTimeout(timer);
  }, []);
  if (!loaded) return <Skeleton variant="rectangular" width={320} height={48} />;
  return <Typography id="profile">Ada Lovelace · ada@example.com</Typography>;
}

function App() {
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [action, setAction] = useState('none');
  const [tab, setTab] = useState(0);
  const [volume, setVolume] = useState(30);
  const [plan, setPlan] = useState('Starter');
  const [step, setStep] = useState(0);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [toast, setToast] = useState('');
  const [page, setPage] = useState(1);
  const [likes, setLikes] = useState(0);
  return (
    <main style={{ padding: 24, maxWidth: 760 }}>
      <Typography variant="h4">Settings</Typography>
      <Profile />
      <section>
        <Button variant="contained" onClick={(event) => setMenuAnchor(event.currentTarget)}>
          Actions
        </Button>
        <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
          {['Rename', 'Duplicate', 'Archive'].map((item) => (
            <MenuItem
              key={item}
              onClick={() => {
                setAction(item);
                setMenuAnchor(null);
              }}
            >
              {item}
            </MenuItem>
          ))}
        </Menu>
        <Typography component="span"> Last action: {action}</Typography>
      </section>
      <Tabs value={tab} onChange={(_event, value: number) => setTab(value)}>
        <Tab label="General" />
        <Tab label="Notifications" />
        <Tab label="Security" />
      </Tabs>
      <Typography>{['Language and region', 'Email me about replies', 'Two-factor sign-in'][tab]}</Typography>
      <Typography>Volume {volume}</Typography>
      <Slider aria-label="Volume" value={volume} onChange={(_event, value) => setVolume(value as number)} />
      <FormControl sx={{ minWidth: 200, my: 2 }}>
        <InputLabel id="plan-label">Plan</InputLabel>
        <Select labelId="plan-label" label="Plan" value={plan} onChange={(event) => setPlan(event.target.value)}>
          {PLANS.map((name) => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Stepper activeStep={step}>
        {STEPS.map((label) => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
        Back
      </Button>
      <Button onClick={() => setStep(Math.min(step + 1, STEPS.length - 1))}>Next</Button>
      {FAQ.map((question) => (
        <Accordion key={question}>
          <AccordionSummary>{question}</AccordionSummary>
          <AccordionDetails>Yes — see the help centre for the details of “{question}”.</AccordionDetails>
        </Accordion>
      ))}
      <Button variant="outlined" onClick={() => setDialogOpen(true)}>
        Delete project
      </Button>
      <Dialog open={dialogOpen} onClose={() => setDialogOpen(false)}>
        <DialogTitle>Delete this project?</DialogTitle>
        <DialogContent>Its sessions will be removed.</DialogContent>
        <DialogActions>
          <Button onClick={() => setDialogOpen(false)}>Cancel</Button>
          <Button
            color="error"
            onClick={() => {
              setDialogOpen(false);
              setToast('Project deleted');
            }}
          >
            Delete
          </Button>
        </DialogActions>
      </Dialog>
      <Button onClick={() => setToast('Settings saved')}>Save</Button>
      <Snackbar open={toast !== ''} message={toast} autoHideDuration={1500} onClose={() => setToast('')} />
      <Tooltip title="Your plan renews on the 1st">
        <Chip label="Renews soon" />
      </Tooltip>
      <Button variant="contained" color="secondary" onClick={() => setLikes(likes + 1)}>
        Like ({likes})
      </Button>
      {/* Broken on purpose for the struggle cases (ordinary use never presses it): its handler does nothing. */}
      <Button variant="contained" onClick={() => undefined}>
        Refresh invoices
      </Button>
      <BillingEmail />
      <Typography>Invoices page {page}</Typography>
      <Pagination count={8} page={page} onChange={(_event, value) => setPage(value)} />
    </main>
  );
}

/** A billing email checked when it is left, as MUI's docs show: the field turns red with a message (aria-invalid). */
function BillingEmail() {
  const [email, setEmail] = useState('');
  const [checked, setChecked] = useState(false);
  const bad = checked && !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(email);
  return (
    <TextField
      label="Billing email"
      value={email}
      onChange={(event) => {
        setEmail(event.target.value);
        setChecked(false);
      }}
      onBlur={() => setChecked(true)}
      error={bad}
      helperText={bad ? 'Enter an email like name@example.com' : ' '}
    />
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
