// Who a form is sent to: the recipient kind read from an organisation's name.
import { organisationKind } from '../../src/core/forms';

test('a commune, a department and an enterprise are told apart by their names', () => {
  expect(organisationKind('Phường Bắc Giang')).toBe('Xã, phường');
  expect(organisationKind('Xã Tân Yên')).toBe('Xã, phường');
  expect(organisationKind('Sở Tài nguyên và Môi trường')).toBe('Sở, ngành');
  expect(organisationKind('Công ty Cơ khí Hòa Bình')).toBe('Doanh nghiệp');
  expect(organisationKind('Hợp tác xã Rau sạch Lục Ngạn')).toBe('Doanh nghiệp');
  expect(organisationKind('Trường Đại học Nông Lâm')).toBe('Cơ quan, đơn vị khác');
});
