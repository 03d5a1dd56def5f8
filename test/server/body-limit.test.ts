import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { declaredBodyLimit } from '../../src/server/body-limit.js';

const app = new Hono();
app.use('*', declaredBodyLimit(10, (c) => c.json({ error: 'too large' }, 413)));
app.post('/', async (c) => c.text(await c.req.text()));

const post = (body: string, headers: Record<string, string> = {}) => app.request('/', { method: 'POST', body, headers });

describe('declaredBodyLimit', () => {
  it('takes a body up to the bound by its declared length, and reads it whole', async () => {
    const res = await post('0123456789', { 'content-length': '10' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('0123456789');
  });

  it('refuses a declared length over the bound with the given answer', async () => {
    const res = await post('0123456789A', { 'content-length': '11' });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'too large' });
  });

  it('counts a body that declares no length as it arrives', async () => {
    expect((await post('0123456789A')).status).toBe(413);
    const small = await post('01234');
    expect(small.status).toBe(200);
    expect(await small.text()).toBe('01234');
  });
});
