/**
 * How the applicant receives the result (Decree 118/2025 Art. 20; Circular 03/2025 form 01): at
 * the desk, by post, or electronically (the signed file in their document store). Chosen at
 * submission; the channel gives the default.
 */
export const RESULT_DELIVERIES = ['desk', 'post', 'electronic'] as const;
export type ResultDelivery = (typeof RESULT_DELIVERIES)[number];

/** Online → electronic; by post → post; at the desk → at the desk. */
export function defaultResultDelivery(channel: 'online' | 'in_person' | 'post'): ResultDelivery {
  return channel === 'online' ? 'electronic' : channel === 'post' ? 'post' : 'desk';
}

export const RESULT_DELIVERY_WORDS: Record<ResultDelivery, { vi: string; en: string }> = {
  desk: { vi: 'Nhận trực tiếp tại Bộ phận Một cửa', en: 'Collect at the one-stop desk' },
  post: { vi: 'Nhận qua dịch vụ bưu chính', en: 'By post' },
  electronic: { vi: 'Nhận bản điện tử (đã ký số) trên tài khoản', en: 'Electronic (signed file in my account)' },
};
