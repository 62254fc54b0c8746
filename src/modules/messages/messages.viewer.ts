import type { FastifyInstance } from 'fastify';
import { formatVn } from '../../domain/calendar/index.ts';
import { toDate } from '../../db/time.ts';
import type { AppDeps } from '../../server/deps.ts';
import { recentMessages } from './messages.repo.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Development only (never in production): `/dev/mail`, a page listing the last messages the
 * platform sent or is sending — email, SMS and Zalo, with their full text — so whoever tries the
 * demo sees each notice arrive without a mail server. It refreshes when asked (a link), not by
 * itself: a page that reloads on its own moves the reader's place (WCAG 2.2.1).
 */
export function registerMailViewer(app: FastifyInstance, deps: AppDeps): void {
  if (deps.config.production) return;
  app.get('/dev/mail', { schema: { hide: true } }, async (_req, reply) => {
    const list = await recentMessages(deps.database.db, { limit: 50 });
    const rows = list
      .map(
        (m) => `<article>
  <h2>${escape(m.subject ?? m.body.split('\n')[0]!)}</h2>
  <p class="meta"><strong>${escape(m.channel.toUpperCase())}</strong> → ${escape(m.recipient)} · ${escape(formatVn(toDate(m.created_at)))} · <span class="s-${escape(m.status)}">${escape(m.status)}</span>${m.last_error ? ` · ${escape(m.last_error)}` : ''}</p>
  <pre>${escape(m.body)}</pre>
</article>`,
      )
      .join('\n');
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hộp thư thử nghiệm – Nông Trang Số</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#0b0c0c}
article{border-bottom:1px solid #b1b4b6;padding:.75rem 0}h2{font-size:1.1rem;margin:0}.meta{margin:.25rem 0;color:#484949}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;background:#f3f2f1;padding:.5rem;margin:0}.s-failed{color:#b10e1e}.s-sent{color:#00703c}</style></head>
<body><main><h1>Hộp thư thử nghiệm / development mailbox</h1>
<p>Mọi email, SMS và tin Zalo hệ thống gửi (50 tin mới nhất). Chỉ có khi chạy thử, không có trong môi trường thật.
Every email, SMS and Zalo message the platform sends (the latest 50). Development only.</p>
<p><a href="/dev/mail">Làm mới / refresh</a></p>
${rows || '<p>Chưa có tin nào / nothing sent yet.</p>'}
</main></body></html>`;
  });
}
