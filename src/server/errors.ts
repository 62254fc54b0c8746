import type { ErrorCode } from '../domain/errors.ts';

/** The edge's table: HTTP status and the messages shown to people, per stable error code. */
export const ERROR_TABLE: Record<ErrorCode, { status: number; vi: string; en: string }> = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
    en: 'Missing or invalid CSRF token; reload the page.',
  },
  INVALID_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong login or password.' },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
    en: 'The account is temporarily locked after repeated failed sign-ins. Try again later.',
  },
  ACCOUNT_EXISTS: { status: 409, vi: 'Tài khoản đã tồn tại.', en: 'An account already exists.' },
  CCCD_INVALID: { status: 400, vi: 'Số căn cước (CCCD) không hợp lệ.', en: 'The citizen ID (CCCD) number is not valid.' },
  MST_INVALID: { status: 400, vi: 'Mã số thuế không hợp lệ.', en: 'The tax code (MST) is not valid.' },
  PHONE_INVALID: { status: 400, vi: 'Số điện thoại không hợp lệ.', en: 'The phone number is not valid.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  PROCEDURE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thủ tục.', en: 'Procedure not found.' },
  DOSSIER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan, đơn vị.', en: 'Unit not found.' },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  DOSSIER_ACTION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
    en: 'This action is not allowed in the dossier’s current status.',
  },
  DOSSIER_VERSION_CONFLICT: {
    status: 409,
    vi: 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thử lại.',
    en: 'Someone else has just updated this dossier. Reload and try again.',
  },
  SUBMISSION_INCOMPLETE: {
    status: 400,
    vi: 'Hồ sơ chưa đầy đủ: vui lòng bổ sung các mục còn thiếu.',
    en: 'The application is incomplete: please complete the items listed.',
  },
  APPLICANT_NOT_ALLOWED: {
    status: 403,
    vi: 'Thủ tục này không áp dụng cho loại tài khoản của bạn.',
    en: 'This procedure is not open to your kind of account.',
  },
  FILE_NOT_FOUND: { status: 400, vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' },
  FILE_EMPTY: { status: 400, vi: 'Tệp đính kèm rỗng.', en: 'The file is empty.' },
  FILE_TOO_LARGE: { status: 413, vi: 'Tệp đính kèm vượt quá dung lượng cho phép.', en: 'The file is too large.' },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    vi: 'Loại tệp không được chấp nhận (chỉ PDF, JPG, PNG, WEBP, DOCX, XLSX, ODT, ODS).',
    en: 'File type not accepted (PDF, JPG, PNG, WEBP, DOCX, XLSX, ODT, ODS only).',
  },
  FILE_NAME_INVALID: { status: 400, vi: 'Tên tệp không hợp lệ.', en: 'The file name is not valid.' },
  SUPPLEMENT_ANSWER_INVALID: {
    status: 400,
    vi: 'Nội dung bổ sung không hợp lệ.',
    en: 'The supplement answer is not valid.',
  },
  EXTENSION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể gia hạn: chỉ được hẹn lại một lần, và ngày hẹn mới phải sau hạn giải quyết và sau thời điểm hiện tại.',
    en: 'Cannot extend: a new date may be set only once, and it must be after the due date and after now.',
  },
  ALREADY_RATED: { status: 409, vi: 'Hồ sơ này đã được đánh giá.', en: 'This dossier has already been rated.' },
  CALENDAR_INVALID: { status: 400, vi: 'Lịch làm việc không hợp lệ.', en: 'The calendar is not valid.' },
  PROCEDURE_INVALID: { status: 400, vi: 'Định nghĩa thủ tục không hợp lệ.', en: 'The procedure definition is not valid.' },
  TOO_MANY_REQUESTS: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests; try again later.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  INPUT_ENCODING_INVALID: {
    status: 400,
    vi: 'Dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự NUL, nửa cặp thay thế UTF-16 hoặc byte không phải UTF-8); xem chi tiết để biết vị trí.',
    en: 'The request contains characters that are not allowed (NUL, a lone UTF-16 surrogate, or bytes that are not UTF-8); the details say where.',
  },
  // Desk identity (one authorization policy, issue 6)
  APPLICANT_IDENTITY_MISMATCH: {
    status: 409,
    vi: 'Thông tin người nộp không khớp với công dân đã có số CCCD này (họ tên, năm sinh hoặc giới tính): khác họ tên là người khác. Vui lòng đối chiếu lại giấy tờ tùy thân của người nộp.',
    en: 'The applicant’s details do not match the citizen already on record with this CCCD (name, birth year or gender): a different name is a different person. Check the applicant’s identity document again.',
  },
  // Investment and urban-development projects (issue 13, docs/PROJECTS.md)
  PROJECT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy dự án.', en: 'Project not found.' },
  PROJECT_VERSION_CONFLICT: {
    status: 409,
    vi: 'Dự án vừa được người khác cập nhật. Vui lòng tải lại và thử lại.',
    en: 'Someone else has just updated this project. Reload and try again.',
  },
  PROJECT_DATE_IN_FUTURE: {
    status: 400,
    vi: 'Ngày báo cáo hoặc ngày đạt mốc không được sau ngày hôm nay.',
    en: 'A report date or a milestone’s actual date cannot be later than today.',
  },
  PROJECT_RULE_DATE_PAST: {
    status: 400,
    vi: 'Tiêu chí chậm tiến độ mới chỉ có hiệu lực từ hôm nay trở đi, không áp dụng hồi tố.',
    en: 'A new behind-schedule rule takes effect today or later; it cannot apply to the past.',
  },
  OBSTACLE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy vướng mắc.', en: 'Obstacle not found.' },
  OBSTACLE_RESOLVED: { status: 409, vi: 'Vướng mắc này đã được giải quyết.', en: 'This obstacle has already been resolved.' },
  DIRECTION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy ý kiến chỉ đạo.', en: 'Direction not found.' },
  DIRECTION_ALREADY_DONE: { status: 409, vi: 'Ý kiến chỉ đạo này đã được báo cáo hoàn thành.', en: 'This direction has already been reported done.' },
  DIRECTION_DEADLINE_PAST: { status: 400, vi: 'Thời hạn thực hiện chỉ đạo không được trước ngày hôm nay.', en: 'A direction’s deadline cannot be earlier than today.' },
  INVESTMENT_SITE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa điểm kêu gọi đầu tư.', en: 'Investment opportunity not found.' },
  INVESTMENT_SITE_VERSION_CONFLICT: { status: 409, vi: 'Địa điểm này vừa được người khác cập nhật. Vui lòng tải lại và thử lại.', en: 'Someone else has just updated this site. Reload and try again.' },
  PLANNING_DOCUMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy quy hoạch.', en: 'Planning document not found.' },
  PLANNING_DOCUMENT_VERSION_CONFLICT: { status: 409, vi: 'Quy hoạch này vừa được người khác cập nhật. Vui lòng tải lại và thử lại.', en: 'Someone else has just updated this planning document. Reload and try again.' },
  PROJECT_UPDATE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy báo cáo tiến độ.', en: 'Progress report not found.' },
  PROJECT_UPDATE_VERSION_CONFLICT: {
    status: 409,
    vi: 'Báo cáo tiến độ này vừa được người khác công khai hoặc ngừng công khai. Vui lòng tải lại và thử lại.',
    en: 'Someone else has just published or hidden this progress report. Reload and try again.',
  },
  INVESTOR_ACCOUNT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tài khoản doanh nghiệp hoặc công dân với tên đăng nhập (mã số thuế, số CCCD) này.',
    en: 'No business or citizen account has this login (tax code or CCCD).',
  },
  // Official documents: signed results, verification, certified copies (issue 9, docs/documents.md)
  RESULT_FILE_REQUIRED: {
    status: 400,
    vi: 'Chưa có tệp kết quả: cần tải lên văn bản kết quả (PDF hoặc ảnh chụp JPG/PNG) để ký số và ban hành.',
    en: 'No result file: upload the result document (PDF, or a JPG/PNG scan) to be signed and issued.',
  },
  DOCUMENT_FILE_UNSUPPORTED: {
    status: 415,
    vi: 'Không ký số được tệp này: chỉ nhận tệp PDF đọc được, không đặt mật khẩu, hoặc ảnh chụp JPG/PNG.',
    en: 'This file cannot be signed: only a readable PDF without a password, or a JPG/PNG scan, is accepted.',
  },
  DOCUMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy văn bản với mã xác minh này.', en: 'No document with this verification code.' },
  DOCUMENT_ALREADY_REVOKED: { status: 409, vi: 'Văn bản này đã bị thu hồi.', en: 'This document has already been revoked.' },
  VERIFY_FILE_REQUIRED: {
    status: 400,
    vi: 'Vui lòng chọn tệp PDF cần kiểm tra.',
    en: 'Choose the PDF file to check.',
  },
  // Verified identity (issue 6 §1, docs/identity.md): one-time codes, sign-up, passwords, two-factor sign-in
  OTP_INVALID: {
    status: 400,
    vi: 'Mã xác nhận không đúng. Vui lòng kiểm tra lại tin nhắn hoặc thư và nhập lại.',
    en: 'The code is not right. Check the text message or email and type it again.',
  },
  OTP_EXPIRED: {
    status: 400,
    vi: 'Mã xác nhận đã hết hiệu lực (quá thời gian, đã dùng hoặc nhập sai quá số lần cho phép). Vui lòng yêu cầu mã mới.',
    en: 'The code can no longer be used (it expired, was used, or was mistyped too many times). Ask for a new code.',
  },
  OTP_RATE_LIMITED: {
    status: 429,
    vi: 'Đã gửi quá nhiều mã xác nhận. Vui lòng chờ rồi thử lại (xem số giây trong chi tiết).',
    en: 'Too many codes have been sent. Wait and try again (the details say how many seconds).',
  },
  SIGN_UP_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy yêu cầu đăng ký đang chờ xác nhận (đã hết hạn, đã xác nhận hoặc đã hủy). Vui lòng đăng ký lại.',
    en: 'No sign-up waiting for confirmation was found (it expired, was confirmed or cancelled). Sign up again.',
  },
  SIGN_UP_NO_CONTACT: {
    status: 409,
    vi: 'Hồ sơ tại phường không có số điện thoại hay email để gửi mã. Vui lòng mang căn cước đến Bộ phận Một cửa để được xác minh.',
    en: 'The record at the ward has no phone or email to send a code to. Bring your ID card to the one-stop desk to be verified.',
  },
  SIGN_UP_PHONE_MISMATCH: {
    status: 409,
    vi: 'Số điện thoại người nộp cho biết không khớp với số đã dùng khi đăng ký trực tuyến.',
    en: 'The phone number the person gives does not match the one used to sign up online.',
  },
  PASSWORD_INCORRECT: { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is not right.' },
  PASSWORD_TOO_WEAK: {
    status: 400,
    vi: 'Mật khẩu mới chưa đủ an toàn: tối thiểu 8 ký tự, không trùng tên đăng nhập hay mật khẩu cũ, không phải mật khẩu phổ biến.',
    en: 'The new password is not strong enough: at least 8 characters, not the login or the old password, not a common password.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: 'Mật khẩu của bạn do quản trị viên đặt lại: vui lòng đổi mật khẩu trước khi tiếp tục.',
    en: 'Your password was reset by an administrator: change it before going on.',
  },
  TWO_FACTOR_CODE_INVALID: {
    status: 400,
    vi: 'Mã xác thực hai lớp không đúng (hoặc đã được dùng). Vui lòng nhập mã mới trong ứng dụng xác thực, hoặc một mã khôi phục.',
    en: 'The two-factor code is not right (or was already used). Type the current code from your authenticator app, or a recovery code.',
  },
  TWO_FACTOR_CHALLENGE_EXPIRED: {
    status: 400,
    vi: 'Bước xác thực hai lớp đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'The two-factor step has expired. Sign in again.',
  },
  TWO_FACTOR_ENROLMENT_REQUIRED: {
    status: 403,
    vi: 'Lãnh đạo và quản trị viên phải bật xác thực hai lớp trước khi tiếp tục.',
    en: 'Leaders and administrators must turn on two-factor sign-in before going on.',
  },
  TWO_FACTOR_NOT_ENABLED: {
    status: 409,
    vi: 'Tài khoản chưa bật xác thực hai lớp hoặc chưa bắt đầu đăng ký ứng dụng xác thực.',
    en: 'Two-factor sign-in is not on for this account, or enrolment has not been started.',
  },
  TWO_FACTOR_REQUIRED_FOR_ROLE: {
    status: 409,
    vi: 'Không thể tắt xác thực hai lớp: bắt buộc đối với lãnh đạo và quản trị viên.',
    en: 'Two-factor sign-in cannot be turned off: it is required for leaders and administrators.',
  },
  // The legal clock (issue 6 §5, docs/adr/0005-legal-clock.md)
  APPOINTMENT_REQUIRED: {
    status: 400,
    vi: 'Thời hạn giải quyết của thủ tục này chưa được xác nhận: cán bộ tiếp nhận cần nhập ngày hẹn trả kết quả và lý do trước khi tiếp nhận (xem details.suggestedAt).',
    en: 'This procedure’s time limit is unconfirmed: the receiving officer must enter the appointment date and the reason for it before receiving (see details.suggestedAt).',
  },
  APPOINTMENT_INVALID: {
    status: 400,
    vi: 'Ngày hẹn trả kết quả phải sau thời điểm tiếp nhận.',
    en: 'The appointment date must be after the time of receipt.',
  },
  SUPPLEMENT_REPEAT_REASON_REQUIRED: {
    status: 400,
    vi: 'Hồ sơ đã được yêu cầu bổ sung trước đó: yêu cầu bổ sung lần này là ngoại lệ, cần ghi rõ lý do (repeatReason).',
    en: 'A supplement was already requested on this dossier: another request is an exception and needs a reason (repeatReason).',
  },
  // Notifications (issue 8: src/modules/notifications, docs/notifications.md)
  NOTIFICATION_TEMPLATE_INVALID: {
    status: 400,
    vi: 'Mẫu thông báo chưa dùng được: xem từng lỗi trong chi tiết (thông tin không có, thiếu thông tin bắt buộc, mã nội bộ, tin nhắn quá dài).',
    en: 'The notification template cannot be used: see each problem in the details (unknown or missing facts, internal codes, too long an SMS).',
  },
  NOTIFICATION_TEMPLATE_DATE_PAST: {
    status: 400,
    vi: 'Ngày áp dụng của mẫu thông báo không được trước hôm nay: thông báo đã gửi không thay đổi.',
    en: 'A template cannot take effect before today: notices already sent do not change.',
  },
  NOTIFICATION_CHANNEL_UNAVAILABLE: {
    status: 400,
    vi: 'Phường chưa cung cấp kênh nhận thông báo này.',
    en: 'The ward does not offer this notification channel.',
  },
  MESSAGE_NOT_REPLAYABLE: {
    status: 409,
    vi: 'Chỉ gửi lại được tin nhắn đã thất bại; tin đã gửi thì không gửi lại.',
    en: 'Only a failed message can be sent again; a message already sent is never sent twice.',
  },
  OIDC_NOT_CONFIGURED: {
    status: 404,
    vi: 'Phường chưa kết nối đăng nhập bằng VNeID. Vui lòng đăng nhập bằng số CCCD và mật khẩu.',
    en: 'Sign-in with VNeID is not set up for this ward. Please sign in with your ID number and password.',
  },
  OIDC_STATE_INVALID: {
    status: 400,
    vi: 'Phiên đăng nhập bằng VNeID không hợp lệ hoặc đã hết hạn (quá 10 phút, hoặc mở từ trình duyệt khác). Vui lòng đăng nhập lại.',
    en: 'This VNeID sign-in is not valid or has expired (over 10 minutes, or started in another browser). Please sign in again.',
  },
  OIDC_PROVIDER_FAILED: {
    status: 502,
    vi: 'Không kết nối được với VNeID lúc này. Vui lòng thử lại sau, hoặc đăng nhập bằng số CCCD và mật khẩu.',
    en: 'VNeID cannot be reached right now. Please try again later, or sign in with your ID number and password.',
  },
  OIDC_ID_UNVERIFIED: {
    status: 403,
    vi: 'Tài khoản VNeID chưa cho biết số định danh đã xác thực, nên không liên kết được với hồ sơ công dân. Hãy dùng tài khoản định danh điện tử mức 2, hoặc đến Bộ phận Một cửa.',
    en: 'The VNeID account did not give a verified ID number, so it cannot be linked to a citizen record. Use a level-2 electronic identity, or come to the one-stop office.',
  },
  OIDC_ID_MISMATCH: {
    status: 409,
    vi: 'Thông tin từ VNeID không khớp với hồ sơ công dân (số định danh, họ tên, năm sinh hoặc giới tính), nên không liên kết. Vui lòng đến Bộ phận Một cửa để đối chiếu.',
    en: 'What VNeID says does not match the citizen record (ID number, name, birth year or gender), so nothing was linked. Please come to the one-stop office to check it.',
  },
  // Connected systems (issue 10, docs/INTEROP.md)
  INTEROP_KEY_INVALID: {
    status: 401,
    vi: 'Khóa API không hợp lệ, đã hết hạn hoặc hệ thống kết nối đã bị tạm ngừng.',
    en: 'The API key is not valid, has expired, or the connected system is suspended.',
  },
  INTEROP_SIGNATURE_INVALID: {
    status: 401,
    vi: 'Chữ ký HMAC của yêu cầu không đúng (x-nts-signature).',
    en: 'The request’s HMAC signature does not match (x-nts-signature).',
  },
  INTEROP_TIMESTAMP_INVALID: {
    status: 401,
    vi: 'Dấu thời gian của yêu cầu thiếu, sai dạng hoặc lệch quá 5 phút so với giờ máy chủ (x-nts-timestamp, xem details.serverTime).',
    en: 'The request’s timestamp is missing, malformed or more than 5 minutes from the server’s time (x-nts-timestamp, see details.serverTime).',
  },
  INTEROP_REPLAYED: {
    status: 409,
    vi: 'Yêu cầu đã ký này đã được nhận trước đó: gửi lại phải ký lại với dấu thời gian mới.',
    en: 'This signed request was received before: a retry must be signed again with a new timestamp.',
  },
  INTEROP_SCOPE_MISSING: {
    status: 403,
    vi: 'Khóa API của hệ thống không được cấp quyền này (details.scope).',
    en: 'The system’s API key was not granted this scope (details.scope).',
  },
  INTEROP_DOSSIER_CONFLICT: {
    status: 409,
    vi: 'Mã hồ sơ của hệ thống gửi đã được tiếp nhận với nội dung khác (details.code là mã hồ sơ tại phường).',
    en: 'The sender’s dossier code was already received with a different content (details.code is the ward’s dossier code).',
  },
  INTEROP_ATTACHMENT_INVALID: {
    status: 422,
    vi: 'Tệp đính kèm không dùng được: sai định dạng, quá lớn, không tải được hoặc sai mã SHA-256 (details).',
    en: 'An attachment cannot be used: wrong type, too large, not downloadable or wrong SHA-256 (details).',
  },
  INTEROP_SYSTEM_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hệ thống kết nối.', en: 'Connected system not found.' },
  INTEROP_SYSTEM_EXISTS: { status: 409, vi: 'Mã hệ thống kết nối đã được dùng.', en: 'A connected system with this code exists.' },
  INTEROP_UNIT_ON_THIS_DEPLOYMENT: {
    status: 409,
    vi: 'Đơn vị này có cán bộ trên hệ thống này: chuyển hồ sơ trực tiếp, không qua hệ thống kết nối.',
    en: 'This unit has staff on this deployment: transfer to it directly, not through a connected system.',
  },
  CATALOGUE_PUSH_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bản cập nhật danh mục thủ tục.', en: 'Catalogue update not found.' },
  CATALOGUE_PUSH_DECIDED: {
    status: 409,
    vi: 'Bản cập nhật danh mục này đã được công bố hoặc từ chối.',
    en: 'This catalogue update was already published or rejected.',
  },
  RESIDENT_NOT_FOUND: { status: 404, vi: 'Không có người dân với số CCCD này trong hệ thống của phường.', en: 'No resident with this CCCD on the ward’s records.' },
  FEEDBACK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phản ánh, kiến nghị.', en: 'Report not found.' },
  FEEDBACK_ACTION_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh.',
    en: 'This step is not possible in the report’s current status.',
  },
  FEEDBACK_VERSION_CONFLICT: {
    status: 409,
    vi: 'Phản ánh vừa được người khác cập nhật. Vui lòng tải lại và thử lại.',
    en: 'Someone else has just updated this report. Reload and try again.',
  },
  FEEDBACK_SETTINGS_CONFLICT: {
    status: 409,
    vi: 'Bảng phân công hoặc mẫu trả lời vừa được người khác lưu. Vui lòng tải lại và sửa lại.',
    en: 'Someone else has just saved the routing table or the templates. Reload and edit again.',
  },
  FEEDBACK_AREAS_INVALID: {
    status: 400,
    vi: 'Tệp ranh giới không dùng được: xem từng lỗi và vị trí của nó trong details.issues (cần GeoJSON FeatureCollection, mỗi vùng một Polygon hoặc MultiPolygon WGS 84 có mã và tên).',
    en: 'The boundary file cannot be used: see each fault and its place in details.issues (a GeoJSON FeatureCollection is needed, each feature a WGS 84 Polygon or MultiPolygon with a code and a name).',
  },
  FEEDBACK_AREAS_CONFLICT: {
    status: 409,
    vi: 'Ranh giới, tổ dân phố vừa được người khác nạp. Vui lòng tải lại và nạp lại.',
    en: 'Someone else has just loaded the boundary and residential groups. Reload and load again.',
  },
  TRAINING_COURSE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy khóa đào tạo.', en: 'Training course not found.' },
  TRAINING_VERSION_CONFLICT: {
    status: 409,
    vi: 'Khóa đào tạo vừa được người khác lưu. Vui lòng tải lại và sửa lại.',
    en: 'Someone else has just saved this training course. Reload and edit again.',
  },
  TRAINING_OFFICIAL_UNKNOWN: {
    status: 400,
    vi: 'Người hoàn thành phải là cán bộ của đơn vị.',
    en: 'Whoever completed the course must be an official of the unit.',
  },
  FEEDBACK_LOCATION_REQUIRED: {
    status: 400,
    vi: 'Vui lòng chọn vị trí trên bản đồ hoặc ghi địa chỉ nơi xảy ra sự việc.',
    en: 'Pick the place on the map or write its address.',
  },
  FEEDBACK_OUTSIDE_WARD: {
    status: 400,
    vi: 'Vị trí đã chọn nằm ngoài địa bàn phường Nông Trang. Vui lòng gửi phản ánh tới nơi có thẩm quyền.',
    en: 'The place chosen is outside Nông Trang ward. Please report it to the body responsible for it.',
  },
  FEEDBACK_REOPEN_EXPIRED: {
    status: 409,
    vi: 'Đã quá thời hạn mở lại phản ánh này. Vui lòng gửi phản ánh mới.',
    en: 'The time to reopen this report has passed. Please send a new report.',
  },
  FEEDBACK_RATE_LIMITED: {
    status: 429,
    vi: 'Bạn đã gửi nhiều phản ánh trong thời gian ngắn. Vui lòng thử lại sau.',
    en: 'You have sent many reports in a short time. Please try again later.',
  },
  FEEDBACK_PHOTO_INVALID: {
    status: 400,
    vi: 'Ảnh phải là tệp JPEG, PNG hoặc WebP hợp lệ.',
    en: 'A photo must be a well-formed JPEG, PNG or WebP file.',
  },
  FEEDBACK_DRAFT_NOT_FOUND: {
    status: 404,
    vi: 'Phản ánh chờ xác nhận không còn (đã quá hạn hoặc đã gửi). Vui lòng gửi lại.',
    en: 'The report waiting for confirmation is gone (expired or already sent). Please send it again.',
  },
  OPEN311_API_KEY_INVALID: { status: 403, vi: 'Khóa API Open311 không hợp lệ.', en: 'Invalid Open311 api_key.' },
  OPEN311_SERVICE_NOT_FOUND: { status: 404, vi: 'Không có loại phản ánh này.', en: 'No such service_code.' },
  INTERNAL: {
    status: 500,
    vi: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
    en: 'Something went wrong on our side. Please try again later.',
  },
};

export function errorBody(code: ErrorCode, requestId: string, details?: Record<string, unknown>) {
  const e = ERROR_TABLE[code];
  return { error: { code, message: e.vi, messageEn: e.en, ...(details ? { details } : {}), requestId } };
}
