"""An ASP.NET WebForms (.NET 4 on IIS) provincial portal of a Ban Tuyên giáo Tỉnh ủy.

`/Default.aspx`, `/Pages/TinTuc.aspx?CatID=3`, `/Pages/ChiTietTin.aspx?NewsID=1234&CatID=3`,
laid out in tables as such sites were built around 2010. What it holds for a crawler:

- The server routes on the raw query string in its order (IIS + a hand-written page that
  reads ``Request.QueryString`` positionally): ``?CatID=3&NewsID=1234`` is a 404. Paths are
  case-insensitive, as on IIS, and the "Tin mới" marquee links ``/pages/chitiettin.aspx``.
- Each category lists 8 articles a page; pages past the first exist ONLY as postbacks of
  the one ``aspnetForm`` (GridView pager ``__doPostBack('ctl00$MainContent$gvNews',
  'Page$2')``, and "Trang trước"/"Trang sau" LinkButtons whose target page depends on the
  page index the posted ``__VIEWSTATE`` encodes). A postback without a ``__VIEWSTATE``
  issued for that category, or whose ``__EVENTVALIDATION`` does not belong with it, is a
  500 as on a real WebForms site. "Các tin khác" lists only the newest of the category, so
  the older articles are reached through the pager alone.
- Every page has the same ``<title>`` (the developers never set Page.Title); the headline
  is the ``lblTitle`` span. No <article>, no <h1>, no Open Graph.
- A visitor counter in the footer changes on every request.
- A contact form with a submit button (and the same aspnetForm) on the "Liên hệ" page.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import itertools
import random
from urllib.parse import parse_qsl

from cms_sites.base import CorpusSite
from tuyengiao_crawler.demo_site.serving import Request, Response

ORG = "Ban Tuyên giáo Tỉnh ủy Quảng Trị"
TITLE = "..:: BAN TUYÊN GIÁO TỈNH ỦY QUẢNG TRỊ ::.."
PER_PAGE = 8
GRID = "ctl00$MainContent$gvNews"
PREV = "ctl00$MainContent$lbtPrev"
NEXT = "ctl00$MainContent$lbtNext"
SEND = "ctl00$MainContent$btnGui"
CATEGORIES = {3: "Tin hoạt động", 7: "Nghiên cứu - Trao đổi"}
GENERATORS = {"home": "CA0B0334", "list": "8F2C61D5", "news": "5E1A9B07", "page": "B37D4E12"}
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
WEBRESOURCE = "/WebResource.axd?d=pynGkmcFUV13He1Qd6_TZAG0REM8qqEBAHCZinHsmTftbBz8ARFqQG4SmTbTGQGNsxByiuhhp7M8BL__qlDclA2&t=637100642276455672"

# (category, headline, lead): the lead is the article's own first paragraph.
NEWS = [
    (
        3,
        "Hội nghị quán triệt Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng",
        "Sáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị trực tuyến quán triệt Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ tới 12 điểm cầu huyện, thị xã, thành phố.",
    ),
    (
        7,
        "Nâng cao chất lượng sinh hoạt chi bộ ở nông thôn hiện nay",
        "Chi bộ là hạt nhân chính trị ở cơ sở, là nơi trực tiếp giáo dục, quản lý và phân công nhiệm vụ cho đảng viên. Chất lượng sinh hoạt chi bộ quyết định sức chiến đấu của tổ chức cơ sở đảng, nhất là ở các thôn, bản vùng nông thôn của tỉnh.",
    ),
    (
        3,
        "Ban Tuyên giáo Tỉnh ủy tổ chức tập huấn nghiệp vụ công tác tuyên giáo năm 2019",
        "Trong hai ngày, Ban Tuyên giáo Tỉnh ủy tổ chức lớp tập huấn nghiệp vụ công tác tuyên giáo năm 2019 cho gần 200 học viên là trưởng, phó ban tuyên giáo các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc và cán bộ phụ trách tuyên giáo các xã, phường, thị trấn.",
    ),
    (
        3,
        "Giao ban công tác tuyên giáo quý I năm 2019",
        "Ban Tuyên giáo Tỉnh ủy vừa tổ chức giao ban công tác tuyên giáo quý I, triển khai nhiệm vụ quý II năm 2019, với sự tham dự của lãnh đạo ban tuyên giáo các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy.",
    ),
    (
        7,
        "Bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng: một số vấn đề đặt ra",
        "Sự phát triển bùng nổ của Internet và mạng xã hội vừa mở ra cơ hội to lớn cho công tác tuyên truyền, vừa đặt ra những thách thức chưa từng có đối với nhiệm vụ bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch.",
    ),
    (
        3,
        "Hội nghị báo cáo viên Tỉnh ủy tháng 3/2019",
        "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên Tỉnh ủy định kỳ tháng 3/2019. Tại hội nghị, các đại biểu được thông tin về tình hình thời sự trong nước, quốc tế nổi bật và một số vấn đề về kinh tế - xã hội của tỉnh trong quý I.",
    ),
    (
        3,
        "Khai mạc Hội thi báo cáo viên giỏi cấp tỉnh lần thứ III",
        "Tối qua, tại Hội trường Trung tâm Văn hóa - Thông tin tỉnh, Ban Tuyên giáo Tỉnh ủy khai mạc Hội thi báo cáo viên giỏi cấp tỉnh lần thứ III với sự tham gia của 24 thí sinh đến từ các đảng bộ huyện, thị xã, thành phố và đảng bộ trực thuộc.",
    ),
    (
        7,
        "Vai trò của đội ngũ báo cáo viên trong định hướng dư luận xã hội",
        "Đội ngũ báo cáo viên là lực lượng nòng cốt trong công tác tuyên truyền miệng, là cầu nối giữa cấp ủy với cán bộ, đảng viên và Nhân dân. Trong bối cảnh thông tin đa chiều hiện nay, vai trò định hướng dư luận của đội ngũ này càng trở nên quan trọng.",
    ),
    (
        3,
        "Sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị",
        "Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, gắn với biểu dương các điển hình tiên tiến.",
    ),
    (
        7,
        "Đổi mới phương thức học tập, quán triệt nghị quyết của Đảng ở cơ sở",
        "Việc học tập, quán triệt nghị quyết là khâu đầu tiên, có ý nghĩa quyết định để đưa nghị quyết của Đảng vào cuộc sống. Thực tiễn ở nhiều địa phương cho thấy, cách làm truyền thống đang bộc lộ không ít hạn chế cần sớm được khắc phục.",
    ),
    (
        3,
        "Ban Tuyên giáo Huyện ủy Hải Lăng tổ chức tọa đàm kỷ niệm 89 năm Ngày thành lập Đảng",
        "Hướng tới kỷ niệm 89 năm Ngày thành lập Đảng Cộng sản Việt Nam, Ban Tuyên giáo Huyện ủy Hải Lăng phối hợp với Trung tâm Bồi dưỡng chính trị huyện tổ chức tọa đàm với chủ đề “Đảng Cộng sản Việt Nam - những mốc son lịch sử”.",
    ),
    (
        3,
        "Đoàn công tác Ban Tuyên giáo Trung ương làm việc tại Quảng Trị",
        "Đoàn công tác của Ban Tuyên giáo Trung ương do đồng chí Phó Trưởng ban làm trưởng đoàn đã có buổi làm việc với Ban Thường vụ Tỉnh ủy về kết quả thực hiện công tác tuyên giáo và việc triển khai các chuyên đề học tập và làm theo Bác.",
    ),
    (
        7,
        "Phát huy vai trò nêu gương của cán bộ, đảng viên theo Quy định 08-QĐi/TW",
        "Quy định số 08-QĐi/TW của Ban Chấp hành Trung ương về trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương đã tạo chuyển biến rõ nét trong nhận thức và hành động.",
    ),
    (
        3,
        "Triển khai Cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh Quảng Trị",
        "Ban Tuyên giáo Tỉnh ủy vừa ban hành kế hoạch tổ chức Cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh Quảng Trị, nhằm giáo dục truyền thống cách mạng, khơi dậy niềm tự hào về quê hương trong cán bộ, đảng viên, đoàn viên, hội viên và các tầng lớp Nhân dân.",
    ),
    (
        7,
        "Một số giải pháp nâng cao hiệu quả công tác nắm bắt dư luận xã hội",
        "Nắm bắt, phản ánh và định hướng dư luận xã hội là một trong những nhiệm vụ trọng tâm của ngành tuyên giáo. Qua khảo sát tại một số huyện, thị xã của tỉnh, có thể rút ra những giải pháp thiết thực để nâng cao hiệu quả nhiệm vụ này.",
    ),
    (
        3,
        "Hội nghị cộng tác viên dư luận xã hội năm 2019",
        "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị cộng tác viên dư luận xã hội năm 2019. Tham dự có hơn 120 cộng tác viên là cán bộ các sở, ban, ngành, các huyện, thị xã, thành phố và một số cơ sở trên địa bàn tỉnh.",
    ),
    (
        7,
        "Xây dựng văn hóa công sở gắn với học tập và làm theo Bác",
        "Văn hóa công sở không chỉ thể hiện ở trang phục, giao tiếp, ứng xử mà còn ở tinh thần trách nhiệm, thái độ phục vụ Nhân dân của cán bộ, công chức. Gắn xây dựng văn hóa công sở với học tập và làm theo Bác là cách làm được nhiều cơ quan lựa chọn.",
    ),
    (
        3,
        "Kiểm tra công tác tuyên giáo tại Đảng bộ huyện Cam Lộ",
        "Đoàn kiểm tra của Ban Tuyên giáo Tỉnh ủy đã làm việc với Ban Thường vụ Huyện ủy Cam Lộ về việc lãnh đạo, chỉ đạo công tác tuyên giáo và thực hiện các nhiệm vụ trọng tâm từ đầu nhiệm kỳ đến nay.",
    ),
    (
        7,
        "Từ thực tiễn công tác tuyên giáo ở huyện miền núi Hướng Hóa",
        "Hướng Hóa là huyện miền núi biên giới, đồng bào dân tộc Vân Kiều, Pa Kô chiếm gần một nửa dân số. Đặc điểm đó đòi hỏi công tác tuyên giáo phải có cách làm riêng, gần gũi, dễ hiểu, phù hợp phong tục, tập quán của từng bản làng.",
    ),
    (
        3,
        "Lớp bồi dưỡng lý luận chính trị cho đảng viên mới khóa I năm 2019",
        "Trung tâm Bồi dưỡng chính trị thành phố Đông Hà khai giảng lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2019 với 86 học viên là đảng viên mới được kết nạp của các chi, đảng bộ cơ sở.",
    ),
    (
        7,
        "Công tác giáo dục lý luận chính trị cho đoàn viên thanh niên trong thời kỳ mới",
        "Thanh niên là lực lượng xung kích trong sự nghiệp xây dựng và bảo vệ Tổ quốc. Giáo dục lý luận chính trị cho đoàn viên, thanh niên là nhiệm vụ thường xuyên, lâu dài nhằm bồi đắp lý tưởng cách mạng cho thế hệ trẻ.",
    ),
    (
        3,
        "Thành phố Đông Hà ra mắt mô hình “Chi bộ 4 tốt” ở khu phố",
        "Đảng ủy phường 5, thành phố Đông Hà vừa tổ chức ra mắt mô hình “Chi bộ 4 tốt” tại chi bộ khu phố 3: tốt về sinh hoạt, tốt về nêu gương, tốt về vận động Nhân dân và tốt về giữ gìn an ninh trật tự.",
    ),
    (
        7,
        "Giữ gìn và phát huy giá trị di tích lịch sử cách mạng trên địa bàn tỉnh",
        "Quảng Trị có hơn 500 di tích lịch sử cách mạng, trong đó nhiều di tích cấp quốc gia đặc biệt như Thành cổ Quảng Trị, Địa đạo Vịnh Mốc, Đôi bờ Hiền Lương - Bến Hải. Đây là nguồn tài nguyên quý để giáo dục truyền thống cho thế hệ trẻ.",
    ),
    (
        3,
        "Huyện ủy Gio Linh học tập chuyên đề năm 2019 về tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Huyện ủy Gio Linh tổ chức hội nghị học tập chuyên đề năm 2019 “Nâng cao ý thức tôn trọng Nhân dân, phát huy dân chủ, chăm lo đời sống Nhân dân theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” cho hơn 400 cán bộ chủ chốt.",
    ),
    (
        7,
        "Nhận diện biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
        "Nghị quyết Trung ương 4 khóa XII đã chỉ rõ 27 biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”. Nhận diện đúng, đầy đủ các biểu hiện ấy là điều kiện để phòng ngừa, ngăn chặn từ sớm, từ xa.",
    ),
    (
        3,
        "Trao giải Cuộc thi viết về gương điển hình học tập và làm theo Bác",
        "Ban Tuyên giáo Tỉnh ủy tổ chức lễ tổng kết, trao giải Cuộc thi viết về gương điển hình học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Sau 5 tháng phát động, Ban Tổ chức đã nhận được 312 tác phẩm của 287 tác giả.",
    ),
    (
        7,
        "Phát huy sức mạnh khối đại đoàn kết toàn dân tộc ở khu dân cư",
        "Khu dân cư là nơi trực tiếp diễn ra đời sống hằng ngày của Nhân dân, là địa bàn để thực hiện các chủ trương của Đảng, chính sách, pháp luật của Nhà nước. Phát huy sức mạnh đại đoàn kết ở khu dân cư có ý nghĩa hết sức quan trọng.",
    ),
    (
        3,
        "Hội nghị triển khai nhiệm vụ công tác tuyên giáo 6 tháng cuối năm 2019",
        "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị sơ kết công tác tuyên giáo 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2019. Hội nghị được kết nối trực tuyến đến các điểm cầu huyện, thị xã, thành phố trong tỉnh.",
    ),
    (
        7,
        "Ứng dụng công nghệ thông tin trong công tác tuyên truyền ở cơ sở",
        "Ứng dụng công nghệ thông tin đã và đang làm thay đổi căn bản phương thức tuyên truyền ở cơ sở. Từ bản tin giấy, loa truyền thanh, nhiều xã, phường đã lập trang thông tin điện tử, nhóm Zalo, fanpage để đưa thông tin đến từng hộ dân.",
    ),
    (
        3,
        "Ban Chỉ đạo 35 tỉnh họp phiên thường kỳ quý II",
        "Ban Chỉ đạo 35 tỉnh tổ chức phiên họp thường kỳ quý II năm 2019 nhằm đánh giá kết quả công tác bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong 6 tháng đầu năm.",
    ),
    (
        7,
        "Nâng cao chất lượng đội ngũ cán bộ làm công tác tuyên giáo cấp huyện",
        "Đội ngũ cán bộ tuyên giáo cấp huyện giữ vai trò tham mưu trực tiếp cho cấp ủy về công tác tư tưởng. Tuy vậy, ở nhiều nơi đội ngũ này còn mỏng, thường xuyên biến động, kinh nghiệm thực tiễn chưa nhiều.",
    ),
    (
        3,
        "Tuyên truyền kỷ niệm 45 năm Ngày giải phóng hoàn toàn tỉnh Quảng Trị",
        "Ban Tuyên giáo Tỉnh ủy ban hành hướng dẫn tuyên truyền kỷ niệm 45 năm Ngày giải phóng hoàn toàn tỉnh Quảng Trị (19/3/1975 - 19/3/2020), đề nghị các cấp ủy, tổ chức đảng, chính quyền, Mặt trận và đoàn thể triển khai sâu rộng.",
    ),
    (
        7,
        "Về việc đưa nghị quyết của Đảng vào cuộc sống",
        "Nghị quyết có đi vào cuộc sống hay không phụ thuộc rất lớn vào khâu tổ chức thực hiện. Nhiều nghị quyết đúng, trúng nhưng chậm được cụ thể hóa thành chương trình, kế hoạch sát với đặc điểm của từng địa phương, đơn vị.",
    ),
    (
        3,
        "Ban Tuyên giáo Huyện ủy Vĩnh Linh tổ chức hội thi tuyên truyền viên cơ sở",
        "Ban Tuyên giáo Huyện ủy Vĩnh Linh vừa tổ chức hội thi tuyên truyền viên cơ sở năm 2019 với sự tham gia của 22 thí sinh đại diện cho các xã, thị trấn trên địa bàn huyện.",
    ),
    (
        7,
        "Vận dụng tư tưởng Hồ Chí Minh về dân vận trong giai đoạn hiện nay",
        "“Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong”. Lời dạy của Chủ tịch Hồ Chí Minh về công tác dân vận đến nay vẫn còn nguyên giá trị, là kim chỉ nam cho hệ thống chính trị các cấp.",
    ),
]

ACTIVITY = [
    "Hội nghị đã nghe đồng chí {leader} quán triệt những nội dung cơ bản, cốt lõi và những điểm mới của văn bản; đồng thời gợi mở nhiều vấn đề để các địa phương vận dụng vào thực tiễn.",
    "Theo báo cáo, từ đầu năm đến nay, toàn tỉnh đã tổ chức {n} hội nghị học tập, quán triệt với hơn {m} lượt cán bộ, đảng viên tham dự, đạt tỷ lệ trên {pct}%.",
    "Công tác tuyên truyền được thực hiện bằng nhiều hình thức phong phú như hệ thống truyền thanh cơ sở, pa nô, áp phích, trang thông tin điện tử và các nhóm mạng xã hội.",
    "Đội ngũ báo cáo viên, tuyên truyền viên đã bám sát tình hình thực tiễn, kịp thời nắm bắt tư tưởng, tâm trạng của cán bộ, đảng viên và Nhân dân ở {place}.",
    "Tại {place}, cấp ủy đã chỉ đạo các chi bộ thôn, khu phố đưa nội dung này vào sinh hoạt định kỳ, gắn với việc xây dựng chương trình hành động cụ thể của từng chi bộ.",
    "Bên cạnh kết quả đạt được, việc học tập ở một số chi bộ còn mang tính hình thức; chất lượng sinh hoạt chưa cao, việc liên hệ với thực tiễn của đơn vị còn chung chung.",
    "Phát biểu chỉ đạo, đồng chí {leader} đề nghị các cấp ủy, tổ chức đảng tiếp tục nâng cao nhận thức, trách nhiệm của người đứng đầu trong tổ chức thực hiện.",
    "Đồng chí nhấn mạnh, cần kịp thời biểu dương, khen thưởng các tập thể, cá nhân có cách làm hay, mô hình hiệu quả để nhân rộng trong toàn tỉnh.",
    "Các đại biểu tập trung thảo luận, làm rõ những khó khăn, vướng mắc ở cơ sở và đề xuất {n} nhóm giải pháp để thực hiện có hiệu quả trong thời gian tới.",
    "Dịp này, {org} đã tặng giấy khen cho {n} tập thể và {m2} cá nhân có thành tích xuất sắc trong triển khai thực hiện.",
    "Ban Chỉ đạo 35 các huyện, thị xã, thành phố duy trì hoạt động của nhóm cộng tác viên dư luận xã hội, kịp thời định hướng thông tin trên không gian mạng.",
    "Qua đó góp phần tạo sự thống nhất cao về tư tưởng và hành động trong Đảng bộ, sự đồng thuận của Nhân dân đối với các chủ trương lớn của tỉnh.",
    "Đoàn đã làm việc trực tiếp với {n} chi bộ ở {place}, xem xét hồ sơ, sổ sách và chương trình hành động của các chi bộ.",
    "Nhiều mô hình như “Dân vận khéo”, “Khu dân cư kiểu mẫu”, “Mỗi tuần một việc tốt” đã lan tỏa rộng rãi, được Nhân dân đồng tình hưởng ứng.",
    "Lớp học kéo dài {d} ngày, học viên được truyền đạt các chuyên đề về kỹ năng nắm bắt dư luận, viết tin bài và xử lý thông tin xấu, độc trên mạng xã hội.",
    "Trong thời gian tới, {org} sẽ tiếp tục tham mưu Ban Thường vụ Tỉnh ủy ban hành các văn bản chỉ đạo, hướng dẫn phù hợp với tình hình thực tế của địa phương.",
    "Dư luận xã hội nhìn chung phấn khởi, tin tưởng vào sự lãnh đạo của Đảng; song Nhân dân còn băn khoăn về giá cả một số mặt hàng thiết yếu và tiến độ một số dự án ở {place}.",
    "Các thí sinh đã thể hiện sự hiểu biết về lịch sử Đảng bộ tỉnh, về truyền thống cách mạng của quê hương, với nhiều phần thi được đầu tư công phu.",
    "Ban Tuyên giáo Tỉnh ủy đã biên soạn, phát hành {n} đề cương tuyên truyền và {m2} số tài liệu sinh hoạt chi bộ hằng tháng tới các tổ chức cơ sở đảng.",
    "Buổi sinh hoạt chuyên đề diễn ra sôi nổi; nhiều đảng viên mạnh dạn nêu ý kiến, liên hệ trách nhiệm của bản thân và đề ra việc làm cụ thể.",
    "Kết thúc đợt làm việc, đoàn đề nghị các đơn vị khắc phục những tồn tại đã chỉ ra và báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy trước ngày {deadline}.",
    "Cùng với đó, tăng cường ứng dụng công nghệ thông tin trong tuyên truyền, nhất là ở các xã vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số.",
]
RESEARCH = [
    "Thực tiễn ở {place} cho thấy, nơi nào cấp ủy quan tâm, bí thư chi bộ có năng lực thì nơi đó nội dung sinh hoạt phong phú, đảng viên hăng hái tham gia.",
    "Tuy nhiên, ở không ít nơi, nội dung còn đơn điệu, lặp lại, nặng về thông báo tình hình, thiếu những vấn đề bức xúc mà đảng viên và Nhân dân quan tâm.",
    "Nguyên nhân chủ yếu là một số cấp ủy chưa nhận thức đầy đủ tầm quan trọng của công tác này; việc kiểm tra, giám sát có lúc chưa thường xuyên.",
    "Thứ nhất, cần nâng cao nhận thức, trách nhiệm của cấp ủy và người đứng đầu, coi đây là nhiệm vụ thường xuyên, gắn với đánh giá, xếp loại hằng năm.",
    "Thứ hai, đổi mới nội dung, hình thức theo hướng thiết thực, gắn với nhiệm vụ chính trị của từng địa phương, đơn vị, tránh hình thức, chung chung.",
    "Thứ ba, chú trọng bồi dưỡng đội ngũ cán bộ cơ sở, nhất là bí thư chi bộ, về kỹ năng điều hành, định hướng thảo luận và xử lý tình huống.",
    "Thứ tư, tăng cường công tác kiểm tra, giám sát; kịp thời biểu dương những cách làm hay, đồng thời chấn chỉnh những nơi làm chưa tốt.",
    "Theo số liệu khảo sát của Ban Tuyên giáo Tỉnh ủy năm {year}, có khoảng {pct}% số đảng viên được hỏi cho rằng nội dung cần được đổi mới hơn nữa.",
    "Chủ tịch Hồ Chí Minh từng căn dặn: “Đảng ta là một Đảng cầm quyền. Mỗi đảng viên và cán bộ phải thật sự thấm nhuần đạo đức cách mạng”.",
    "Bài học rút ra là phải luôn xuất phát từ lợi ích của Nhân dân, lấy sự hài lòng của Nhân dân làm thước đo hiệu quả công việc.",
    "Các thế lực thù địch không ngừng lợi dụng mạng xã hội để xuyên tạc, bịa đặt, gây hoang mang dư luận, nhất là vào các dịp sự kiện chính trị quan trọng.",
    "Vì vậy, mỗi cán bộ, đảng viên cần tự trang bị bản lĩnh chính trị vững vàng, tỉnh táo trước những thông tin chưa được kiểm chứng.",
    "Ở {place}, mô hình “Chi bộ mỗi tháng một chuyên đề” đã được triển khai từ năm {year} và bước đầu mang lại kết quả tích cực.",
    "Kinh nghiệm cho thấy, việc chuẩn bị chu đáo nội dung, phân công đảng viên chuẩn bị ý kiến trước là yếu tố quyết định chất lượng buổi sinh hoạt.",
    "Đây là vấn đề vừa cấp bách, vừa lâu dài, đòi hỏi sự vào cuộc đồng bộ của cả hệ thống chính trị và sự tham gia tích cực của mỗi người dân.",
    "Từ những phân tích trên, có thể khẳng định đây là hướng đi đúng, cần được tổng kết, đánh giá để nhân rộng trong thời gian tới.",
    "Mặt khác, cần có cơ chế bảo đảm kinh phí, cơ sở vật chất phù hợp cho hoạt động ở cơ sở, nhất là ở các xã miền núi, biên giới.",
    "Thực tế đó đặt ra yêu cầu phải đổi mới mạnh mẽ phương thức lãnh đạo của Đảng đối với công tác tư tưởng trong điều kiện mới.",
    "Trong giai đoạn {year} - {year2}, toàn tỉnh có {n} mô hình được công nhận, {m2} tập thể được biểu dương ở cấp tỉnh.",
    "Những con số đó tuy chưa nói hết, song đã phản ánh phần nào sự chuyển biến trong nhận thức và hành động ở cơ sở.",
]
PLACES = [
    "huyện Triệu Phong",
    "huyện Hải Lăng",
    "huyện Gio Linh",
    "huyện Vĩnh Linh",
    "huyện Cam Lộ",
    "huyện Đakrông",
    "huyện Hướng Hóa",
    "thị xã Quảng Trị",
    "thành phố Đông Hà",
    "xã Triệu Thượng",
    "xã Gio Mai",
    "thị trấn Khe Sanh",
]
LEADERS = [
    "Lê Văn Hùng, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Nguyễn Thị Lan, Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Trần Đình Phúc, Phó Trưởng Ban Thường trực Ban Tuyên giáo Tỉnh ủy",
    "Hoàng Minh Tâm, Báo cáo viên Trung ương",
]
REPORTERS = ["Hồng Nhung", "Minh Đức", "Thanh Hà", "Quang Vinh", "Bảo Ngọc"]
RESEARCHERS = [
    "ThS. Lê Thị Thu Hà - Trường Chính trị Lê Duẩn",
    "TS. Phan Văn Cường - Ban Tuyên giáo Tỉnh ủy",
    "Nguyễn Hữu Thắng - Huyện ủy Triệu Phong",
    "ThS. Võ Thị Minh Nguyệt - Trường Chính trị Lê Duẩn",
]


def _fill(template: str, rng: random.Random) -> str:
    year = rng.choice([2016, 2017, 2018])
    return template.format(
        leader=rng.choice(LEADERS),
        org=ORG,
        place=rng.choice(PLACES),
        n=rng.randint(3, 18),
        m=f"{rng.randint(12, 48) * 1000 + rng.randint(100, 900):,}".replace(",", "."),
        m2=rng.randint(20, 95),
        pct=rng.randint(86, 98),
        d=rng.randint(2, 5),
        deadline=f"{rng.randint(10, 28)}/{rng.randint(8, 12)}/2019",
        year=year,
        year2=year + 3,
    )


class Article:
    def __init__(self, news_id: int, cat: int, title: str, lead: str, when: dt.datetime):
        self.id, self.cat, self.title, self.when = news_id, cat, title, when
        rng = random.Random(news_id)
        pool = ACTIVITY if cat == 3 else RESEARCH
        chosen = rng.sample(pool, rng.randint(7, 9))
        paragraphs = [lead]
        while chosen:
            size = rng.randint(2, 3)
            take, chosen = chosen[:size], chosen[size:]
            paragraphs.append(" ".join(_fill(s, rng) for s in take))
        self.paragraphs = paragraphs
        self.summary = lead.split(". ")[0].rstrip(".") + "."
        self.author = rng.choice(REPORTERS if cat == 3 else RESEARCHERS)
        self.image = f"/Upload/Images/{when:%Y/%m}/tin{news_id}.gif" if news_id % 3 == 0 else None

    @property
    def path(self) -> str:
        return f"/Pages/ChiTietTin.aspx?NewsID={self.id}&CatID={self.cat}"


def _token(key: str, prefix: str, size: int) -> str:
    digest = b"".join(hashlib.sha256(f"{key}|{i}".encode()).digest() for i in range(8))
    return prefix + base64.b64encode(digest[:size]).decode()


def viewstate(key: str) -> str:
    return _token("vs:" + key, "/wEPDwUKLTE2NDk3NDYxNQ9kFgJmD2QWAgIDD2QWBAIB", 150)


def eventvalidation(key: str) -> str:
    return _token("ev:" + key, "/wEdAAz", 93)


def _dmy(when: dt.datetime, time: bool = False) -> str:
    return when.strftime("%d/%m/%Y %H:%M" if time else "%d/%m/%Y")


class WebFormsPortal(CorpusSite):
    family = "aspnet_webforms"
    start_path = "/Default.aspx"

    def __init__(self) -> None:
        super().__init__()
        rng = random.Random(1975)
        when = dt.datetime(2019, 7, 26, 9, 40)
        news_id = 1372
        by_date = []
        for cat, title, lead in NEWS:  # newest first
            by_date.append(Article(news_id, cat, title, lead, when))
            news_id -= rng.randint(1, 6)
            when -= dt.timedelta(days=rng.randint(2, 6), minutes=rng.randint(-90, 90))
        self.news = {a.id: a for a in by_date}
        self.newest = by_date
        self.by_cat = {c: [a for a in by_date if a.cat == c] for c in CATEGORIES}
        for a in by_date:
            self.articles[a.title] = a.path
        self.counter = itertools.count(2_417_350)

    # -- links -------------------------------------------------------------------------

    def href(self, target: str, base: str | None = None, folder: str | None = None) -> str:
        """Record ``target`` and write it root-relative (the master page's ``~/`` links),
        or relative to the folder ``base`` (a NavigateUrl without ``~/``); a relative link
        resolves against the ``folder`` the page was requested in (IIS paths are
        case-insensitive, so that may be ``/pages/``)."""
        if base is None or not target.lower().startswith(base.lower()):
            self.link(target)
            return html.escape(target, quote=True)
        written = target[len(base) :]
        self.link((folder or base) + written)
        return html.escape(written, quote=True)

    def pages(self, cat: int) -> int:
        return -(-len(self.by_cat[cat]) // PER_PAGE)

    # -- routing -----------------------------------------------------------------------

    def lookup(self, request: Request) -> Response | None:
        path = request.path.lower()
        keys = [k.lower() for k, _ in parse_qsl(request.query, keep_blank_values=True)]
        values = [v for _, v in parse_qsl(request.query, keep_blank_values=True)]
        fields = (
            dict(parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True))
            if request.method == "POST"
            else None
        )
        if path in ("/", "/default.aspx") and not keys:
            return self.plain(request, fields, "home", self.home)
        if path == "/pages/gioithieu.aspx" and not keys:
            return self.plain(request, fields, "about", self.about)
        if path == "/pages/lienhe.aspx" and not keys:
            return self.plain(request, fields, "contact", lambda r: self.contact(r, fields))
        if path == "/pages/timkiem.aspx":
            return self.search(request)
        if path == "/pages/tintuc.aspx" and keys == ["catid"] and values[0].isdigit():
            cat = int(values[0])
            if cat in CATEGORIES:
                return self.listing_request(request, cat, fields)
        if path == "/pages/chitiettin.aspx" and keys == ["newsid", "catid"]:
            if values[0].isdigit() and values[1].isdigit():
                article = self.news.get(int(values[0]))
                if article and article.cat == int(values[1]):
                    return self.plain(
                        request, fields, f"news:{article.id}", lambda r: self.detail(r, article)
                    )
        if path == "/app_themes/quangtri/style.css":
            return Response(b"body{font:12px Arial}.title{font-weight:bold}", "text/css")
        if path.startswith(("/images/", "/upload/images/")) and path.endswith(".gif"):
            return Response(GIF, "image/gif")
        if path == "/webresource.axd" and request.query:
            return Response(b"function WebForm_DoCallback(){}", "application/x-javascript")
        return None

    def plain(self, request: Request, fields, key: str, render) -> Response:
        """A page whose postback (if any) only re-renders it."""
        if fields is not None and fields.get("__VIEWSTATE") != viewstate(key):
            return self.server_error("Invalid viewstate.")
        return render(request)

    def listing_request(self, request: Request, cat: int, fields) -> Response:
        if fields is None:
            return self.listing(request, cat, 1)
        issued = {viewstate(f"list:{cat}:{p}"): p for p in range(1, self.pages(cat) + 1)}
        current = issued.get(fields.get("__VIEWSTATE", ""))
        if current is None:
            return self.server_error("Invalid viewstate.")
        if fields.get("__EVENTVALIDATION") != eventvalidation(f"list:{cat}:{current}"):
            return self.server_error(
                "Invalid postback or callback argument.  Event validation is enabled using"
                ' &lt;pages enableEventValidation="true"/&gt; in configuration.'
            )
        target = fields.get("__EVENTTARGET", "")
        argument = fields.get("__EVENTARGUMENT", "")
        last = self.pages(cat)
        if target == GRID and argument.startswith("Page$") and argument[5:].isdigit():
            wanted = int(argument[5:])
        elif target == GRID and argument in ("Page$Next", "Page$Prev", "Page$First", "Page$Last"):
            wanted = {
                "Page$Next": current + 1,
                "Page$Prev": current - 1,
                "Page$First": 1,
                "Page$Last": last,
            }[argument]
        elif target == NEXT and not argument:
            wanted = current + 1
        elif target == PREV and not argument:
            wanted = current - 1
        elif not target:
            wanted = current
        else:
            return self.server_error("Invalid postback or callback argument.")
        return self.listing(request, cat, max(1, min(last, wanted)))

    # -- pages -------------------------------------------------------------------------

    def page(self, request: Request, key: str, kind: str, content: str, left: str = "") -> Response:
        """The master page: header, a GET search form, then the one server form."""
        raw = request.raw_path
        own = raw + (f"?{request.query}" if request.query else "")
        if own in self.linked or own == self.start_path:
            # The action is the page's own URL, a link already; a URL nobody linked
            # (a crawler's guess) does not become one by being answered.
            self.link(own)
        action = html.escape(
            "./" + raw.rsplit("/", 1)[1] + (f"?{request.query}" if request.query else "")
        )
        event_validation = ""
        if kind == "list":
            event_validation = (
                '\n\t<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION"'
                f' value="{eventvalidation(key)}" />'
            )
        visits = f"{next(self.counter):,}".replace(",", ".")
        menu = "".join(
            f'<td class="menu-item"><a href="{self.href(t)}">{name}</a></td>'
            f'<td class="menu-sep"><img src="{self.href("/Images/menu_sep.gif")}" alt="" /></td>'
            for t, name in [
                ("/Default.aspx", "TRANG CHỦ"),
                ("/Pages/GioiThieu.aspx", "GIỚI THIỆU"),
                *((f"/Pages/TinTuc.aspx?CatID={c}", n.upper()) for c, n in CATEGORIES.items()),
                ("/Pages/LienHe.aspx", "LIÊN HỆ"),
            ]
        )
        categories = "".join(
            f'<tr><td class="cat-item">&raquo; <a href="{self.href(f"/Pages/TinTuc.aspx?CatID={c}")}">{n}</a></td></tr>'
            for c, n in CATEGORIES.items()
        )
        weblinks = [
            ("http://tinhuy.example.gov.vn/", "Tỉnh ủy Quảng Trị"),
            ("http://tuyengiao.example.vn/", "Ban Tuyên giáo Trung ương"),
            ("http://dangcongsan.example.vn/", "Báo điện tử Đảng Cộng sản Việt Nam"),
            ("http://baoquangtri.example.vn/", "Báo Quảng Trị"),
            ("http://qtv.example.vn/", "Đài Phát thanh - Truyền hình tỉnh"),
        ]
        options = "".join(f'<option value="{u}">{n}</option>' for u, n in weblinks)
        html_text = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>
	{TITLE}
</title><link href="{self.href("/App_Themes/QuangTri/style.css")}" type="text/css" rel="stylesheet" /></head>
<body style="margin:0px">
<table width="1000" align="center" cellpadding="0" cellspacing="0" border="0" class="wrapper">
<tr><td colspan="3" class="header"><a href="{self.href("/Default.aspx")}"><img src="{self.href("/Images/banner_top.gif")}" width="1000" height="150" border="0" alt="{ORG}" /></a></td></tr>
<tr><td colspan="3" class="search-row" align="right">
<form action="{self.href("/Pages/TimKiem.aspx")}" method="get" id="frmSearch" style="margin:0">
<input type="text" name="tukhoa" class="txtSearch" value="" /> <input type="submit" value="Tìm kiếm" class="btnSearch" />
</form></td></tr>
</table>
<form name="aspnetForm" method="post" action="{action}" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{viewstate(key)}" />
</div>

<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{
    theForm = document.aspnetForm;
}}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>

<script src="{self.href(WEBRESOURCE)}" type="text/javascript"></script>
<table width="1000" align="center" cellpadding="0" cellspacing="0" border="0">
<tr><td colspan="3"><table id="ctl00_tblMenu" class="menu" cellpadding="0" cellspacing="0"><tr>{menu}</tr></table></td></tr>
<tr>
<td width="200" valign="top" class="left">
<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="box-title">CHUYÊN MỤC</td></tr>{categories}</table>
{left}
<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="box-title">LIÊN KẾT WEBSITE</td></tr>
<tr><td><select name="ctl00$ddlLienKet" id="ctl00_ddlLienKet" onchange="if(this.value!='')window.open(this.value);"><option value="">-- Chọn liên kết --</option>{options}</select></td></tr></table>
</td>
<td width="600" valign="top" class="main">
{content}
</td>
<td width="200" valign="top" class="right">
<a href="http://tinhuy.example.gov.vn/" target="_blank"><img src="{self.href("/Images/bn_hoctap.gif")}" width="195" border="0" alt="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" /></a>
<a href="http://dangcongsan.example.vn/" target="_blank"><img src="{self.href("/Images/bn_dcs.gif")}" width="195" border="0" alt="Báo điện tử Đảng Cộng sản Việt Nam" /></a>
<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="box-title">THỐNG KÊ TRUY CẬP</td></tr>
<tr><td class="counter">Lượt truy cập: <span id="ctl00_lblCounter">{visits}</span></td></tr></table>
</td>
</tr>
<tr><td colspan="3" class="footer" align="center">
<b>CỔNG THÔNG TIN ĐIỆN TỬ BAN TUYÊN GIÁO TỈNH ỦY QUẢNG TRỊ</b><br />
Cơ quan chủ quản: Ban Tuyên giáo Tỉnh ủy Quảng Trị<br />
Địa chỉ: Số 45 Hùng Vương, phường 1, thành phố Đông Hà, tỉnh Quảng Trị - Điện thoại: 0233.3852.417 - Fax: 0233.3852.418<br />
Giấy phép số 12/GP-STTTT do Sở Thông tin và Truyền thông cấp ngày 20/5/2011<br />
Ghi rõ nguồn “Ban Tuyên giáo Tỉnh ủy Quảng Trị” khi phát hành lại thông tin từ website này.
</td></tr>
</table>
<div class="aspNetHidden">

	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="{GENERATORS[kind]}" />{event_validation}
</div></form>
</body>
</html>
"""
        return Response(html_text.encode("utf-8"))

    def item_link(
        self, a: Article, base: str, folder: str | None = None, lower: bool = False
    ) -> str:
        target = a.path
        if lower:
            target = "/pages/chitiettin.aspx" + target[len("/Pages/ChiTietTin.aspx") :]
        return self.href(target, base, folder)

    def home(self, request: Request) -> Response:
        marquee = " &nbsp;&nbsp;|&nbsp;&nbsp; ".join(
            f'<a href="{self.item_link(a, "/", lower=True)}" class="marquee-link">{a.title}</a>'
            for a in self.newest[:5]
        )
        top = self.newest[0]
        image = (
            f'<img src="{self.href(top.image)}" width="200" align="left" border="0" />'
            if top.image
            else ""
        )
        blocks = []
        for cat, name in CATEGORIES.items():
            first, *rest = self.by_cat[cat][:4]
            others = "".join(
                f'<tr><td class="other-item">&bull; <a href="{self.item_link(a, "/")}">{a.title}</a>'
                f' <span class="date">({_dmy(a.when)})</span></td></tr>'
                for a in rest
            )
            blocks.append(
                f'<table width="100%" class="home-cat" cellpadding="0" cellspacing="0">'
                f'<tr><td class="cat-title"><a href="{self.href(f"/Pages/TinTuc.aspx?CatID={cat}")}">{name.upper()}</a></td></tr>'
                f'<tr><td class="first-item"><a href="{self.item_link(first, "/")}" class="news-title">{first.title}</a>'
                f'<div class="summary">{first.summary}</div></td></tr>{others}'
                f'<tr><td align="right"><a href="{self.href(f"/Pages/TinTuc.aspx?CatID={cat}")}" class="more">Xem tiếp &raquo;</a></td></tr></table>'
            )
        content = (
            f'<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="marquee-title">TIN MỚI:</td>'
            f'<td><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">{marquee}</marquee></td></tr></table>'
            f'<table width="100%" class="tin-noi-bat" cellpadding="4"><tr><td>{image}'
            f'<a href="{self.item_link(top, "/")}" class="hot-title">{top.title}</a>'
            f'<span class="date">({_dmy(top.when)})</span><div class="summary">{top.summary}</div>'
            f'<a href="{self.item_link(top, "/")}" class="more">Chi tiết &raquo;</a></td></tr></table>'
            + "".join(blocks)
        )
        return self.page(request, "home", "home", content)

    def listing(self, request: Request, cat: int, number: int) -> Response:
        folder = request.raw_path.rsplit("/", 1)[0] + "/"
        items = self.by_cat[cat][(number - 1) * PER_PAGE : number * PER_PAGE]
        rows = "".join(
            f'<tr><td><div class="news-item"><a id="ctl00_MainContent_gvNews_ctl{i + 2:02d}_hlTitle" class="news-title" href="{self.item_link(a, "/Pages/", folder)}">{a.title}</a> '
            f'<span class="date">({_dmy(a.when)})</span>'
            f'<div class="summary">{a.summary}</div></div></td></tr>'
            for i, a in enumerate(items)
        )
        last = self.pages(cat)
        cells = "".join(
            f"<td><span>{n}</span></td>"
            if n == number
            else f'<td><a href="javascript:__doPostBack(&#39;{GRID}&#39;,&#39;Page${n}&#39;)">{n}</a></td>'
            for n in range(1, last + 1)
        )

        def button(target: str, ident: str, text: str, enabled: bool) -> str:
            if not enabled:
                return f'<a id="ctl00_MainContent_{ident}" class="aspNetDisabled">{text}</a>'
            return (
                f'<a id="ctl00_MainContent_{ident}" href="javascript:__doPostBack(&#39;{target}&#39;,&#39;&#39;)">'
                f"{text}</a>"
            )

        content = (
            f'<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="breadcrumb">'
            f'<a href="{self.href("/Default.aspx")}">Trang chủ</a> &raquo; {CATEGORIES[cat]}</td></tr></table>'
            f'<div><table class="gridview" cellspacing="0" border="0" id="ctl00_MainContent_gvNews" style="width:100%;border-collapse:collapse;">'
            f'{rows}<tr class="pager" align="center"><td colspan="1"><table border="0"><tr>{cells}</tr></table></td></tr></table></div>'
            f'<div class="paging-nav">{button(PREV, "lbtPrev", "&laquo; Trang trước", number > 1)}'
            f" &nbsp; {button(NEXT, 'lbtNext', 'Trang sau &raquo;', number < last)}</div>"
            f'<div class="paging-info">Trang {number}/{last}</div>'
        )
        return self.page(request, f"list:{cat}:{number}", "list", content)

    def detail(self, request: Request, a: Article) -> Response:
        folder = request.raw_path.rsplit("/", 1)[0] + "/"
        others = [o for o in self.by_cat[a.cat] if o is not a][:6]
        figure = ""
        if a.image:
            figure = (
                f'<table class="image" align="center" cellpadding="2"><tr><td><img src="{self.href(a.image)}" width="450" border="0" /></td></tr>'
                '<tr><td class="image_desc" align="center"><i>Ảnh minh họa</i></td></tr></table>'
            )
        body = "".join(
            f'<p style="text-align: justify;">{p}</p>' + (figure if i == 0 else "")
            for i, p in enumerate(a.paragraphs)
        )
        other_items = "".join(
            f'<li><a href="{self.item_link(o, "/Pages/", folder)}">{o.title}</a> <span class="date">({_dmy(o.when)})</span></li>'
            for o in others
        )
        content = f"""<table width="100%" cellpadding="0" cellspacing="0" class="tblChiTiet">
<tr><td class="breadcrumb"><a href="{self.href("/Default.aspx")}">Trang chủ</a> &raquo; <a href="{self.href(f"/Pages/TinTuc.aspx?CatID={a.cat}", "/Pages/", folder)}">{CATEGORIES[a.cat]}</a></td></tr>
<tr><td style="padding:10px 0px 5px 0px"><span id="ctl00_MainContent_lblTitle" class="title">{a.title}</span></td></tr>
<tr><td><span class="date">({_dmy(a.when, time=True)})</span></td></tr>
<tr><td><div id="ctl00_MainContent_pnlContent">
	{body}
</div></td></tr>
<tr><td align="right" class="tacgia"><span id="ctl00_MainContent_lblTacGia"><b>{a.author}</b></span></td></tr>
<tr><td class="congcu" align="right"><a href="javascript:window.print();">In trang</a> | <a href="javascript:history.go(-1);">Quay lại</a></td></tr>
</table>
<table width="100%" cellpadding="0" cellspacing="0" class="tinkhac">
<tr><td class="tinkhac-title">Các tin khác</td></tr>
<tr><td><ul>{other_items}</ul></td></tr></table>"""
        return self.page(request, f"news:{a.id}", "news", content)

    def about(self, request: Request) -> Response:
        content = (
            '<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="breadcrumb">Giới thiệu</td></tr>'
            '<tr><td><div id="ctl00_MainContent_pnlGioiThieu">'
            f"<p>{ORG} là cơ quan tham mưu, giúp việc của Ban Chấp hành Đảng bộ tỉnh, trực tiếp và thường xuyên là Ban Thường vụ Tỉnh ủy"
            " về chủ trương, nhiệm vụ, giải pháp trong lĩnh vực chính trị, tư tưởng, lý luận chính trị, lịch sử Đảng, tuyên truyền,"
            " báo chí, xuất bản, văn hóa, văn nghệ, khoa giáo; đồng thời là cơ quan chuyên môn - nghiệp vụ về công tác tuyên giáo của Tỉnh ủy.</p>"
            "</div></td></tr></table>"
        )
        return self.page(request, "about", "page", content)

    def contact(self, request: Request, fields) -> Response:
        message = ""
        if fields and SEND in fields:
            message = '<span id="ctl00_MainContent_lblThongBao" class="error">Vui lòng nhập đầy đủ họ tên, email và nội dung liên hệ.</span>'
        content = f"""<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="breadcrumb">Liên hệ</td></tr>
<tr><td><b>BAN TUYÊN GIÁO TỈNH ỦY QUẢNG TRỊ</b><br />Địa chỉ: Số 45 Hùng Vương, phường 1, thành phố Đông Hà, tỉnh Quảng Trị<br />
Điện thoại: 0233.3852.417 - Fax: 0233.3852.418 - Email: btgtu@example.gov.vn</td></tr>
<tr><td>{message}<table class="lienhe" cellpadding="3">
<tr><td>Họ và tên (*)</td><td><input name="ctl00$MainContent$txtHoTen" type="text" id="ctl00_MainContent_txtHoTen" /></td></tr>
<tr><td>Email (*)</td><td><input name="ctl00$MainContent$txtEmail" type="text" id="ctl00_MainContent_txtEmail" /></td></tr>
<tr><td>Nội dung (*)</td><td><textarea name="ctl00$MainContent$txtNoiDung" rows="6" cols="50" id="ctl00_MainContent_txtNoiDung"></textarea></td></tr>
<tr><td></td><td><input type="submit" name="{SEND}" value="Gửi liên hệ" id="ctl00_MainContent_btnGui" /></td></tr>
</table></td></tr></table>"""
        return self.page(request, "contact", "page", content)

    def search(self, request: Request) -> Response:
        content = (
            '<table width="100%"><tr><td class="breadcrumb">Kết quả tìm kiếm</td></tr>'
            "<tr><td>Không tìm thấy kết quả nào phù hợp với từ khóa.</td></tr></table>"
        )
        return self.page(request, "search", "page", content)

    def server_error(self, message: str) -> Response:
        body = (
            f'<html><head><title>{message}</title></head><body bgcolor="white">'
            f"<span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>"
            f"<h2> <i>{message}</i> </h2></span>"
            "<b> Exception Details: </b>System.Web.HttpException: " + message + "</body></html>"
        )
        return Response(body.encode("utf-8"), status=500)


def make_site() -> CorpusSite:
    return WebFormsPortal()
