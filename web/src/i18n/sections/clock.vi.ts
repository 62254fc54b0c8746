// The legal clock (docs/adr/0005-legal-clock.md): waiting stops it, an extension sits beside the
// due date, supplement requests are proposed, sent, flagged and counted. Keys in clock.en.ts too.
export const clock = {
  'status.supplement_proposed': 'Đang xử lý',
  'status.supplement_proposed.explain': 'Cán bộ chuyên môn đang thẩm định hồ sơ.',
  'clock.stoppedCitizen': 'Thời hạn giải quyết tạm dừng từ {date} trong khi chờ bạn bổ sung hồ sơ hoặc nộp phí, lệ phí.',
  'clock.appointmentCitizen': 'Ngày hẹn do cán bộ tiếp nhận xác định.',

  'bo.status.supplement_proposed': 'Đề nghị bổ sung, chờ Một cửa gửi',
  'bo.role.system': 'hệ thống, thay Bộ phận Một cửa',
  'bo.due.paused': 'Tạm dừng – chờ công dân',
  'bo.queue.to_send_supplement': 'Chờ gửi yêu cầu bổ sung',

  'bo.queue.extendedTo': 'Hẹn lại: {date}',

  'bo.facts.legalDueHint': 'Trước hạn, đúng hạn hay trễ hạn luôn tính theo hạn này.',
  'bo.facts.appointmentSet': 'Ngày hẹn do cán bộ tiếp nhận xác định (thời hạn của thủ tục chưa được xác nhận). Lý do: {reason}',
  'bo.facts.extendedDueAt': 'Hẹn lại sau khi xin lỗi',
  'bo.facts.extensionDetail': 'Văn bản xin lỗi gửi lúc {at}. Lý do: {reason}',
  'bo.facts.apologyOnTime': 'Xin lỗi đúng hạn',
  'bo.facts.apologyLate': 'Xin lỗi muộn (dưới 1 ngày trước hạn)',
  'bo.facts.extensionUsed': 'Đã dùng lần hẹn lại duy nhất (thời hạn đã tính lại sau khi bổ sung)',
  'bo.facts.clock': 'Đồng hồ thời hạn',
  'bo.facts.clock.not_started': 'Chưa bắt đầu (chưa tiếp nhận)',
  'bo.facts.clock.running': 'Đang chạy',
  'bo.facts.clock.stopped': 'Tạm dừng từ {date}: chờ công dân (không tính vào thời hạn)',
  'bo.facts.clock.finished': 'Đã dừng khi có kết quả',
  'bo.facts.clock.closed': 'Không tính (hồ sơ đã kết thúc)',
  'bo.facts.supplementLate': '{n} lần gửi sau thời hạn 3 ngày làm việc',

  'bo.supplement.proposedTitle': 'Đề nghị yêu cầu bổ sung, chờ Bộ phận Một cửa gửi (lần {n})',
  'bo.supplement.proposedBy': 'Đề nghị bởi {name}, lúc {date}. Đồng hồ vẫn chạy cho đến khi yêu cầu được gửi cho công dân.',
  'bo.supplement.sentByDesk': 'Bộ phận Một cửa gửi lúc {date} ({name}).',
  'bo.supplement.sentBySystem': 'Hệ thống gửi thay Bộ phận Một cửa lúc {date} (hồ sơ trực tuyến).',
  'bo.supplement.lateFlag': 'Gửi muộn',
  'bo.supplement.lateBody': 'Gửi sau thời hạn 3 ngày làm việc kể từ khi tiếp nhận (hết hạn lúc {date}).',
  'bo.supplement.repeat': 'Yêu cầu lần {n}, lý do: {reason}',

  'bo.act.repeatReason': 'Lý do phải yêu cầu bổ sung lần nữa',
  'bo.act.repeatReasonHint': 'Hồ sơ đã được yêu cầu bổ sung {n} lần. Yêu cầu thêm là ngoại lệ: ghi rõ vì sao lần trước chưa đủ.',
  'bo.act.err.repeatReason': 'Nhập lý do phải yêu cầu bổ sung lần nữa',
  'bo.act.proposalToSend': 'Các mục chuyên viên đã đề nghị (gửi nguyên như vậy cho công dân):',
  'bo.act.windowLate': 'Đã quá thời hạn 3 ngày làm việc kể từ khi tiếp nhận: yêu cầu vẫn được gửi nhưng ghi nhận là gửi muộn.',
  'bo.act.proposeHint': 'Chuyên viên không liên hệ trực tiếp với công dân: đề nghị sẽ được Bộ phận Một cửa gửi (hồ sơ trực tuyến: hệ thống gửi ngay).',
} as const;
