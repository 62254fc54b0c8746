// Sign-in with the national identity (VNeID).
export const vneid = {
  'vneid.title': 'Hoặc đăng nhập bằng định danh điện tử',
  'vneid.lead': 'Dùng tài khoản định danh điện tử mức 2 trên ứng dụng VNeID: không cần mật khẩu riêng cho cổng của phường.',
  'vneid.button': 'Đăng nhập bằng {name}',
  'vneid.refused': 'Chưa đăng nhập được bằng VNeID',
  'vneid.error.OIDC_STATE_INVALID': 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng bấm lại nút đăng nhập bằng VNeID.',
  'vneid.error.OIDC_ID_UNVERIFIED': 'Tài khoản VNeID chưa cho biết số định danh đã xác thực. Hãy dùng tài khoản định danh điện tử mức 2, hoặc đến Bộ phận Một cửa.',
  'vneid.error.OIDC_ID_MISMATCH': 'Thông tin từ VNeID không khớp với hồ sơ công dân tại phường (số định danh, họ tên, năm sinh hoặc giới tính). Không có gì được liên kết. Vui lòng đến Bộ phận Một cửa để đối chiếu.',
  'vneid.error.OIDC_PROVIDER_FAILED': 'Không kết nối được với VNeID lúc này. Vui lòng thử lại sau, hoặc đăng nhập bằng số CCCD và mật khẩu.',
  'vneid.error.OIDC_NOT_CONFIGURED': 'Phường chưa kết nối đăng nhập bằng VNeID.',
  'vneid.error.OIDC_CANCELLED': 'Bạn đã dừng đăng nhập trên VNeID.',
} as const;
