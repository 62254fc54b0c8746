import { Suspense } from 'react';
import { Loading } from '../../ui';
import { FollowPage } from './FollowPage';
import { ListPage } from './ListPage';
import { ReportPage } from './ReportPage';
import './feedback.css';

/** /phan-anh, /phan-anh/gui, /phan-anh/<code>: a chunk of its own (docs/FEEDBACK.md). */
export default function FeedbackApp({ page, code }: { page: 'list' | 'new' | 'one'; code?: string }) {
  return (
    <Suspense fallback={<Loading />}>
      {page === 'list' && <ListPage />}
      {page === 'new' && <ReportPage />}
      {page === 'one' && code && <FollowPage key={code} code={code} />}
    </Suspense>
  );
}
