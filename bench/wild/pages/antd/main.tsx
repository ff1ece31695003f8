// Ant Design: a small bookings screen made of antd's own components.
import {
  App as AntApp,
  Button,
  Carousel,
  Collapse,
  DatePicker,
  Dropdown,
  InputNumber,
  List,
  Modal,
  Pagination,
  Rate,
  Select,
  Skeleton,
  Steps,
  Switch,
  Tabs,
  Tooltip,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const ROOMS = ['Single', 'Double', 'Suite', 'Family', 'Penthouse'].map((name) => ({ value: name, label: name }));
const SLIDES = ['Lobby', 'Pool', 'Terrace', 'Spa'];

function Bookings() {
  const { message } = AntApp.useApp();
  const [loading, setLoading] = useState(true);
  const [items, setItems] = useState<string[]>([]);
  const [page, setPage] = useState(1);
  const [fetching, setFetching] = useState(false);
  const [guests, setGuests] = useState<number | null>(2);
  const [step, setStep] = useState(0);
  const [modal, setModal] = useState(false);
  const [room, setRoom] = useState('Single');
  const [date, setDate] = useState('');
  const [last, setLast] = useState('');
  const load = async (next: number) => {
    setFetching(true);
    const res = await fetch(`/api/items?page=${next}`);
    const body = (await res.json()) as { items: string[] };
    setItems((list) => [...list, ...body.items]);
    setPage(next);
    setFetching(false);
  };
  useEffect(() => {
    const timer = setTimeout(() => setLoading(false), 1000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main style={{ padding: 24, maxWidth: 820 }}>
      <h1>Book a stay</h1>
      <Skeleton loading={loading} active>
        <p id="hotel">Hotel Aurora · 4 stars · Lisbon</p>
      </Skeleton>
      <Dropdown
        menu={{
          items: ['Share', 'Print', 'Add to favourites'].map((label) => ({ key: label, label })),
          onClick: ({ key }) => setLast(key),
        }}
        trigger={['click']}
      >
        <Button>More</Button>
      </Dropdown>
      <span> {last}</span>
      <Tabs
        items={['Overview', 'Rooms', 'Reviews'].map((label) => ({
          key: label,
          label,
          children: <p>{label} of Hotel Aurora</p>,
        }))}
      />
      <Carousel arrows dots style={{ width: 480, background: '#364d79' }}>
        {SLIDES.map((slide) => (
          <div key={slide}>
            <h3 style={{ color: '#fff', lineHeight: '160px', textAlign: 'center', margin: 0 }}>{slide}</h3>
          </div>
        ))}
      </Carousel>
      <p>
        Check-in <DatePicker aria-label="Check-in" onChange={(_value, text) => setDate(String(text))} /> {date}
      </p>
      <p>
        Room{' '}
        <Select aria-label="Room" showSearch style={{ width: 200 }} options={ROOMS} value={room} onChange={setRoom} />
      </p>
      <p>
        Guests <InputNumber aria-label="Guests" min={1} max={8} value={guests} onChange={setGuests} />
      </p>
      <p>
        Breakfast <Switch aria-label="Breakfast" /> Rating <Rate />
      </p>
      <Steps current={step} items={[{ title: 'Room' }, { title: 'Details' }, { title: 'Payment' }]} />
      <Button onClick={() => setStep(Math.max(0, step - 1))}>Previous</Button>
      <Button type="primary" onClick={() => setStep(Math.min(2, step + 1))}>
        Continue
      </Button>
      <Collapse
        items={['Cancellation policy', 'Parking', 'Pets'].map((label) => ({
          key: label,
          label,
          children: <p>About {label}.</p>,
        }))}
      />
      <Upload beforeUpload={() => false}>
        <Button>Attach passport scan</Button>
      </Upload>
      <Tooltip title="Prices include taxes">
        <span id="taxes">ⓘ Taxes</span>
      </Tooltip>
      <Button onClick={() => message.success('Booking saved')}>Save booking</Button>
      <Button danger onClick={() => setModal(true)}>
        Cancel booking
      </Button>
      <Modal title="Cancel this booking?" open={modal} onOk={() => setModal(false)} onCancel={() => setModal(false)}>
        You can book again later.
      </Modal>
      <List
        dataSource={items}
        renderItem={(item) => <List.Item>{item}</List.Item>}
        loadMore={
          <Button loading={fetching} onClick={() => load(page + 1)}>
            Load more
          </Button>
        }
      />
      <Pagination total={120} />
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <AntApp>
      <Bookings />
    </AntApp>,
  );
