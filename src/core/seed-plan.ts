// The 2024 plan of Quyết định 1731/QĐ-UBND ngày 13/11/2023 (Bắc Giang), written by hand from its appendix.
import type { DecisionRef, Programme, Target } from './types';

const YEAR = 2024;

export const SEED_DECISION: DecisionRef = {
  number: '1731/QĐ-UBND',
  date: '2023-11-13',
  issuer: 'Chủ tịch UBND tỉnh',
};

const programmes: [string, string, string[]][] = [
  [
    'P1',
    'Triển khai các chủ trương chính sách của Đảng, Nhà nước; củng cố, kiện toàn tổ chức bộ máy',
    [
      'Tập hợp, đoàn kết đội ngũ trí thức khoa học và công nghệ trong và ngoài tỉnh; điều hoà, phối hợp hoạt động của các hội thành viên.',
      'Làm đầu mối giữa các hội thành viên với các cơ quan Đảng, Nhà nước, Mặt trận Tổ quốc tỉnh và các tổ chức khác nhằm giải quyết các vấn đề chung trong hoạt động LHH.',
      'Đại diện, bảo vệ quyền và lợi ích hợp pháp của các hội viên, hội thành viên, của trí thức KH&CN tỉnh Bắc Giang.',
      'Củng cố, phát triển tổ chức và đẩy mạnh hoạt động của các Hội thành viên; Thực hiện công tác vận động trí thức KH&CN. Tham gia thực hiện xã hội hoá hoạt động KH&CN, giáo dục và đào tạo, chăm sóc sức khoẻ nhân dân, phát triển cộng đồng, xoá đói, giảm nghèo, xây dựng nông thôn mới và bảo vệ môi trường trên địa bàn tỉnh Bắc Giang.',
      'Đánh giá kết quả lãnh đạo của Ban Chấp hành đối với các hoạt động của LHH; học tập, chia sẻ kinh nghiệm hoạt động.',
      'Giao lưu, trao đổi, kết nối với các nhà khoa học, chuyên gia đầu ngành có chuyên môn sâu theo các lĩnh vực tham gia đóng góp trí tuệ trong xây dựng, phát triển kinh tế- xã hội của tỉnh.',
      'Xây dựng hệ thống quản lý theo tiêu chuẩn ISO hoạt động của LHH.',
    ],
  ],
  [
    'P2',
    'Tư vấn, phản biện và Giám định xã hội',
    [
      'Nhằm cung cấp tri thức, kinh nghiệm, cơ sở khoa học; phân tích đánh giá kiến nghị về sự phù hợp nội dung của vấn đề cần tư vấn, phản biện với các điều kiện đã qui định hoặc thực trạng đặt ra. Xác định tính khoa học, tính thực tiễn, tính khả thi của đề án hoặc một vấn đề, một sự việc cụ thể.',
      'Thực hiện giám định xã hội về kết quả triển khai thực hiện của đề án, chương trình hoặc một vấn đề, một sự việc cụ thể; đề xuất, khuyến nghị với cấp có thẩm quyền.',
      'Đưa ra các luận cứ, luận chứng góp ý hoàn thiện các văn bản Luật, văn bản quy phạm pháp luật.',
    ],
  ],
  [
    'P3',
    'Tuyên truyền, phổ biến kiến thức; Hội thảo khoa học, tập huấn kỹ thuật, chuyển giao khoa học kỹ thuật',
    [
      'Tuyên truyền, phổ biến kiến thức khoa học kỹ thuật, lựa chọn những công trình, giải pháp sáng tạo đã và đang áp dụng có hiệu quả trong đời sống, sản xuất; những tiến bộ kỹ thuật mới để phổ biến, tuyên truyền đến các tầng lớp nhân dân.',
      'Cập nhật tin tức hàng ngày, đưa các tin, bài, ảnh của cơ quan, ngành và các Hội thành viên nhằm tuyên truyền các chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước và kiến thức khoa học kỹ thuật áp dụng trong sản xuất và đời sống.',
      'Tạo môi trường và cơ hội để các đơn vị, cá nhân trên địa bàn tỉnh được tiếp cận với những công nghệ mới, tiên tiến của các nhà khoa học, doanh nghiệp trong và ngoài nước. Nâng cao nhận thức và trình độ của các tổ chức, cá nhân trên địa bàn tỉnh trong công tác ứng dụng khoa học công nghệ mới vào sản xuất và đời sống. Đẩy nhanh việc ứng dụng và chuyển giao các tiến bộ khoa học kỹ thuật từ các viện, trường, đơn vị nghiên cứu đến người dân, doanh nghiệp trên địa bàn tỉnh Bắc Giang.',
      'Các hội nghị tập huấn nhằm giới thiệu và chuyển giao các tiến bộ khoa học kỹ thuật mới cho các hội viên trong hệ thống Liên hiệp hội và người dân các địa phương. Tăng cường sự phối hợp, giao lưu, chia sẻ kinh nghiệm của các chuyên gia, nhà khoa học với các hội viên, hội thành viên, hội viên tập thể và người dân trên địa bàn tỉnh Bắc Giang.',
    ],
  ],
  [
    'P4',
    'Tổ chức Hoạt động sáng tạo, cuộc thi, hội thi, giải thưởng, tôn vinh trí thức',
    [
      'Nhằm thúc đẩy phong trào thi đua lao động sáng tạo, phát huy sáng kiến, cải tiến kỹ thuật của Nhân dân trong lao động, sản xuất và học tập; tôn vinh kịp thời các tổ chức, cá nhân có sáng tạo kỹ thuật trên các lĩnh vực được triển khai, áp dụng có hiệu quả góp phần phát triển kinh tế - xã hội, quốc phòng - an ninh của tỉnh.',
      'Khơi dậy tiềm năng, phát huy tư duy sáng tạo và giúp thanh thiếu niên, nhi đồng toàn tỉnh trau dồi kiến thức, rèn luyện kỹ năng sáng tạo, ước mơ trở thành nhà sáng chế trong tương lai. Tạo điều kiện, môi trường để thanh thiếu niên, nhi đồng phát huy năng lực sáng tạo góp phần phát triển kinh tế - xã hội và đào tạo nguồn nhân lực trẻ có chất lượng cao đáp ứng nhu cầu công nghiệp hóa, hiện đại hóa.',
      'Tăng cường công tác giao lưu, chia sẻ kinh nghiệm của các tác giả Cuộc thi, Hội thi, ban tổ chức Cuộc thi các huyện thành phố; đồng thời là dịp để tôn vinh các tài năng sáng tạo. Tuyên truyền về mục tiêu, nội dung và vai trò của hoạt động sáng tạo trong công cuộc xây dựng, bảo vệ và phát triển đất nước trong tình hình mới; từng bước đổi mới và nâng cao chất lượng các hoạt động sáng tạo trên địa bàn tỉnh.',
      'Hỗ trợ kinh phí nhằm ứng dụng, nhân rộng các kết quả nghiên cứu của các mô hình, sản phẩm, giải pháp đạt giải cao trong Cuộc thi, Hội thi và có tính ứng dụng cao vào thực tế sản xuất và đời sống và từng bước tiến tới thương mại hóa sản phẩm trên thị trường trong và ngoài nước.',
    ],
  ],
  [
    'P5',
    'Hoạt động nghiên cứu, ứng dụng và chuyển giao khoa học và công nghệ',
    [
      'Tạo môi trường và cơ hội để các đơn vị, cá nhân trên địa bàn tỉnh được tiếp cận với những công nghệ mới, tiên tiến của các nhà khoa học, doanh nghiệp trong và ngoài nước. Nâng cao nhận thức và trình độ của các tổ chức, cá nhân trên địa bàn tỉnh trong công tác ứng dụng khoa học công nghệ mới vào sản xuất và đời sống. Đẩy nhanh việc ứng dụng và chuyển giao các tiến bộ khoa học kỹ thuật từ các viện, trường, đơn vị nghiên cứu đến người dân, doanh nghiệp trên địa bàn tỉnh Bắc Giang.',
    ],
  ],
];

