/**
 * Form templates for the seeded ward procedures, one per procedure family, as data. These are
 * the procedure-specific questions only; the applicant's own identity and contact details are
 * collected with the dossier (API.md `applicant`), not here. Plain words, a hint on every field,
 * Vietnamese first and English second. Officials edit the forms per procedure afterwards.
 */

import type { FormField, FormFieldOption, FormFieldType } from '../../domain/procedure.ts';

const NAME_MAX = 100;
const TEXT_MAX = 250;
const TEXTAREA_MAX = 2000;

function field(
  key: string,
  type: FormFieldType,
  required: boolean,
  [label, labelEn]: readonly [string, string],
  [hint, hintEn]: readonly [string, string],
  options?: readonly FormFieldOption[],
): FormField {
  const maxLength = type === 'textarea' ? TEXTAREA_MAX : type === 'text' ? TEXT_MAX : undefined;
  return {
    key,
    label,
    labelEn,
    type,
    required,
    hint,
    hintEn,
    ...(options ? { options: options.map((o) => ({ ...o })) } : {}),
    ...(maxLength !== undefined ? { maxLength } : {}),
  };
}

const option = (value: string, label: string, labelEn: string): FormFieldOption => ({ value, label, labelEn });

const fullName = (key: string, who: string, whoEn: string, required = true, hintExtra?: [string, string]) => ({
  ...field(
    key,
    'text',
    required,
    [`Họ, chữ đệm và tên ${who}`, `Full name of ${whoEn}`],
    hintExtra ?? ['Viết đủ dấu tiếng Việt, ví dụ: Nguyễn Văn An', 'With Vietnamese diacritics, e.g. Nguyễn Văn An'],
  ),
  maxLength: NAME_MAX,
});

const SEX = [option('nam', 'Nam', 'Male'), option('nu', 'Nữ', 'Female')];

const RELATIONSHIP_TO_CHILD = [
  option('cha', 'Cha', 'Father'),
  option('me', 'Mẹ', 'Mother'),
  option('ong_ba', 'Ông, bà', 'Grandparent'),
  option('nguoi_than', 'Người thân thích khác', 'Other relative'),
  option('nguoi_nuoi_duong', 'Cá nhân, tổ chức đang nuôi dưỡng', 'Person or organisation caring for the child'),
  option('ban_than', 'Bản thân người được khai sinh', 'The registered person themselves'),
];

const RELATIONSHIP_TO_DECEASED = [
  option('vo_chong', 'Vợ hoặc chồng', 'Spouse'),
  option('con', 'Con', 'Child'),
  option('cha_me', 'Cha hoặc mẹ', 'Parent'),
  option('nguoi_than', 'Người thân thích khác', 'Other relative'),
  option('co_quan', 'Cơ quan, tổ chức, cá nhân khác', 'Other organisation or person'),
];

const CONTENT_HINT: [string, string] = [
  'Trình bày ngắn gọn việc đề nghị và hoàn cảnh liên quan',
  'Briefly describe what you request and the circumstances',
];

const khaiSinh = (): FormField[] => [
  fullName('child_full_name', 'người được khai sinh', 'the person being registered'),
  field('child_birth_date', 'date', true, ['Ngày sinh', 'Date of birth'], ['Theo Giấy chứng sinh', 'As on the medical birth certificate']),
  field('child_sex', 'select', true, ['Giới tính', 'Sex'], ['Chọn Nam hoặc Nữ', 'Choose male or female'], SEX),
  field(
    'birth_place',
    'text',
    true,
    ['Nơi sinh', 'Place of birth'],
    ['Tên cơ sở y tế; nếu sinh ngoài cơ sở y tế thì ghi địa chỉ nơi sinh', 'Name of the hospital or clinic, or the address if born elsewhere'],
  ),
  fullName('father_full_name', 'người cha', 'the father', false, ['Để trống nếu chưa xác định được cha', 'Leave blank if the father is not established']),
  fullName('mother_full_name', 'người mẹ', 'the mother', false, ['Để trống nếu chưa xác định được mẹ', 'Leave blank if the mother is not established']),
  field(
    'applicant_relationship',
    'select',
    true,
    ['Quan hệ của người đi đăng ký với người được khai sinh', 'Your relationship to the person being registered'],
    ['Người đi đăng ký là người nộp hồ sơ này', 'You are the person submitting this dossier'],
    RELATIONSHIP_TO_CHILD,
  ),
];

