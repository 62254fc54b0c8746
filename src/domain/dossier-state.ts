/**
 * The dossier state machine of the one-stop office (Decree 61/2018, Circular 01/2018 as amended):
 * statuses, actions, and the typed table of which action is allowed in which status. The server
 * rejects an action that the table does not allow with 409. Who may take an action is the
 * policy's business (policy.ts).
 */
export const STATUSES = [
  'submitted',
  'received',
  'refused',
  'in_review',
  'consulting',
  'awaiting_approval',
  'approved',
  'supplement_proposed',
  'supplement_requested',
  'awaiting_payment',
  'withdrawn',
  'stopped',
  'result_ready',
  'returned',
] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = [
  'receive',
  'refuse',
  'propose_supplement',
  'request_supplement',
  'answer_supplement',
  'assign',
  'consult',
  'consult_reply',
  'transfer',
  'propose',
  'approve',
  'reject',
  'issue_result',
  'return_result',
  'request_payment',
  'confirm_payment',
  'extend',
  'withdraw',
  'stop',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ALLOWED_ACTIONS = {
  submitted: ['receive', 'refuse', 'request_supplement', 'withdraw'],
  received: ['assign', 'propose_supplement', 'request_supplement', 'transfer', 'extend', 'withdraw', 'stop'],
  in_review: [
    'assign',
    'propose_supplement',
    'request_supplement',
    'consult',
    'transfer',
    'propose',
    'request_payment',
    'extend',
    'withdraw',
    'stop',
  ],
  consulting: ['consult_reply', 'extend', 'withdraw', 'stop'],
  awaiting_approval: ['approve', 'reject', 'extend', 'stop'],
  approved: ['issue_result', 'extend'],
  // The specialist's items wait for the desk, which sends them (the clock still runs).
  supplement_proposed: ['request_supplement', 'extend', 'withdraw', 'stop'],
  supplement_requested: ['answer_supplement', 'withdraw', 'stop'],
  awaiting_payment: ['confirm_payment', 'withdraw', 'stop'],
  result_ready: ['return_result'],
  refused: [],
  withdrawn: [],
  stopped: [],
  returned: [],
} as const satisfies Record<Status, readonly Action[]>;

export const STATUS_INFO: Record<Status, { group: number; vi: string; en: string; open: boolean }> = {
  submitted: { group: 1, vi: 'Mới đăng ký', en: 'Submitted', open: true },
  received: { group: 2, vi: 'Đã tiếp nhận', en: 'Received', open: true },
  refused: { group: 3, vi: 'Từ chối tiếp nhận', en: 'Not accepted', open: false },
  in_review: { group: 4, vi: 'Đang xử lý', en: 'Being processed', open: true },
  consulting: { group: 4, vi: 'Đang xin ý kiến', en: 'Being processed (consultation)', open: true },
  awaiting_approval: { group: 4, vi: 'Chờ phê duyệt', en: 'Awaiting approval', open: true },
  approved: { group: 4, vi: 'Đã phê duyệt, chờ ban hành kết quả', en: 'Approved, result being issued', open: true },
  supplement_proposed: { group: 4, vi: 'Đề nghị bổ sung, chờ Bộ phận Một cửa gửi', en: 'Supplement proposed, awaiting the desk', open: true },
  supplement_requested: { group: 5, vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested', open: true },
  awaiting_payment: { group: 6, vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting payment', open: true },
  withdrawn: { group: 7, vi: 'Công dân đã rút hồ sơ', en: 'Withdrawn by the applicant', open: false },
  stopped: { group: 8, vi: 'Dừng xử lý', en: 'Processing stopped', open: false },
  result_ready: { group: 9, vi: 'Đã có kết quả', en: 'Result ready', open: true },
  returned: { group: 10, vi: 'Đã trả kết quả', en: 'Result returned', open: false },
};

export const ACTION_LABELS: Record<Action, { vi: string; en: string }> = {
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refuse' },
  propose_supplement: { vi: 'Đề nghị yêu cầu bổ sung', en: 'Propose a supplement request' },
  request_supplement: { vi: 'Gửi yêu cầu bổ sung', en: 'Send the supplement request' },
  answer_supplement: { vi: 'Bổ sung hồ sơ', en: 'Answer the supplement request' },
  assign: { vi: 'Phân công xử lý', en: 'Assign' },
  consult: { vi: 'Xin ý kiến', en: 'Consult a department' },
  consult_reply: { vi: 'Trả lời xin ý kiến', en: 'Reply to the consultation' },
  transfer: { vi: 'Chuyển liên thông', en: 'Transfer to another unit' },
  propose: { vi: 'Trình phê duyệt', en: 'Propose' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  reject: { vi: 'Trả lại chuyên viên', en: 'Send back to the specialist' },
  issue_result: { vi: 'Ban hành kết quả', en: 'Issue the result' },
  return_result: { vi: 'Trả kết quả', en: 'Return the result' },
  request_payment: { vi: 'Yêu cầu nghĩa vụ tài chính', en: 'Request payment' },
  confirm_payment: { vi: 'Xác nhận đã nộp', en: 'Confirm payment' },
  extend: { vi: 'Gia hạn, xin lỗi và hẹn lại', en: 'Extend with apology' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  stop: { vi: 'Dừng xử lý', en: 'Stop processing' },
};

export function isAllowed(status: Status, action: Action): boolean {
  return (ALLOWED_ACTIONS[status] as readonly Action[]).includes(action);
}

/**
 * The status an allowed action leads to. `resumeStatus` is where a dossier goes back to after a
 * supplement or a payment wait (the status it was in when the wait began).
 * @throws Error when the action is not allowed in `status` (callers check isAllowed first).
 */
export function nextStatus(status: Status, action: Action, resumeStatus: Status | null): Status {
  if (!isAllowed(status, action)) throw new Error(`${action} not allowed in ${status}`);
  switch (action) {
    case 'receive':
    case 'transfer':
      return 'received';
    case 'refuse':
      return 'refused';
    case 'propose_supplement':
      return 'supplement_proposed';
    case 'request_supplement':
      return 'supplement_requested';
    case 'answer_supplement':
    case 'confirm_payment':
      return resumeStatus ?? 'in_review';
    case 'assign':
    case 'consult_reply':
    case 'reject':
      return 'in_review';
    case 'consult':
      return 'consulting';
    case 'propose':
      return 'awaiting_approval';
    case 'approve':
      return 'approved';
    case 'issue_result':
      return 'result_ready';
    case 'return_result':
      return 'returned';
    case 'request_payment':
      return 'awaiting_payment';
    case 'extend':
      return status;
    case 'withdraw':
      return 'withdrawn';
    case 'stop':
      return 'stopped';
  }
}

/** Statuses that count as received by the agency (the legal clock runs or has run). */
export const isAfterReceipt = (s: Status) => s !== 'submitted' && s !== 'refused';
