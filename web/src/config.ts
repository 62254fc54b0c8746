// Facts about the ward shown on every page. Values marked null are not yet confirmed (the real
// phone/email/street address of the one-stop office); the UI says "đang cập nhật" for them
// rather than inventing one. Fill them in here (or serve them from the API later).
export const ward = {
  serviceName: 'Nông Trang Số',
  nameVi: 'Phường Nông Trang, tỉnh Phú Thọ',
  nameEn: 'Nông Trang ward, Phú Thọ province',
  officeVi: 'Bộ phận Một cửa – UBND phường Nông Trang',
  officeEn: 'One-stop office – Nông Trang Ward People’s Committee',
  address: null as string | null,
  phone: null as string | null,
  email: null as string | null,
  /** Office hours, Monday to Friday (the server's calendar is authoritative for holidays). */
  hours: [
    { from: '07:00', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
};