function partyFields(side: 'nu' | 'nam', foreign: boolean): FormField[] {
  const [vi, en] = side === 'nu' ? ['bên nữ', 'the bride'] : ['bên nam', 'the groom'];
  const idField = foreign
    ? field(
        `${side}_id_number`,
        'text',
        true,
        [`Số giấy tờ tùy thân của ${vi}`, `Identity document number of ${en}`],
        ['Số định danh cá nhân (12 số) hoặc số hộ chiếu đối với người nước ngoài', '12-digit ID number, or passport number for a foreign national'],
      )
    : field(`${side}_cccd`, 'cccd', true, [`Số định danh cá nhân (CCCD) của ${vi}`, `Citizen ID number of ${en}`], ['Gồm 12 chữ số', '12 digits']);
  return [
    fullName(`${side}_full_name`, vi, en),
    field(`${side}_birth_date`, 'date', true, [`Ngày sinh của ${vi}`, `Date of birth of ${en}`], ['Theo giấy tờ tùy thân', 'As on the identity document']),
    idField,
  ];
}

const ketHon = (foreign: boolean): FormField[] => [...partyFields('nu', foreign), ...partyFields('nam', foreign)];

const ghiChuKetHon = (): FormField[] => [
  ...ketHon(true),
  field(
    'foreign_authority',
    'text',
    true,
    ['Cơ quan nước ngoài đã đăng ký kết hôn', 'Foreign authority that registered the marriage'],
    ['Tên cơ quan và quốc gia, ví dụ: Tòa thị chính Lyon, Pháp', 'Authority and country, e.g. Lyon City Hall, France'],
  ),
  field('marriage_date', 'date', true, ['Ngày đăng ký kết hôn', 'Date of the marriage registration'], ['Theo giấy tờ kết hôn do nước ngoài cấp', 'As on the foreign marriage document']),
];

const khaiTu = (): FormField[] => [
  fullName('deceased_full_name', 'người chết', 'the deceased'),
  field('deceased_cccd', 'cccd', false, ['Số định danh cá nhân của người chết', 'ID number of the deceased'], ['12 chữ số, nếu biết', '12 digits, if known']),
  field('death_date', 'date', true, ['Ngày chết', 'Date of death'], ['Theo giấy báo tử hoặc giấy tờ thay thế', 'As on the death notice or equivalent document']),
  field('death_place', 'text', true, ['Nơi chết', 'Place of death'], ['Tên cơ sở y tế hoặc địa chỉ nơi chết', 'Hospital name or address where the death occurred']),
  field(
    'applicant_relationship',
    'select',
    true,
    ['Quan hệ của người đi khai tử với người chết', 'Your relationship to the deceased'],
    ['Người đi khai tử là người nộp hồ sơ này', 'You are the person submitting this dossier'],
    RELATIONSHIP_TO_DECEASED,
  ),
];

const nhanChaMeCon = (): FormField[] => [
  field(
    'recognition_type',
    'select',
    true,
    ['Loại việc nhận', 'Type of recognition'],
    ['Ai nhận ai', 'Who recognises whom'],
    [
      option('cha_nhan_con', 'Cha nhận con', 'Father recognises child'),
      option('me_nhan_con', 'Mẹ nhận con', 'Mother recognises child'),
      option('con_nhan_cha', 'Con nhận cha', 'Child recognises father'),
      option('con_nhan_me', 'Con nhận mẹ', 'Child recognises mother'),
    ],
  ),
  fullName('parent_full_name', 'người cha hoặc mẹ', 'the father or mother'),
  fullName('child_full_name', 'người con', 'the child'),
  field('child_birth_date', 'date', true, ['Ngày sinh của người con', "Child's date of birth"], ['Theo Giấy khai sinh', 'As on the birth certificate']),
];

