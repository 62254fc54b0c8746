// Desk identity in the back office's reception form: what the CCCD number says, what the
// citizen look-up answers. Every key here must also exist in desk.en.ts (type-checked).
export const desk = {
  'desk.cccdFacts': 'Theo số CCCD: sinh năm {year}, giới tính {gender}.',
  'desk.found': 'Đã tìm thấy công dân. Đối chiếu họ tên với giấy tờ tùy thân của người nộp: hồ sơ được tiếp nhận theo họ tên này.',
  'desk.phoneOnRecord': 'Số điện thoại trong hồ sơ công dân',
  'desk.phoneForDossier': 'Số điện thoại liên hệ cho hồ sơ này',
  'desk.phoneForDossierHint': 'Hồ sơ công dân chưa có số điện thoại.',
  'desk.check': '{value} (theo số CCCD) — {result}',
  'desk.check.match': 'khớp với hồ sơ công dân',
  'desk.check.mismatch': 'KHÔNG khớp với hồ sơ công dân',
  'desk.check.unknown': 'hồ sơ công dân chưa có',
  'desk.err.cccdProvince': 'Ba chữ số đầu của số CCCD không phải mã tỉnh, thành phố: kiểm tra lại số trên thẻ',
  'desk.err.recordMismatch':
    'Năm sinh hoặc giới tính trong hồ sơ công dân không khớp với số CCCD: không tiếp nhận được theo số này. Đề nghị công dân liên hệ quản trị hệ thống để kiểm tra hồ sơ.',
  'desk.err.birthYearCccd': 'Năm sinh không khớp với số CCCD (số CCCD cho biết năm {year})',
  'desk.err.genderCccd': 'Giới tính không khớp với số CCCD (số CCCD cho biết: {gender})',
};