/** [code, short name, content as worded in the decision, quantity, unit, endYear?] */
const targets: [string, string, string, number | null, string, number?][] = [
  ['P1.1', 'Tập hợp đội ngũ trí thức', 'Tập hợp đội ngũ trí thức trong và ngoài tỉnh tham gia đóng góp xây dựng phát triển kinh tế, xã hội tỉnh Bắc Giang.', null, ''],
  ['P1.2', 'Tuyên truyền chủ trương, chính sách', 'Tuyên truyền thực hiện các chủ trương chính sách của Đảng và Nhà nước; tích cực, gương mẫu tham gia các phong trào, các cuộc vận động, các hoạt động, đóng góp trí tuệ trong phát triển kinh tế-xã hội của tỉnh.', null, ''],
  ['P1.3', 'Thực hiện Nghị quyết Đại hội XIII, Chỉ thị 05-CT/TW', 'Tham gia nghiên cứu, thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII và Đại hội Đảng bộ các cấp. Tích cực thực hiện tốt Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, các chỉ thị, nghị quyết của Đảng...', null, ''],
  ['P1.4', 'Duy trì hoạt động Ban Chấp hành, Ban Thường vụ', 'Duy trì hoạt động của Ban Chấp hành, Ban Thường vụ LHH theo đúng Điều lệ LHH Việt Nam, Quy chế tổ chức và hoạt động của Liên hiệp các hội Khoa học và Kỹ thuật tỉnh nhiệm kỳ 2018-2023, thực hiện kéo dài đến năm 2025.', null, ''],
  ['P1.5', 'Hội nghị Ban Chấp hành', 'Tổ chức 02 Hội nghị Ban Chấp hành gồm: (1) Hội nghị sơ kết hoạt động 6 tháng đầu năm; triển khai nhiệm vụ 6 tháng cuối năm; kiện toàn công tác cán bộ - Miễn nhiệm, bầu bổ sung ủy viên Ban chấp hành, Ban Thường vụ (nếu có thay đổi); (2) Hội nghị Tổng kết hoạt động năm 2023, phương hướng, nhiệm vụ năm 2024; kiện toàn công tác cán bộ - Miễn nhiệm, bầu bổ sung ủy viên Ban chấp hành, Ban Thường vụ (nếu có thay đổi).', 2, 'hội nghị'],
  ['P1.6', 'Hội nghị UBND tỉnh gặp mặt Hội các nhà Khoa học tại Hà Nội', 'Tham mưu tổ chức 01 Hội nghị UBND tỉnh gặp mặt trao đổi với Hội các nhà Khoa học Bắc Giang tại Hà Nội.', 1, 'hội nghị'],
  ['P1.7', 'Phần mềm hệ thống, số hóa cơ sở dữ liệu', 'Thiết kế, xây dựng phần mềm hệ thống, số hóa các cơ sở dữ liệu liên quan đến các hoạt động của LHH.', 1, 'hệ thống'],
  ['P1.8', 'Đoàn học tập trao đổi kinh nghiệm', 'Tổ chức 01 đoàn học tập trao đổi kinh nghiệm cho BCH LHH.', 1, 'đoàn'],
  ['P2.1', 'Tư vấn, phản biện', 'Tổ chức 16 cuộc tư vấn, phản biện quy hoạch, nghị quyết, đề án của Tỉnh ủy, Ban Thường vụ Tỉnh ủy; Chương trình, đề án, đề tài, dự án phát triển kinh tế - xã hội; Các dự thảo văn bản quy phạm pháp luật của HĐND, UBND tỉnh; Các chương trình, đề án, dự án, báo cáo khác thuộc thẩm quyền của các cơ quan, đơn vị.', 16, 'cuộc'],
  ['P2.2', 'Giám định xã hội', 'Thực hiện 01 cuộc giám định việc thực hiện đề án, đề tài, dự án đầu tư, nghị quyết, chương trình.', 1, 'cuộc'],
  ['P2.3', 'Tọa đàm, góp ý văn bản Luật, VBQPPL', 'Tổ chức 15 cuộc tọa đàm, góp ý của các chuyên gia, nhà khoa học, nhà quản lý… vào các văn bản Luật, Văn bản quy phạm pháp luật.', 15, 'cuộc'],
  ['P3.1', 'Chuyên mục với Báo Bắc Giang', 'Phối hợp với Báo Bắc Giang thực hiện 12 chuyên mục phổ biến kiến thức Khoa học Kỹ thuật.', 12, 'chuyên mục'],
  ['P3.2', 'Chuyên đề với Đài PT-TH tỉnh', 'Phối hợp với Đài PT-TH tỉnh thực hiện 04 chuyên đề phổ biến kiến thức Khoa học Kỹ thuật.', 4, 'chuyên đề'],
  ['P3.3', 'Duy trì Trang thông tin điện tử', 'Duy trì hoạt động của Trang thông tin điện tử (cổng thông tin thành phần của cổng thông tin điện tử UBND tỉnh).', null, ''],
  ['P3.4', 'Hội nghị tập huấn, chuyển giao kỹ thuật', 'Tổng hợp nhu cầu tập huấn chuyển giao các tiến bộ kỹ thuật mới của các hội thành viên, hội viên tập thể trong hệ thống LHH; lựa chọn các nội dung, xây dựng kế hoạch tập huấn, chuyển giao kỹ thuật với 10 hội nghị đảm bảo tính mới, hiệu quả, có khả năng ứng dụng và nhân rộng.', 10, 'hội nghị'],
  ['P3.5', 'Hội thảo khoa học', 'Tổng hợp nhu cầu tổ chức các cuộc hội thảo khoa học của các hội thành viên, hội viên tập thể trong hệ thống LHH. Lựa chọn những vấn đề cần giải quyết của các sở, ban, ngành, địa phương để phối hợp tổ chức 05 hội thảo khoa học.', 5, 'hội thảo'],
  ['P3.6', 'Hội nghị chuyên đề', 'Tổ chức 03 hội nghị chuyên đề tập trung vào các lĩnh vực: thông tin, thời sự, chính sách mới; tình hình chính trị, kinh tế - xã hội trong và ngoài nước; những kiến thức mới trong lĩnh vực y tế, nông nghiệp và khoa học, công nghệ.', 3, 'hội nghị'],
  ['P4.1', 'Hội thi Sáng tạo kỹ thuật tỉnh lần thứ 11', 'Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Bắc Giang (Hội thi) lần thứ 11, năm 2024-2025.', 1, 'hội thi', 2025],
  ['P4.2', 'Cuộc thi Sáng tạo Thanh thiếu niên, nhi đồng lần thứ 20', 'Tổ chức Cuộc thi Sáng tạo Thanh thiếu niên, nhi đồng tỉnh lần thứ 20, năm 2024.', 1, 'cuộc thi'],
  ['P4.3', 'Ngày hội sáng tạo', 'Tổ chức ngày hội sáng tạo: Tạo không gian trưng bày và giới thiệu các mô hình, sản phẩm, giải pháp đạt giải Cuộc thi, hội thi. Thảo luận về những khó khăn, vướng mắc, những đề xuất, kiến nghị của các tác giả với ban tổ chức, chính quyền các cấp; đề xuất các giải pháp, cách làm sáng tạo nhằm nâng cao chất lượng công tác tổ chức Cuộc thi, hội thi các cấp.', 1, 'ngày hội'],
  ['P4.4', 'Mô hình, giải pháp chọn để nhân rộng, thương mại hóa', 'Thành lập hội đồng đánh giá tính khả thi, khả năng nhân rộng và nhu cầu của thị trường, tiềm năng của cá nhân, đơn vị có các mô hình, sản phẩm, giải pháp đạt giải cao tại Cuộc thi, Hội thi năm 2023. Lựa chọn 06 mô hình, giải pháp có khả năng nhân rộng và thương mại hóa trên thị trường; xây dựng phương án và dự toán hỗ trợ; triển khai hỗ trợ theo từng công đoạn và có kiểm tra, giám sát, đánh giá hiệu quả nguồn kinh phí hỗ trợ.', 6, 'mô hình'],
  ['P4.5', 'Sản phẩm, giải pháp được hỗ trợ nhân rộng, thương mại hóa', 'Hỗ trợ nhân rộng, thương mại hóa cho 3 sản phẩm, giải pháp.', 3, 'sản phẩm'],
  ['P5.1', 'Khảo sát nhu cầu chuyển giao công nghệ', 'Khảo sát nhu cầu chuyển giao công nghệ về các lĩnh vực cụ thể của các huyện thành phố trên địa bàn tỉnh từ đó kết nối với các đơn vị trong và ngoài tỉnh có các công nghệ phù hợp.', null, ''],
  ['P5.2', 'Hội thảo trình diễn, chuyển giao công nghệ, kết nối cung - cầu', 'Xây dựng kế hoạch, dự toán chi tiết và phối hợp với các đơn vị chuyển giao, đơn vị có nhu cầu để triển khai 03 cuộc hội thảo trình diễn, giới thiệu, chuyển giao công nghệ, kết nối cung - cầu.', 3, 'hội thảo'],
];

/** A fresh copy of the built-in 2024 plan (callers may mutate it). */
export function seedPlan2024(): { programs: Programme[]; targets: Target[] } {
  return {
    programs: programmes.map(([code, name, objectives]) => ({ year: YEAR, code, name, objectives: objectives.slice() })),
    targets: targets.map(([code, name, content, quantity, unit, endYear]) => ({
      year: YEAR,
      code,
      programCode: code.split('.')[0],
      name,
      content,
      quantity,
      unit,
      qualifier: 'exact' as const,
      dueDate: null,
      endYear: endYear || YEAR,
      status: '' as const,
      note: '',
    })),
  };
}