const giamHo = (): FormField[] => [
  fullName('ward_full_name', 'người được giám hộ', 'the person under guardianship'),
  field('ward_birth_date', 'date', true, ['Ngày sinh của người được giám hộ', 'Date of birth of the person under guardianship'], ['Theo Giấy khai sinh', 'As on the birth certificate']),
  fullName('guardian_full_name', 'người giám hộ', 'the guardian'),
  field(
    'guardianship_kind',
    'select',
    true,
    ['Hình thức giám hộ', 'Kind of guardianship'],
    ['Đương nhiên theo luật, hoặc được cử bằng văn bản', 'By operation of law, or appointed in writing'],
    [option('duong_nhien', 'Giám hộ đương nhiên', 'Statutory guardian'), option('cu', 'Giám hộ cử', 'Appointed guardian')],
  ),
];

const subjectFields = (): FormField[] => [
  fullName('subject_full_name', 'người có thông tin hộ tịch', 'the person named in the civil-status record'),
  field('subject_birth_date', 'date', true, ['Ngày sinh', 'Date of birth'], ['Theo Giấy khai sinh', 'As on the birth certificate']),
];

const caiChinh = (): FormField[] => [
  ...subjectFields(),
  field(
    'change_content',
    'textarea',
    true,
    ['Nội dung đề nghị thay đổi, cải chính, bổ sung', 'What should be changed, corrected or added'],
    ['Ghi rõ thông tin hiện tại và thông tin đề nghị sửa', 'State the current entry and the requested entry'],
  ),
  field('reason', 'textarea', true, ['Lý do', 'Reason'], ['Ví dụ: ghi sai tên cha trong Giấy khai sinh', "E.g. the father's name was misspelt on the birth certificate"]),
];

const xacNhanHonNhan = (): FormField[] => [
  ...subjectFields(),
  field(
    'purpose',
    'textarea',
    true,
    ['Mục đích sử dụng giấy xác nhận', 'What the certificate is for'],
    ['Ví dụ: để đăng ký kết hôn, để vay vốn ngân hàng', 'E.g. to register a marriage, for a bank loan'],
  ),
];

const copiesField = (label: string, labelEn: string): FormField =>
  field('copies', 'number', true, [label, labelEn], ['Ghi số, ví dụ: 2', 'A number, e.g. 2']);

const banSaoHoTich = (): FormField[] => [
  field(
    'record_type',
    'select',
    true,
    ['Loại giấy tờ hộ tịch cần cấp bản sao', 'Civil-status record to copy'],
    ['Chọn loại sự kiện hộ tịch', 'Choose the kind of record'],
    [
      option('khai_sinh', 'Giấy khai sinh', 'Birth certificate'),
      option('ket_hon', 'Trích lục kết hôn', 'Marriage extract'),
      option('khai_tu', 'Trích lục khai tử', 'Death extract'),
      option('khac', 'Trích lục hộ tịch khác', 'Other civil-status extract'),
    ],
  ),
  fullName('subject_full_name', 'người có tên trong giấy tờ', 'the person named in the record'),
  field('event_date', 'date', false, ['Ngày đăng ký (nếu biết)', 'Registration date (if known)'], ['Giúp tìm sổ hộ tịch nhanh hơn', 'Helps find the register faster']),
  copiesField('Số bản sao đề nghị cấp', 'Number of copies requested'),
];

const chungThuc = (): FormField[] => [
  field(
    'document_description',
    'textarea',
    true,
    ['Giấy tờ, văn bản cần chứng thực', 'Document to be certified'],
    ['Tên giấy tờ và số trang, ví dụ: Bằng tốt nghiệp THPT, 1 trang', 'Name and number of pages, e.g. high-school diploma, 1 page'],
  ),
  copiesField('Số bản cần chứng thực', 'Number of certified copies'),
];

const businessName = (): FormField =>
  field('business_name', 'text', true, ['Tên hộ kinh doanh', 'Household business name'], ['Ví dụ: Hộ kinh doanh Tạp hóa An Bình', 'E.g. An Bình grocery']);

const hoKinhDoanhThanhLap = (): FormField[] => [
  businessName(),
  field(
    'business_address',
    'text',
    true,
    ['Địa chỉ địa điểm kinh doanh', 'Business address'],
    ['Số nhà, đường/phố, tổ dân phố, phường', 'House number, street, residential group, ward'],
  ),
  field('business_lines', 'textarea', true, ['Ngành, nghề kinh doanh', 'Line of business'], ['Ví dụ: bán lẻ hàng tạp hóa', 'E.g. grocery retail']),
  field('capital_vnd', 'number', true, ['Vốn kinh doanh (đồng)', 'Business capital (VND)'], ['Ghi số, không cần dấu chấm, ví dụ: 50000000', 'Digits only, e.g. 50000000']),
];

