// The back office (lazy chunk /can-bo). Its team adds keys here and in backoffice.en.ts.
export const backoffice = {
  'backoffice.title': 'Khu vực cán bộ',
  'backoffice.signInPrompt': 'Khu vực dành cho cán bộ phường. Vui lòng đăng nhập bằng tài khoản cán bộ.',
  'backoffice.welcome': 'Xin chào {name}. Các chức năng một cửa đang được xây dựng.',
};
