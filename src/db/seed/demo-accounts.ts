// The demo's people and secrets, documented in the README: read by the seed of each part of the
// demo (demo.ts, projects.ts) and by the tests.

/** Demo accounts, documented in the README. Every password is the same, for a demo only. */
export const DEMO_PASSWORD = 'NongTrang@2026';
export const DEMO_ACCOUNTS = {
  reception: { login: 'tiepnhan', fullName: 'Nguyễn Thị Hoa', roles: ['reception'], dept: 'MOTCUA' },
  specialist: { login: 'chuyenvien', fullName: 'Trần Văn Minh', roles: ['specialist'], dept: 'VHXH' },
  specialist2: { login: 'chuyenvien2', fullName: 'Lê Thị Thu', roles: ['specialist'], dept: 'KTHTDT' },
  // A leader without a department leads the unit (chủ tịch / phó chủ tịch UBND): see src/domain/policy.ts.
  leader: { login: 'lanhdao', fullName: 'Phạm Quang Huy', roles: ['leader'], dept: null },
  admin: { login: 'quantri', fullName: 'Đỗ Văn Nam', roles: ['unit_admin'], dept: 'VANPHONG' },
  otherUnitSpecialist: { login: 'chuyenvien.so', fullName: 'Hoàng Văn Sơn', roles: ['specialist', 'reception', 'leader'], dept: 'DATDAI' },
} as const;
export const DEMO_CITIZEN = { cccd: '025090001234', fullName: 'Nguyễn Văn An', birthYear: 1990, gender: 'male', phone: '0912345678', email: 'an.nguyen@example.vn' } as const;
export const DEMO_CITIZEN_2 = { cccd: '025195004321', fullName: 'Vũ Thị Bình', birthYear: 1995, gender: 'female', phone: '0987654321', email: null } as const;
export const DEMO_BUSINESS = { mst: '2601234567', fullName: 'Hộ kinh doanh Cà phê Nông Trang', phone: '0901234567', email: 'caphe@example.vn' } as const;
export const OTHER_UNIT_CODE = 'DEMO.00.H25.STNMT';
/**
 * The demo's authenticator secret (RFC 6238, base32), documented in the README: leaders and
 * admins must sign in with two factors, so their demo accounts come enrolled with this secret.
 * Add it to an authenticator app (or `oathtool --totp -b`) to sign in as `lanhdao` or `quantri`.
 */
export const DEMO_TOTP_SECRET = 'NONGTRANGSODEMOLANHDAOQUANTRI234';