const hoKinhDoanhThayDoi = (): FormField[] => [
  businessName(),
  field(
    'registration_number',
    'text',
    true,
    ['Mã số hộ kinh doanh', 'Household business registration number'],
    ['Ghi trên Giấy chứng nhận đăng ký hộ kinh doanh', 'As on the household business registration certificate'],
  ),
  field('request_content', 'textarea', true, ['Nội dung đề nghị', 'What you request'], CONTENT_HINT),
];

const cuTru = (): FormField[] => [
  field(
    'residence_address',
    'text',
    true,
    ['Địa chỉ đề nghị đăng ký', 'Address to register'],
    ['Số nhà, đường/phố, tổ dân phố, phường Nông Trang', 'House number, street, residential group, Nông Trang ward'],
  ),
  field('reason', 'textarea', true, ['Lý do đăng ký', 'Reason'], ['Ví dụ: chuyển về ở cùng gia đình, thuê nhà để đi làm', 'E.g. moving in with family, renting near work']),
];

const deNghiChung = (): FormField[] => [
  field('request_content', 'textarea', true, ['Nội dung đề nghị', 'What you request'], CONTENT_HINT),
  field(
    'contact_address',
    'text',
    false,
    ['Địa chỉ liên hệ', 'Contact address'],
    ['Để trống nếu trùng với địa chỉ cư trú đã khai', 'Leave blank if it is your registered address'],
  ),
];

/** The form families; exported so tests and admin tooling can name them. */
export const FORM_FAMILIES = {
  khai_sinh: khaiSinh,
  ket_hon: () => ketHon(false),
  ket_hon_nuoc_ngoai: () => ketHon(true),
  ghi_chu_ket_hon: ghiChuKetHon,
  khai_tu: khaiTu,
  nhan_cha_me_con: nhanChaMeCon,
  giam_ho: giamHo,
  cai_chinh: caiChinh,
  xac_nhan_hon_nhan: xacNhanHonNhan,
  ban_sao_ho_tich: banSaoHoTich,
  chung_thuc: chungThuc,
  ho_kinh_doanh_thanh_lap: hoKinhDoanhThanhLap,
  ho_kinh_doanh_thay_doi: hoKinhDoanhThayDoi,
  cu_tru: cuTru,
  de_nghi_chung: deNghiChung,
} as const satisfies Record<string, () => FormField[]>;
export type FormFamily = keyof typeof FORM_FAMILIES;

/** Picks the form family from the procedure's field and name; the generic request form otherwise. */
export function formFamilyOf(proc: { field: string; name: string }): FormFamily {
  const name = proc.name.normalize('NFC').toLowerCase();
  const field = proc.field.normalize('NFC');
  if (field === 'Hộ tịch') {
    if (name.includes('bản sao trích lục')) return 'ban_sao_ho_tich';
    if (name.includes('ghi vào sổ hộ tịch') && name.includes('kết hôn')) return 'ghi_chu_ket_hon';
    if (name.includes('khai sinh')) return 'khai_sinh';
    if (name.includes('tình trạng hôn nhân')) return 'xac_nhan_hon_nhan';
    if (name.includes('kết hôn')) return name.includes('nước ngoài') ? 'ket_hon_nuoc_ngoai' : 'ket_hon';
    if (name.includes('khai tử')) return 'khai_tu';
    if (name.includes('nhận cha, mẹ, con')) return 'nhan_cha_me_con';
    if (name.includes('giám hộ')) return 'giam_ho';
    if (name.includes('cải chính')) return 'cai_chinh';
  }
  if (field === 'Chứng thực') return 'chung_thuc';
  if (field.startsWith('Đăng ký kinh doanh')) {
    return name.includes('thành lập') ? 'ho_kinh_doanh_thanh_lap' : 'ho_kinh_doanh_thay_doi';
  }
  if (field.startsWith('Cư trú')) return 'cu_tru';
  return 'de_nghi_chung';
}

/** A fresh copy of the form for a procedure (callers may edit it). */
export function formFieldsFor(proc: { field: string; name: string }): FormField[] {
  return FORM_FAMILIES[formFamilyOf(proc)]();
}
