// The built-in 2024 plan holds every content item of QĐ 1731/QĐ-UBND's appendix, with the decision's quantities.
import { seedPlan2024 } from '../../src/core/seed-plan';

// Written out from the decision's appendix by hand, not imported from src/.
const EXPECTED_PROGRAMS: [string, string][] = [
  ['P1', 'Triển khai các chủ trương chính sách của Đảng, Nhà nước; củng cố, kiện toàn tổ chức bộ máy'],
  ['P2', 'Tư vấn, phản biện và Giám định xã hội'],
  ['P3', 'Tuyên truyền, phổ biến kiến thức; Hội thảo khoa học, tập huấn kỹ thuật, chuyển giao khoa học kỹ thuật'],
  ['P4', 'Tổ chức Hoạt động sáng tạo, cuộc thi, hội thi, giải thưởng, tôn vinh trí thức'],
  ['P5', 'Hoạt động nghiên cứu, ứng dụng và chuyển giao khoa học và công nghệ'],
];

const EXPECTED_QUANTIFIED: [string, number, string][] = [
  ['P1.5', 2, 'hội nghị'],
  ['P1.6', 1, 'hội nghị'],
  ['P1.7', 1, 'hệ thống'],
  ['P1.8', 1, 'đoàn'],
  ['P2.1', 16, 'cuộc'],
  ['P2.2', 1, 'cuộc'],
  ['P2.3', 15, 'cuộc'],
  ['P3.1', 12, 'chuyên mục'],
  ['P3.2', 4, 'chuyên đề'],
  ['P3.4', 10, 'hội nghị'],
  ['P3.5', 5, 'hội thảo'],
  ['P3.6', 3, 'hội nghị'],
  ['P4.1', 1, 'hội thi'],
  ['P4.2', 1, 'cuộc thi'],
  ['P4.3', 1, 'ngày hội'],
  ['P4.4', 6, 'mô hình'],
  ['P4.5', 3, 'sản phẩm'],
  ['P5.2', 3, 'hội thảo'],
];

const EXPECTED_QUALITATIVE = ['P1.1', 'P1.2', 'P1.3', 'P1.4', 'P3.3', 'P5.1'];

describe('the seeded 2024 plan of QĐ 1731/QĐ-UBND', () => {
  const plan = seedPlan2024();

  test('has the five programmes, named as in the decision, all of year 2024', () => {
    expect(plan.programs.map((p) => [p.code, p.name])).toEqual(EXPECTED_PROGRAMS);
    expect(plan.programs.every((p) => p.year === 2024 && p.objectives.length > 0)).toBe(true);
  });

  test('holds every quantified target with the decision quantity and unit', () => {
    const quantified = plan.targets.filter((t) => t.quantity !== null).map((t) => [t.code, t.quantity, t.unit]);
    expect(quantified).toEqual(EXPECTED_QUANTIFIED);
  });

  test('keeps the qualitative items as targets with no quantity', () => {
    expect(plan.targets.filter((t) => t.quantity === null).map((t) => t.code)).toEqual(EXPECTED_QUALITATIVE);
  });

  test('"12 chuyên mục … 04 chuyên đề" is two targets, and "lần thứ 11" is no quantity', () => {
    const p31 = plan.targets.find((t) => t.code === 'P3.1');
    const p32 = plan.targets.find((t) => t.code === 'P3.2');
    expect(p31?.content).toContain('Báo Bắc Giang');
    expect(p32?.content).toContain('Đài PT-TH tỉnh');
    const contest = plan.targets.find((t) => t.code === 'P4.1');
    expect(contest).toMatchObject({ quantity: 1, unit: 'hội thi', year: 2024, endYear: 2025 });
  });

  test('codes are unique within the year and every text is NFC', () => {
    const codes = plan.targets.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of plan.targets) {
      expect(t.content).toBe(t.content.normalize('NFC'));
      expect(t.programCode).toBe(t.code.split('.')[0]);
    }
  });
});
