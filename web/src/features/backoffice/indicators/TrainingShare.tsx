import type { Share } from '@domain/training-contract.ts';
import { apiPath } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ShareLine } from './TrainingPage';

/** The share of officials trained in digital skills in the report's period, beside the indicators. */
export function TrainingShare({ period }: { period: { from: string; to: string } }) {
  const { data } = useApi<Share>(apiPath('/indicators/training', period));
  return data ? <ShareLine share={data} /> : null;
}
