import type { NotificationEvent, TemplateTexts } from '../../domain/notifications.ts';

/**
 * The built-in texts, in force until a unit admin saves a version of their own (and the base of
 * the editor). Plain language: what happened, what to do, by when, where; no status codes. SMS
 * texts lose their diacritics when sent (brand-name SMS rules); Zalo sends the same short text's
 * facts through the ward's registered ZNS template.
 */
export const DEFAULT_TEMPLATES: Record<NotificationEvent, TemplateTexts> = {
  'dossier.submitted': {
    vi: {
      title: 'Đã nhận hồ sơ trực tuyến {{code}}',
      body: 'Kính gửi {{name}},\n\nPhường đã nhận hồ sơ {{procedure}} bạn nộp trực tuyến, mã hồ sơ {{code}}.\nBộ phận Một cửa sẽ kiểm tra và báo cho bạn ngày hẹn trả kết quả, hoặc những gì cần bổ sung.\n\nTheo dõi hồ sơ: {{link}}',
      sms: 'Phuong da nhan ho so {{code}} ({{procedure}}). Bo phan Mot cua se bao ngay hen tra ket qua. Theo doi: {{link}}',
    },
    en: {
      title: 'Online application {{code}} received',
      body: 'Dear {{name}},\n\nThe ward has received your online application for {{procedure}}, code {{code}}.\nThe one-stop office will check it and tell you the date your result will be ready, or what is missing.\n\nFollow it here: {{link}}',
      sms: 'The ward received application {{code}} ({{procedure}}). You will be told the result date. Follow it: {{link}}',
    },
  },
  'dossier.received': {
    vi: {
      title: 'Hồ sơ {{code}} đã được tiếp nhận',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{procedure}} của bạn đã được tiếp nhận, mã hồ sơ {{code}}.\nNgày hẹn trả kết quả: {{appointment}}.\n\nTheo dõi hồ sơ: {{link}}',
      sms: 'Ho so {{code}} da duoc tiep nhan. Hen tra ket qua: {{appointment}}. Theo doi: {{link}}',
    },
    en: {
      title: 'Application {{code}} accepted',
      body: 'Dear {{name}},\n\nYour application for {{procedure}} has been accepted, code {{code}}.\nYour result will be ready by: {{appointment}}.\n\nFollow it here: {{link}}',
      sms: 'Application {{code}} accepted. Result by {{appointment}}. Follow it: {{link}}',
    },
  },
  'dossier.supplement_requested': {
    vi: {
      title: 'Hồ sơ {{code}} cần bổ sung',
      body: 'Kính gửi {{name}},\n\nĐể giải quyết hồ sơ {{procedure}} (mã {{code}}), bạn cần bổ sung:\n{{items}}\n\nHạn bổ sung: {{deadline}}.\nBổ sung trực tuyến tại: {{link}}\nHoặc mang giấy tờ đến Bộ phận Một cửa phường.',
      sms: 'Ho so {{code}} can bo sung giay to. Han: {{deadline}}. Xem chi tiet va bo sung tai: {{link}}',
    },
    en: {
      title: 'Application {{code}}: more information needed',
      body: 'Dear {{name}},\n\nTo settle your application for {{procedure}} (code {{code}}), please provide:\n{{items}}\n\nDeadline: {{deadline}}.\nAnswer online here: {{link}}\nOr bring the papers to the ward\'s one-stop office.',
      sms: 'Application {{code}} needs more information by {{deadline}}. See what and answer here: {{link}}',
    },
  },
  'dossier.supplement_reminder': {
    vi: {
      title: 'Nhắc: hồ sơ {{code}} còn chờ bổ sung',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{procedure}} (mã {{code}}) vẫn đang chờ bạn bổ sung. Hạn bổ sung: {{deadline}}.\nBổ sung trực tuyến tại: {{link}}',
      sms: 'Nhac: ho so {{code}} con cho ban bo sung, han {{deadline}}. Bo sung tai: {{link}}',
    },
    en: {
      title: 'Reminder: application {{code}} still needs more information',
      body: 'Dear {{name}},\n\nYour application for {{procedure}} (code {{code}}) is still waiting for the information asked of you. Deadline: {{deadline}}.\nAnswer online here: {{link}}',
      sms: 'Reminder: application {{code}} needs your answer by {{deadline}}: {{link}}',
    },
  },
  'dossier.payment_requested': {
    vi: {
      title: 'Hồ sơ {{code}}: đề nghị nộp phí, lệ phí',
      body: 'Kính gửi {{name}},\n\nĐể tiếp tục giải quyết hồ sơ {{procedure}} (mã {{code}}), bạn cần nộp {{amount}}.\nLý do: {{reason}}\nHạn nộp: {{deadline}}.\n\nCách nộp và theo dõi hồ sơ: {{link}}',
      sms: 'Ho so {{code}}: de nghi nop {{amount}}, han {{deadline}}. Chi tiet: {{link}}',
    },
    en: {
      title: 'Application {{code}}: payment requested',
      body: 'Dear {{name}},\n\nTo continue with your application for {{procedure}} (code {{code}}), please pay {{amount}}.\nFor: {{reason}}\nPay by: {{deadline}}.\n\nHow to pay, and your application: {{link}}',
      sms: 'Application {{code}}: please pay {{amount}} by {{deadline}}. Details: {{link}}',
    },
  },
  'dossier.payment_reminder': {
    vi: {
      title: 'Nhắc: hồ sơ {{code}} chờ nộp phí, lệ phí',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{procedure}} (mã {{code}}) vẫn chờ bạn nộp {{amount}}. Hạn nộp: {{deadline}}.\nChi tiết: {{link}}',
      sms: 'Nhac: ho so {{code}} cho nop {{amount}}, han {{deadline}}. Chi tiet: {{link}}',
    },
    en: {
      title: 'Reminder: application {{code}} is waiting for a payment',
      body: 'Dear {{name}},\n\nYour application for {{procedure}} (code {{code}}) is still waiting for a payment of {{amount}}. Pay by: {{deadline}}.\nDetails: {{link}}',
      sms: 'Reminder: application {{code}} waits for {{amount}}, by {{deadline}}: {{link}}',
    },
  },
  'dossier.extended': {
    vi: {
      title: 'Xin lỗi: hồ sơ {{code}} được hẹn lại ngày trả kết quả',
      body: 'Kính gửi {{name}},\n\nPhường xin lỗi vì hồ sơ {{procedure}} (mã {{code}}) không thể trả kết quả đúng hẹn {{previousDate}}.\nLý do: {{reason}}\nNgày hẹn mới: {{newDate}}.\n\nMong bạn thông cảm. Theo dõi hồ sơ: {{link}}',
      sms: 'Xin loi: ho so {{code}} chua the tra dung hen. Hen moi: {{newDate}}. Ly do: {{reason}}',
    },
    en: {
      title: 'Our apologies: application {{code}} has a new result date',
      body: 'Dear {{name}},\n\nThe ward apologises: your application for {{procedure}} (code {{code}}) cannot be settled by {{previousDate}} as promised.\nReason: {{reason}}\nNew date: {{newDate}}.\n\nThank you for your patience. Follow it here: {{link}}',
      sms: 'We apologise: application {{code}} will be late. New date: {{newDate}}. Reason: {{reason}}',
    },
  },
  'dossier.refused': {
    vi: {
      title: 'Hồ sơ {{code}} không được tiếp nhận',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{procedure}} (mã {{code}}) không được tiếp nhận.\nLý do: {{reason}}\n\nNếu cần hỏi thêm, xin liên hệ Bộ phận Một cửa phường. Chi tiết: {{link}}',
      sms: 'Ho so {{code}} khong duoc tiep nhan. Ly do: {{reason}}',
    },
    en: {
      title: 'Application {{code}} not accepted',
      body: 'Dear {{name}},\n\nYour application for {{procedure}} (code {{code}}) was not accepted.\nReason: {{reason}}\n\nFor questions, contact the ward\'s one-stop office. Details: {{link}}',
      sms: 'Application {{code}} was not accepted. Reason: {{reason}}',
    },
  },
  'dossier.stopped': {
    vi: {
      title: 'Hồ sơ {{code}} đã dừng giải quyết',
      body: 'Kính gửi {{name}},\n\nViệc giải quyết hồ sơ {{procedure}} (mã {{code}}) đã dừng.\nLý do: {{reason}}\n\nNếu cần hỏi thêm, xin liên hệ Bộ phận Một cửa phường. Chi tiết: {{link}}',
      sms: 'Ho so {{code}} da dung giai quyet. Ly do: {{reason}}',
    },
    en: {
      title: 'Application {{code}} stopped',
      body: 'Dear {{name}},\n\nWork on your application for {{procedure}} (code {{code}}) has stopped.\nReason: {{reason}}\n\nFor questions, contact the ward\'s one-stop office. Details: {{link}}',
      sms: 'Application {{code}} has been stopped. Reason: {{reason}}',
    },
  },
  'dossier.result_ready': {
    vi: {
      title: 'Hồ sơ {{code}} đã có kết quả',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{procedure}} (mã {{code}}) đã có kết quả.\nCách nhận: {{collect}}\n\nChi tiết: {{link}}',
      sms: 'Ho so {{code}} da co ket qua. {{collect}}',
    },
    en: {
      title: 'The result of application {{code}} is ready',
      body: 'Dear {{name}},\n\nThe result of your application for {{procedure}} (code {{code}}) is ready.\nHow to collect it: {{collect}}\n\nDetails: {{link}}',
      sms: 'The result of application {{code}} is ready. {{collect}}',
    },
  },
  'dossier.returned': {
    vi: {
      title: 'Hồ sơ {{code}} đã trả kết quả',
      body: 'Kính gửi {{name}},\n\nKết quả hồ sơ {{procedure}} (mã {{code}}) đã được trả ({{method}}).\nMời bạn đánh giá việc giải quyết hồ sơ tại: {{link}}',
      sms: 'Ho so {{code}} da tra ket qua ({{method}}). Danh gia tai: {{link}}',
    },
    en: {
      title: 'Application {{code}}: result delivered',
      body: 'Dear {{name}},\n\nThe result of your application for {{procedure}} (code {{code}}) has been delivered ({{method}}).\nPlease rate how it was handled: {{link}}',
      sms: 'Application {{code}}: result delivered ({{method}}). Rate us: {{link}}',
    },
  },
  'staff.assigned': {
    vi: {
      title: 'Hồ sơ mới giao cho bạn: {{code}}',
      body: 'Chào {{name}},\n\nBạn được giao xử lý hồ sơ {{code}} ({{procedure}}). Hạn xử lý: {{due}}.\n\nMở hồ sơ: {{link}}',
      sms: 'Ban duoc giao ho so {{code}} ({{procedure}}), han {{due}}. {{link}}',
    },
    en: {
      title: 'New dossier assigned to you: {{code}}',
      body: 'Hello {{name}},\n\nDossier {{code}} ({{procedure}}) is now yours to handle. Due: {{due}}.\n\nOpen it: {{link}}',
      sms: 'Dossier {{code}} ({{procedure}}) assigned to you, due {{due}}. {{link}}',
    },
  },
  'staff.consulted': {
    vi: {
      title: 'Xin ý kiến về hồ sơ {{code}}',
      body: 'Chào {{name}},\n\n{{department}} được xin ý kiến về hồ sơ {{code}} ({{procedure}}):\n{{question}}\n\nTrả lời tại: {{link}}',
      sms: '{{department}} duoc xin y kien ve ho so {{code}}. Tra loi tai: {{link}}',
    },
    en: {
      title: 'Your opinion is asked on dossier {{code}}',
      body: 'Hello {{name}},\n\n{{department}} is asked for an opinion on dossier {{code}} ({{procedure}}):\n{{question}}\n\nAnswer here: {{link}}',
      sms: '{{department}} is asked for an opinion on dossier {{code}}: {{link}}',
    },
  },
  'staff.applicant_answered': {
    vi: {
      title: 'Người nộp đã bổ sung hồ sơ {{code}}',
      body: 'Chào {{name}},\n\nNgười nộp hồ sơ {{code}} ({{procedure}}) vừa bổ sung theo yêu cầu. Thời hạn giải quyết được tính lại từ đầu.\n\nMở hồ sơ: {{link}}',
      sms: 'Ho so {{code}} vua duoc nguoi nop bo sung. {{link}}',
    },
    en: {
      title: 'The applicant answered on dossier {{code}}',
      body: 'Hello {{name}},\n\nThe applicant of dossier {{code}} ({{procedure}}) has just provided what was asked. The time limit starts again.\n\nOpen it: {{link}}',
      sms: 'The applicant answered on dossier {{code}}: {{link}}',
    },
  },
  'staff.digest': {
    vi: {
      title: 'Hồ sơ cần chú ý ngày {{date}}: {{overdue}} quá hạn, {{dueSoon}} sắp đến hạn',
      body: 'Chào {{name}},\n\nTrong phạm vi của bạn hôm nay có {{overdue}} hồ sơ quá hạn và {{dueSoon}} hồ sơ sắp đến hạn:\n{{list}}\n\nMở hàng đợi: {{link}}',
      sms: 'Hom nay: {{overdue}} ho so qua han, {{dueSoon}} sap den han. {{link}}',
    },
    en: {
      title: 'Dossiers needing attention on {{date}}: {{overdue}} overdue, {{dueSoon}} due soon',
      body: 'Hello {{name}},\n\nIn your scope today, {{overdue}} dossiers are overdue and {{dueSoon}} are due soon:\n{{list}}\n\nOpen your queue: {{link}}',
      sms: 'Today: {{overdue}} dossiers overdue, {{dueSoon}} due soon. {{link}}',
    },
  },
  'feedback.answered': {
    vi: {
      title: 'Phản ánh {{code}} đã có trả lời',
      body: 'Kính gửi {{name}},\n\nUBND phường đã trả lời phản ánh {{code}} ({{category}}) của bạn.\nXem câu trả lời, đánh giá mức độ hài lòng, hoặc mở lại nếu sự việc chưa được khắc phục: {{link}}',
      sms: 'Phan anh {{code}} da co tra loi. Xem va danh gia tai: {{link}}',
    },
    en: {
      title: 'Your report {{code}} has been answered',
      body: 'Dear {{name}},\n\nThe ward has answered your report {{code}} ({{category}}).\nRead the answer, rate it, or reopen it if the problem is still there: {{link}}',
      sms: 'Report {{code}} has been answered. Read and rate it: {{link}}',
    },
  },
  'feedback.follow_up': {
    vi: {
      title: 'Phản ánh {{code}}: sự việc đã được khắc phục chưa?',
      body: 'Kính gửi {{name}},\n\nPhường đã trả lời phản ánh {{code}} ({{category}}) của bạn một tuần trước. Sự việc đã được khắc phục chưa?\nBấm vào đường dẫn để xác nhận đã khắc phục, đánh giá, hoặc mở lại nếu sự việc vẫn còn: {{link}}',
      sms: 'Phan anh {{code}}: su viec da duoc khac phuc chua? Xac nhan, danh gia hoac mo lai tai: {{link}}',
    },
    en: {
      title: 'Report {{code}}: is it fixed?',
      body: 'Dear {{name}},\n\nThe ward answered your report {{code}} ({{category}}) a week ago. Is the problem fixed?\nFollow the link to confirm it is fixed, rate the answer, or reopen it if the problem is still there: {{link}}',
      sms: 'Report {{code}}: is it fixed? Confirm, rate or reopen: {{link}}',
    },
  },
  'staff.feedback_forwarded': {
    vi: {
      title: 'Phản ánh {{code}} chuyển đến phòng',
      body: 'Chào {{name}},\n\nPhản ánh {{code}} ({{category}}) đã được chuyển đến phòng của bạn để xử lý. Hạn trả lời: {{due}}.\n\nMở phản ánh: {{link}}',
      sms: 'Phan anh {{code}} chuyen den phong. Han tra loi {{due}}. {{link}}',
    },
    en: {
      title: 'Report {{code}} forwarded to your department',
      body: 'Hello {{name}},\n\nReport {{code}} ({{category}}) has been forwarded to your department. Answer due: {{due}}.\n\nOpen it: {{link}}',
      sms: 'Report {{code}} forwarded to your department. Due {{due}}. {{link}}',
    },
  },
  'staff.feedback_assigned': {
    vi: {
      title: 'Bạn được giao xử lý phản ánh {{code}}',
      body: 'Chào {{name}},\n\nBạn được giao xử lý phản ánh {{code}} ({{category}}). Hạn trả lời: {{due}}.\n\nMở phản ánh: {{link}}',
      sms: 'Ban duoc giao phan anh {{code}}. Han tra loi {{due}}. {{link}}',
    },
    en: {
      title: 'You have been assigned report {{code}}',
      body: 'Hello {{name}},\n\nYou have been assigned report {{code}} ({{category}}). Answer due: {{due}}.\n\nOpen it: {{link}}',
      sms: 'You have been assigned report {{code}}. Due {{due}}. {{link}}',
    },
  },
  'project.direction_given': {
    vi: {
      title: 'Ý kiến chỉ đạo về dự án {{project}}: hạn {{deadline}}',
      body: 'Chào {{name}},\n\n{{leader}} đã có ý kiến chỉ đạo về dự án {{project}}, giao cho bạn (hoặc đơn vị của bạn):\n{{direction}}\n\nThời hạn hoàn thành: {{deadline}}.\n\nXem dự án và báo cáo kết quả: {{link}}',
      sms: 'Chi dao ve du an {{project}}, han {{deadline}}. Xem tai: {{link}}',
    },
    en: {
      title: 'A direction on project {{project}}: due {{deadline}}',
      body: 'Hello {{name}},\n\n{{leader}} has given a direction on project {{project}}, assigned to you (or your office):\n{{direction}}\n\nDeadline: {{deadline}}.\n\nSee the project and report the result: {{link}}',
      sms: 'A direction on project {{project}}, due {{deadline}}: {{link}}',
    },
  },
  'project.direction_overdue': {
    vi: {
      title: 'Quá hạn ý kiến chỉ đạo về dự án {{project}}: hạn {{deadline}}',
      body: 'Chào {{name}},\n\nÝ kiến chỉ đạo của {{leader}} về dự án {{project}}, giao cho bạn (hoặc đơn vị của bạn), đã quá hạn {{deadline}} mà chưa được báo cáo hoàn thành:\n{{direction}}\n\nĐề nghị khẩn trương thực hiện và báo cáo kết quả: {{link}}',
      sms: 'Qua han chi dao ve du an {{project}} (han {{deadline}}). Bao cao ket qua tai: {{link}}',
    },
    en: {
      title: 'Overdue direction on project {{project}}: due {{deadline}}',
      body: 'Hello {{name}},\n\nThe direction of {{leader}} on project {{project}}, assigned to you (or your office), passed its deadline of {{deadline}} without being reported done:\n{{direction}}\n\nPlease act on it and report the result: {{link}}',
      sms: 'Overdue direction on project {{project}} (due {{deadline}}). Report at: {{link}}',
    },
  },
};
