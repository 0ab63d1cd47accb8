"""A Liferay 7.0 (classic theme) provincial portal, its news shown by Asset Publisher
portlets.

`/web/guest/trang-chu` (home), `/web/guest/tin-tuc` (the news page, an Asset Publisher
of 10 a page), articles at
`/web/guest/tin-tuc/-/asset_publisher/Ab3dEf/content/<url-title>?inheritRedirect=false
&redirect=<the linking page's URL, encoded>`. What it holds for a crawler:

- ``redirect=`` varies with the page that linked the article: each listing page (page 1
  is also linked as ``..._cur=1`` from the paginator of pages 2 and 3), the home page's
  own Asset Publisher (which links ``/web/guest/trang-chu/-/asset_publisher/Kq9Lm2/
  content/...``, another path altogether) and "Tin liên quan" (namespaced
  ``_..._assetEntryId=&_..._redirect=`` parameters). Every article page names itself
  with an absolute ``<link rel="canonical">`` (and og:url) without the query; that URL is
  never linked.
- Listing pages carry a canonical too: page 2's names ``/web/guest/tin-tuc``.
- ``<title>`` and og:title are "<headline> - Tin tức - <site>"; the page has two <h1>s
  (the hidden "Điều hướng" of the quick-access nav, and the site title); the headline is
  ``h3.header-title span`` of the asset's full content.
- The "Giới thiệu" page and the home page's "Thông báo" are Web Content Display portlets:
  the same ``journal-content-article`` markup as an article's body.
- A view counter ("Lượt xem") under each article changes on every request.
- Navigation links are absolute URLs; robots.txt names /sitemap.xml, which lists pages.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
import threading
import unicodedata
from urllib.parse import parse_qsl, quote

from cms_sites.base import TEXT, XML, CorpusSite
from tuyengiao_crawler.demo_site.serving import Request, Response

SITE = "Ban Tuyên giáo Tỉnh ủy Đồng Nai"
PORTLET = "com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet"
NEWS_INSTANCE = "Ab3dEf"
HOME_INSTANCE = "Kq9Lm2"
NS = f"{PORTLET}_INSTANCE_{NEWS_INSTANCE}"
DELTA = 10
STAMP = "1600761373000"
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
CSS = f"/o/classic-theme/css/main.css?browserId=other&themeId=classic_WAR_classictheme&minifierType=css&languageId=vi_VN&b=7010&t={STAMP}"
COMBO = f"/combo?browserId=other&minifierType=js&languageId=vi_VN&b=7010&t={STAMP}&/o/frontend-js-web/jquery/jquery.js&/o/frontend-js-web/liferay/dom_task_runner.js&/o/frontend-js-web/liferay/events.js"
LOGO = f"/image/layout_set_logo?img_id=36501&t={STAMP}"
PAGES = {
    "/web/guest/trang-chu": "Trang chủ",
    "/web/guest/tin-tuc": "Tin tức",
    "/web/guest/gioi-thieu": "Giới thiệu",
    "/web/guest/lien-he": "Liên hệ",
}

NEWS = [
    (
        "Hội nghị báo cáo viên Tỉnh ủy tháng 12/2020",
        "Sáng {date}, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên Tỉnh ủy định kỳ tháng 12/2020 theo hình thức trực tuyến đến 11 điểm cầu huyện, thành phố, với hơn 600 đại biểu tham dự.",
    ),
    (
        "Đồng Nai triển khai Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI",
        "Ngày {date}, Ban Thường vụ Tỉnh ủy tổ chức hội nghị học tập, quán triệt, triển khai Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Đồng Nai lần thứ XI, nhiệm kỳ 2020 - 2025 cho cán bộ chủ chốt của tỉnh.",
    ),
    (
        "Biên Hòa tuyên truyền Đại hội XIII của Đảng bằng nhiều hình thức sáng tạo",
        "Hướng tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Thành ủy Biên Hòa đã chỉ đạo đẩy mạnh tuyên truyền bằng nhiều hình thức sáng tạo, từ tranh cổ động, màn hình LED đến các cuộc thi trực tuyến.",
    ),
    (
        "Giải Báo chí về xây dựng Đảng tỉnh Đồng Nai lần thứ IV",
        "Tối {date}, Tỉnh ủy Đồng Nai tổ chức lễ trao Giải Báo chí về xây dựng Đảng lần thứ IV năm 2020. Ban Tổ chức đã nhận được 186 tác phẩm của các tác giả trong và ngoài tỉnh.",
    ),
    (
        "Ban Tuyên giáo Tỉnh ủy tập huấn kỹ năng viết tin bài cho cộng tác viên",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy tổ chức lớp tập huấn kỹ năng viết tin, bài và khai thác thông tin trên mạng xã hội cho 150 cộng tác viên là cán bộ tuyên giáo các huyện, thành phố.",
    ),
    (
        "Long Khánh nâng cao chất lượng sinh hoạt chi bộ khu phố",
        "Những năm qua, Đảng bộ thành phố Long Khánh đã tập trung chỉ đạo nâng cao chất lượng sinh hoạt chi bộ, đặc biệt là các chi bộ khu phố, ấp - nơi trực tiếp gắn bó với đời sống Nhân dân.",
    ),
    (
        "Hội thảo “Tư tưởng Hồ Chí Minh về xây dựng Đảng về đạo đức”",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy phối hợp với Trường Chính trị tỉnh tổ chức hội thảo khoa học “Tư tưởng Hồ Chí Minh về xây dựng Đảng về đạo đức - Giá trị lý luận và thực tiễn”.",
    ),
    (
        "Phát động Cuộc thi trắc nghiệm tìm hiểu 90 năm lịch sử Đảng bộ tỉnh",
        "Ban Tuyên giáo Tỉnh ủy vừa phát động Cuộc thi trắc nghiệm trực tuyến tìm hiểu 90 năm lịch sử Đảng bộ tỉnh Đồng Nai (1930 - 2020), dành cho cán bộ, đảng viên, học sinh, sinh viên và Nhân dân trong tỉnh.",
    ),
    (
        "Nhơn Trạch chú trọng công tác nắm bắt dư luận xã hội trong khu công nghiệp",
        "Với 12 khu công nghiệp và hơn 100.000 công nhân lao động, huyện Nhơn Trạch xác định nắm bắt dư luận xã hội trong công nhân là nhiệm vụ trọng tâm của công tác tuyên giáo.",
    ),
    (
        "Tuyên truyền phòng, chống dịch Covid-19 trong công nhân lao động",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy phối hợp với Liên đoàn Lao động tỉnh ra quân tuyên truyền các biện pháp phòng, chống dịch Covid-19 tại các doanh nghiệp, khu nhà trọ công nhân.",
    ),
    (
        "Trảng Bom ra mắt mô hình “Chi bộ thông minh”",
        "Ngày {date}, Đảng ủy xã Hố Nai 3, huyện Trảng Bom tổ chức ra mắt mô hình “Chi bộ thông minh”, ứng dụng công nghệ thông tin trong quản lý đảng viên và sinh hoạt chi bộ.",
    ),
    (
        "Sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW trong lực lượng vũ trang tỉnh",
        "Ngày {date}, Đảng ủy Quân sự tỉnh tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    ),
    (
        "Gặp mặt báo chí nhân kỷ niệm 95 năm Ngày Báo chí cách mạng Việt Nam",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy phối hợp với Hội Nhà báo tỉnh tổ chức họp mặt kỷ niệm 95 năm Ngày Báo chí cách mạng Việt Nam (21/6/1925 - 21/6/2020).",
    ),
    (
        "Xuân Lộc tổ chức Hội thi tuyên truyền viên giỏi năm 2020",
        "Ngày {date}, Ban Tuyên giáo Huyện ủy Xuân Lộc tổ chức chung kết Hội thi tuyên truyền viên giỏi năm 2020 với sự tham gia của 15 thí sinh đại diện cho các xã, thị trấn.",
    ),
    (
        "Định Quán đưa nghị quyết vào cuộc sống ở vùng đồng bào dân tộc",
        "Huyện Định Quán có hơn 20 dân tộc anh em cùng sinh sống. Để nghị quyết của Đảng đến được với đồng bào, Huyện ủy đã chỉ đạo nhiều cách làm phù hợp với phong tục, tập quán từng dân tộc.",
    ),
    (
        "Ban Chỉ đạo 35 tỉnh Đồng Nai sơ kết 6 tháng đầu năm 2020",
        "Ngày {date}, Ban Chỉ đạo 35 tỉnh tổ chức hội nghị sơ kết công tác bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch 6 tháng đầu năm 2020.",
    ),
    (
        "Học tập chuyên đề năm 2020 trong các cơ quan khối Đảng tỉnh",
        "Ngày {date}, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị học tập, quán triệt chuyên đề năm 2020 về tư tưởng, đạo đức, phong cách Hồ Chí Minh cho hơn 500 cán bộ, đảng viên.",
    ),
    (
        "Tọa đàm “Phát huy truyền thống Chiến khu Đ trong giai đoạn mới”",
        "Ngày {date}, tại Khu di tích Trung ương Cục miền Nam, Ban Tuyên giáo Tỉnh ủy tổ chức tọa đàm “Phát huy truyền thống Chiến khu Đ trong sự nghiệp xây dựng và phát triển tỉnh Đồng Nai”.",
    ),
    (
        "Vĩnh Cửu tăng cường tuyên truyền bảo vệ rừng gắn với phát triển du lịch",
        "Với diện tích rừng lớn nhất tỉnh, huyện Vĩnh Cửu xác định tuyên truyền bảo vệ rừng gắn với phát triển du lịch sinh thái là nhiệm vụ thường xuyên của cả hệ thống chính trị.",
    ),
    (
        "Tân Phú biểu dương gương điển hình học tập và làm theo Bác",
        "Ngày {date}, Huyện ủy Tân Phú tổ chức hội nghị biểu dương 35 tập thể, 64 cá nhân điển hình tiên tiến trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2016 - 2020.",
    ),
    (
        "Cẩm Mỹ tuyên truyền chính sách pháp luật cho đồng bào có đạo",
        "Huyện Cẩm Mỹ có gần 40% dân số là đồng bào theo các tôn giáo. Thời gian qua, công tác tuyên truyền chính sách, pháp luật cho đồng bào có đạo được cấp ủy, chính quyền quan tâm thực hiện.",
    ),
    (
        "Thống Nhất tổ chức lớp bồi dưỡng lý luận chính trị cho đảng viên mới",
        "Ngày {date}, Trung tâm Chính trị huyện Thống Nhất khai giảng lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới năm 2020 với 95 học viên.",
    ),
    (
        "Hội nghị cộng tác viên dư luận xã hội tỉnh năm 2020",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị cộng tác viên dư luận xã hội năm 2020 nhằm đánh giá kết quả hoạt động và định hướng nhiệm vụ thời gian tới.",
    ),
    (
        "Hội nghị quán triệt các văn bản của Trung ương về công tác cán bộ",
        "Ngày {date}, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt các văn bản mới của Trung ương về công tác cán bộ, kiểm soát quyền lực trong công tác cán bộ và chống chạy chức, chạy quyền.",
    ),
    (
        "Tổng kết công tác tuyên giáo năm 2019, triển khai nhiệm vụ năm 2020",
        "Ngày {date}, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác tuyên giáo năm 2019 và triển khai nhiệm vụ năm 2020. Dự hội nghị có lãnh đạo Ban Tuyên giáo Trung ương.",
    ),
]

POOL = [
    "Tại hội nghị, đồng chí {leader} đã thông tin nhiều nội dung thời sự nổi bật trong nước, quốc tế và tình hình kinh tế - xã hội của tỉnh.",
    "Theo báo cáo, năm 2020 toàn tỉnh tổ chức {n} hội nghị quán triệt với hơn {m} lượt cán bộ, đảng viên tham gia.",
    "Công tác tuyên truyền được thực hiện đa dạng, kết hợp giữa hình thức truyền thống với các nền tảng số như Zalo, Facebook, YouTube.",
    "Đội ngũ báo cáo viên, tuyên truyền viên ở {place} đã bám sát cơ sở, kịp thời nắm bắt tâm tư, nguyện vọng của cán bộ, đảng viên và Nhân dân.",
    "Trong khu công nghiệp, các tổ chức đảng, công đoàn đã phối hợp chặt chẽ với doanh nghiệp để tuyên truyền đến công nhân lao động.",
    "Tuy nhiên, việc nắm bắt dư luận ở một số nơi còn chậm, chưa chủ động; chất lượng thông tin phản ánh chưa cao.",
    "Phát biểu chỉ đạo, đồng chí {leader} đề nghị các cấp ủy tiếp tục đổi mới nội dung, phương thức, nâng cao tính chiến đấu của công tác tuyên giáo.",
    "Các đại biểu đã thảo luận, đóng góp {n} ý kiến tâm huyết, tập trung vào giải pháp nâng cao hiệu quả công tác trong tình hình mới.",
    "Dịp này, Ban Tuyên giáo Tỉnh ủy trao giấy khen cho {n} tập thể và {m2} cá nhân có thành tích xuất sắc.",
    "Qua đó góp phần tạo sự đồng thuận cao trong xã hội, củng cố niềm tin của Nhân dân vào sự lãnh đạo của Đảng.",
    "Đồng Nai hiện có {n} khu công nghiệp đang hoạt động, thu hút hàng trăm nghìn lao động từ các tỉnh, thành phố trong cả nước.",
    "Nhiều mô hình hay như “Khu phố không rác”, “Ấp văn hóa kiểu mẫu”, “Chi bộ 3 tốt” được triển khai và nhân rộng ở {place}.",
    "Lớp học kéo dài {d} ngày với các chuyên đề về nghiệp vụ báo chí, kỹ năng tuyên truyền miệng và xử lý khủng hoảng truyền thông.",
    "Thời gian tới, {org} sẽ tiếp tục tham mưu cấp ủy lãnh đạo, chỉ đạo đẩy mạnh tuyên truyền các sự kiện chính trị quan trọng của đất nước.",
    "Dư luận Nhân dân phấn khởi trước kết quả phát triển kinh tế - xã hội, song còn quan tâm đến tiến độ dự án sân bay Long Thành và các công trình giao thông trọng điểm.",
    "Ban Tuyên giáo Tỉnh ủy đã phát hành {n} số Bản tin Thông báo nội bộ, {m2} đề cương tuyên truyền và hàng nghìn tờ rơi, áp phích.",
    "Buổi sinh hoạt diễn ra dân chủ, cởi mở; nhiều đảng viên thẳng thắn nêu ý kiến, đề xuất cách làm mới để nâng cao chất lượng hoạt động.",
    "Kết thúc đợt kiểm tra, đoàn đề nghị các đơn vị khắc phục tồn tại, hạn chế và báo cáo kết quả trước ngày {deadline}.",
    "Cùng với đó, các địa phương đẩy mạnh chuyển đổi số trong công tác tuyên truyền, xây dựng trang thông tin điện tử của xã, phường.",
    "Đến nay, {place} có {n} ấp, khu phố được công nhận đạt chuẩn văn hóa, tỷ lệ hộ gia đình văn hóa đạt trên {pct}%.",
]
PLACES = [
    "thành phố Biên Hòa",
    "thành phố Long Khánh",
    "huyện Nhơn Trạch",
    "huyện Long Thành",
    "huyện Trảng Bom",
    "huyện Thống Nhất",
    "huyện Xuân Lộc",
    "huyện Cẩm Mỹ",
    "huyện Định Quán",
    "huyện Tân Phú",
    "huyện Vĩnh Cửu",
]
LEADERS = [
    "Nguyễn Sơn Hùng, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Lê Thị Ngọc Loan, Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Phạm Văn Khánh, Báo cáo viên Trung ương",
]
AUTHORS = ["Hải Yến", "Ngọc Liên", "Văn Truyền", "Kim Ngân", "Đăng Tùng"]


def url_title(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def encode(url: str) -> str:
    return quote(url, safe="")


class Asset:
    def __init__(self, entry_id: int, title: str, lead: str, when: dt.datetime) -> None:
        self.entry_id, self.title, self.when = entry_id, title, when
        self.article_id = entry_id - 7
        self.slug = url_title(title)
        rng = random.Random(entry_id)
        lead = lead.format(date=f"{when.day}/{when.month}")
        chosen = rng.sample(POOL, rng.randint(7, 9))
        paragraphs = [lead]
        while chosen:
            size = rng.randint(2, 3)
            paragraphs.append(" ".join(self._fill(s, rng) for s in chosen[:size]))
            chosen = chosen[size:]
        self.paragraphs = paragraphs
        self.summary = lead
        self.author = rng.choice(AUTHORS)
        self.views = rng.randint(150, 2400)

    @staticmethod
    def _fill(template: str, rng: random.Random) -> str:
        return template.format(
            leader=rng.choice(LEADERS),
            org=SITE,
            place=rng.choice(PLACES),
            n=rng.randint(3, 32),
            m=f"{rng.randint(20, 90) * 1000 + rng.randint(100, 999):,}".replace(",", "."),
            m2=rng.randint(15, 80),
            d=rng.randint(2, 5),
            pct=rng.randint(90, 98),
            deadline=f"{rng.randint(10, 28)}/{rng.randint(1, 12)}/2021",
        )

    def content_path(self, page: str = "/web/guest/tin-tuc", instance: str = NEWS_INSTANCE) -> str:
        return f"{page}/-/asset_publisher/{instance}/content/{self.slug}"

    @property
    def canonical(self) -> str:
        return self.content_path()


class LiferayPortal(CorpusSite):
    family = "liferay"
    start_path = "/web/guest/trang-chu"

    def __init__(self) -> None:
        super().__init__()
        rng = random.Random(7010)
        when = dt.datetime(2020, 12, 12, 10, 5)
        entry = 41290
        self.assets: list[Asset] = []
        for title, lead in NEWS:
            self.assets.append(Asset(entry, title, lead, when))
            entry -= rng.randint(3, 40)
            when -= dt.timedelta(days=rng.randint(5, 16), minutes=rng.randint(-200, 200))
        self.by_slug = {a.slug: a for a in self.assets}
        for a in self.assets:
            self.articles[a.title] = a.canonical
        self.views = {a.entry_id: a.views for a in self.assets}
        self.lock = threading.Lock()

    def href(self, target: str) -> str:
        return self.link(target)

    def own(self, request: Request) -> str:
        return request.raw_path + (f"?{request.query}" if request.query else "")

    def page_link(self, cur: int) -> str:
        return (
            f"/web/guest/tin-tuc?p_p_id={NS}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
            f"&_{NS}_delta={DELTA}&p_r_p_resetCur=false&_{NS}_cur={cur}"
        )

    # -- routing -----------------------------------------------------------------------

    def lookup(self, request: Request) -> Response | None:
        path = request.path.rstrip("/") or "/"
        query = dict(parse_qsl(request.query, keep_blank_values=True))
        if path == "/robots.txt":
            sitemap = request.base_url + self.href("/sitemap.xml")
            return Response(f"User-Agent: *\nDisallow:\nSitemap: {sitemap}\n".encode(), TEXT)
        if path == "/sitemap.xml":
            return self.sitemap(request)
        if path in ("/web/guest", "/web/guest/trang-chu"):
            return self.home(request)
        if path == "/web/guest/tin-tuc":
            cur = query.get(f"_{NS}_cur", "1") if query.get("p_p_id") == NS else "1"
            return self.listing(request, int(cur)) if cur.isdigit() else None
        if path == "/web/guest/gioi-thieu":
            return self.about(request)
        if path == "/web/guest/lien-he":
            return self.contact(request)
        if path == "/web/guest/search":
            return self.search(request)
        match = re.fullmatch(
            r"/web/guest/(tin-tuc|trang-chu)/-/asset_publisher/(\w+)/content/([a-z0-9-]+)", path
        )
        if match:
            page, instance, slug = match.groups()
            if (page, instance) in (("tin-tuc", NEWS_INSTANCE), ("trang-chu", HOME_INSTANCE)):
                asset = self.by_slug.get(slug)
                if asset is not None:
                    return self.full_content(request, asset, page, instance, query)
            return None
        if path.startswith("/o/classic-theme/css/"):
            return Response(b"/* classic */", "text/css")
        if path == "/combo":
            return Response(b"/* combo */", "application/javascript")
        if path.startswith(("/o/classic-theme/images/", "/image/", "/documents/")):
            return Response(GIF, "image/gif")
        return None

    # -- the theme ---------------------------------------------------------------------

    def portlet(self, ns: str, kind: str, title: str, body: str) -> str:
        return f"""<div class="portlet-boundary portlet-boundary_{kind}_  portlet-static portlet-static-end portlet-decorate {"portlet-asset-publisher" if "asset_publisher" in kind else "portlet-journal-content"} " id="p_p_id_{ns}_">
<span id="p_{ns}"></span>
<section class="portlet" id="portlet_{ns}">
<header class="portlet-topper"><h2 class="portlet-title-text">{title}</h2></header>
<div class="portlet-content"><div class=" portlet-content-container"><div class="portlet-body">
{body}
</div></div></div>
</section>
</div>"""

    def theme(
        self,
        request: Request,
        title: str,
        canonical: str,
        columns: list[str],
        selected: str,
        meta: str = "",
    ) -> Response:
        own = self.own(request)
        if own in self.linked or own == self.start_path:
            self.link(own)
        base = request.base_url
        nav = "".join(
            f'<li class="{"selected" if path == selected else ""}" id="layout_{n + 1}" role="presentation">'
            f'<a aria-labelledby="layout_{n + 1}" href="{self.href(base + path)}" role="menuitem"><span> {name}</span></a></li>'
            for n, (path, name) in enumerate(PAGES.items())
        )
        first, *rest = columns
        second = "".join(rest)
        page = f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<title>{title}</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<link href="{self.href(base + "/o/classic-theme/images/favicon.ico")}" rel="icon" />
<link data-senna-track="temporary" href="{html.escape(base + canonical)}" rel="canonical" />
<meta property="og:locale" content="vi_VN">
<meta property="og:site_name" content="{SITE}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:url" content="{html.escape(base + canonical)}">
<meta property="og:type" content="website">{meta}
<link class="lfr-css-file" data-senna-track="temporary" href="{self.href(base + CSS)}" id="liferayAUICSS" rel="stylesheet" type="text/css" />
<script data-senna-track="permanent" src="{self.href(COMBO)}" type="text/javascript"></script>
<script data-senna-track="temporary" type="text/javascript">
// <![CDATA[
var themeDisplay = Liferay.ThemeDisplay = {{
	getLayoutRelativeURL: function() {{ return '{canonical}'; }},
	getPortalURL: function() {{ return '{base}'; }},
	getPathThemeImages: function() {{ return '{base}/o/classic-theme/images'; }},
	getLanguageId: function() {{ return 'vi_VN'; }},
	isSignedIn: function() {{ return false; }}
}};
// ]]>
</script>
</head>
<body class="controls-visible  yui3-skin-sam guest-site signed-out public-page site">
<nav class="quick-access-nav" id="tvgs_quickAccessNav">
<h1 class="hide-accessible">Điều hướng</h1>
<ul><li><a href="#main-content">Nhảy đến nội dung chính</a></li></ul>
</nav>
<div class="container-fluid" id="wrapper">
<header id="banner" role="banner">
<div id="heading">
<h1 class="site-title">
<a class="logo custom-logo" href="{self.href(base + "/web/guest")}" title="Đi đến {SITE}">
<img alt="" height="90" src="{self.href(LOGO)}" width="420" />
</a>
<span class="site-name" title="Đi đến {SITE}">{SITE}</span>
</h1>
</div>
<form action="{self.href(base + "/web/guest/search")}" class="form-inline search-bar" method="get">
<input class="form-control search-input" name="q" placeholder="Tìm kiếm..." title="Tìm kiếm" type="text" value="" />
<button class="btn btn-default" type="submit">Tìm</button>
</form>
<nav class="sort-pages modify-pages navbar site-navigation" id="navigation" role="navigation">
<ul aria-label="Trang web" role="menubar">{nav}</ul>
</nav>
</header>
<section id="content">
<div class="columns-2" id="main-content" role="main">
<div class="portlet-layout row">
<div class="col-md-8 portlet-column portlet-column-first" id="column-1">
<div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-1">
{first}
</div>
</div>
<div class="col-md-4 portlet-column portlet-column-last" id="column-2">
<div class="portlet-dropzone portlet-column-content portlet-column-content-last" id="layout-column_column-2">
{second}
</div>
</div>
</div>
</div>
<form action="#" aria-hidden="true" class="hide" id="hrefFm" method="post" name="hrefFm"><span></span></form>
</section>
<footer id="footer" role="contentinfo">
<p class="powered-by"><strong>{SITE.upper()}</strong><br/>Địa chỉ: Số 2, đường Nguyễn Văn Trị, phường Thanh Bình, thành phố Biên Hòa, tỉnh Đồng Nai<br/>
Điện thoại: 0251.3822.306 - Email: btgtu@example.gov.vn<br/>Giấy phép số 05/GP-TTĐT ngày 20/3/2017 của Sở Thông tin và Truyền thông tỉnh Đồng Nai</p>
</footer>
</div>
</body>
</html>
"""
        return Response(page.encode("utf-8"))

    def side(self, request: Request) -> list[str]:
        weblinks = "".join(
            f'<li><a href="{u}" target="_blank">{n}</a></li>'
            for u, n in [
                ("http://dongnai.example.gov.vn/", "Cổng thông tin điện tử tỉnh Đồng Nai"),
                ("http://tuyengiao.example.vn/", "Ban Tuyên giáo Trung ương"),
                ("http://dangcongsan.example.vn/", "Báo điện tử Đảng Cộng sản Việt Nam"),
                ("http://baodongnai.example.vn/", "Báo Đồng Nai"),
            ]
        )
        links = (
            '<div class="journal-content-article" data-analytics-asset-id="36620" data-analytics-asset-title="Liên kết website" data-analytics-asset-type="web-content">'
            f'<ul class="lien-ket">{weblinks}</ul>'
            f'<p><a href="http://tuyengiao.example.vn/" target="_blank"><img alt="Học tập và làm theo Bác" src="{self.href("/documents/20143/0/banner-hoc-tap-bac.gif/5b0e7f3c-1d2a-9c44-a3e1-0f6b2c8d7e51?t=" + STAMP)}" /></a></p></div>'
        )
        return [
            self.portlet(
                "com_liferay_journal_content_web_portlet_JournalContentPortlet_INSTANCE_lkWeb1",
                "com_liferay_journal_content_web_portlet_JournalContentPortlet",
                "Liên kết website",
                links,
            )
        ]

    # -- pages -------------------------------------------------------------------------

    def abstract(self, a: Asset, href: str) -> str:
        return f"""<div class="asset-abstract "><span class="asset-anchor lfr-asset-anchor" id="{a.entry_id}"></span>
<div class="lfr-meta-actions asset-actions"></div>
<h4 class="asset-title"><a href="{href}">{a.title}</a></h4>
<div class="asset-content"><div class="asset-summary"><div class="asset-small-image"><img alt="" class="asset-small-image" src="{self.href(f"/documents/20143/{a.article_id}/anh-{a.entry_id}.gif/0c{a.entry_id}?t={STAMP}&imagePreview=1")}" width="150" /></div>{a.summary}</div>
<div class="asset-more"><a href="{href}">Xem thêm <span class="hide-accessible">về {a.title}</span> &raquo; </a></div></div>
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{a.when:%d/%m/%Y}</span></div>
</div>"""

    def home(self, request: Request) -> Response:
        here = request.base_url + self.own(request)
        items = "".join(
            self.abstract(
                a,
                self.href(
                    f"{a.content_path('/web/guest/trang-chu', HOME_INSTANCE)}?inheritRedirect=false&redirect={encode(here)}"
                ),
            )
            for a in self.assets[:5]
        )
        more = f'<div class="asset-more-link"><a href="{self.href(request.base_url + "/web/guest/tin-tuc")}">Xem tất cả tin &raquo;</a></div>'
        notice = (
            '<div class="journal-content-article" data-analytics-asset-id="36588" data-analytics-asset-title="Thông báo" data-analytics-asset-type="web-content">'
            "<p>Ban Tuyên giáo Tỉnh ủy Đồng Nai thông báo: Trang thông tin điện tử chính thức chuyển sang giao diện mới từ ngày 01/10/2020."
            " Bạn đọc gửi tin, bài cộng tác về địa chỉ thư điện tử của Ban.</p></div>"
        )
        columns = [
            self.portlet(
                f"{PORTLET}_INSTANCE_{HOME_INSTANCE}", PORTLET, "Tin nổi bật", items + more
            ),
            self.portlet(
                "com_liferay_journal_content_web_portlet_JournalContentPortlet_INSTANCE_tbHome",
                "com_liferay_journal_content_web_portlet_JournalContentPortlet",
                "Thông báo",
                notice,
            ),
            *self.side(request),
        ]
        return self.theme(
            request, f"Trang chủ - {SITE}", "/web/guest/trang-chu", columns, "/web/guest/trang-chu"
        )

    def listing(self, request: Request, cur: int) -> Response | None:
        pages = -(-len(self.assets) // DELTA)
        if not 1 <= cur <= pages:
            return None
        shown = self.assets[(cur - 1) * DELTA : cur * DELTA]
        here = request.base_url + self.own(request)
        items = "".join(
            self.abstract(
                a, self.href(f"{a.content_path()}?inheritRedirect=false&redirect={encode(here)}")
            )
            for a in shown
        )

        def button(label: str, target: int, enabled: bool) -> str:
            if not enabled:
                return f'<li class="disabled"><a href="javascript:;">{label}</a></li>'
            return f'<li><a href="{self.href(request.base_url + self.page_link(target))}">{label}</a></li>'

        menu = "".join(
            f'<li><a href="{self.href(request.base_url + self.page_link(n))}">{n}</a></li>'
            for n in range(1, pages + 1)
        )
        paginator = f"""<div class="taglib-page-iterator" id="_{NS}_ocerSearchContainerPageIterator">
<div class="clearfix lfr-pagination">
<div class="lfr-pagination-config"><div class="lfr-pagination-page-selector"><div class="btn-group lfr-icon-menu current-page-menu">
<a class="dropdown-toggle direction-down max-display-items-15 btn btn-default" href="javascript:;" title="Trang {cur} / {pages}"><span class="lfr-icon-menu-text">Trang {cur} / {pages}</span> <i class="caret"></i></a>
<ul class="dropdown-menu lfr-menu-list direction-down" role="menu">{menu}</ul>
</div></div></div>
<small class="search-results">Hiển thị {(cur - 1) * DELTA + 1} - {(cur - 1) * DELTA + len(shown)} của {len(self.assets)} kết quả.</small>
<ul class="lfr-pagination-buttons pager">
{button("Đầu", 1, cur > 1)}{button("Trước", cur - 1, cur > 1)}{button("Sau", cur + 1, cur < pages)}{button("Cuối", pages, cur < pages)}
</ul>
</div></div>"""
        columns = [
            self.portlet(NS, PORTLET, "Tin tức", items + paginator),
            *self.side(request),
        ]
        return self.theme(
            request, f"Tin tức - {SITE}", "/web/guest/tin-tuc", columns, "/web/guest/tin-tuc"
        )

    def full_content(
        self, request: Request, a: Asset, page: str, instance: str, query: dict[str, str]
    ) -> Response:
        ns = f"{PORTLET}_INSTANCE_{instance}"
        redirect = query.get("redirect") or query.get(f"_{ns}_redirect") or ""
        if not redirect.startswith(request.base_url + "/"):
            redirect = request.base_url + f"/web/guest/{page}"
        if self.own(request) in self.linked:
            back = self.href(redirect)
        else:
            back = html.escape(redirect)
        with self.lock:
            self.views[a.entry_id] += 1
            views = self.views[a.entry_id]
        listing = request.base_url + "/web/guest/tin-tuc"
        nearby = sorted(
            (o for o in self.assets if o is not a),
            key=lambda o: abs((o.when - a.when).total_seconds()),
        )[:5]
        related = "".join(
            f'<li class="asset-links-list-item"><a class="asset-links-title" href="{self.href(f"{o.content_path()}?_{NS}_assetEntryId={o.entry_id}&_{NS}_redirect={encode(listing)}")}">'
            f"{o.title}</a></li>"
            for o in sorted(nearby, key=lambda o: o.when, reverse=True)
        )
        body = "".join(f"<p>{p}</p>" for p in a.paragraphs)
        content = f"""<div class="asset-full-content clearfix default-asset-publisher show-asset-title">
<div class="taglib-header ">
<span class="header-back-to"><a class="icon-circle-arrow-left previous-level" href="{back}" id="_{ns}_TabsBack" title="Quay lại"><span class="hide-accessible">Quay lại</span></a></span>
<h3 class="header-title"><span>{a.title}</span></h3>
</div>
<div class="asset-content" id="_{ns}_{a.entry_id}">
<div class="journal-content-article" data-analytics-asset-id="{a.article_id}" data-analytics-asset-title="{html.escape(a.title)}" data-analytics-asset-type="web-content">
<div class="ngay-dang">Ngày đăng: {a.when:%d/%m/%Y}</div>
{body}
<p style="text-align: right;"><strong>{a.author}</strong></p>
</div>
<div class="asset-metadata"><span class="metadata-entry metadata-view-count">Lượt xem: {views}</span></div>
<div class="asset-links"><h2 class="asset-links-title"><span>Tin liên quan</span></h2>
<ul class="asset-links-list">{related}</ul></div>
</div>
</div>"""
        portlet_title = "Tin tức" if instance == NEWS_INSTANCE else "Tin nổi bật"
        columns = [self.portlet(ns, PORTLET, portlet_title, content), *self.side(request)]
        meta = f'\n<meta property="og:description" content="{html.escape(a.summary)}">'
        return self.theme(
            request,
            f"{a.title} - Tin tức - {SITE}",
            a.canonical,
            columns,
            "/web/guest/tin-tuc",
            meta,
        )

    def about(self, request: Request) -> Response:
        text = (
            '<div class="journal-content-article" data-analytics-asset-id="36512" data-analytics-asset-title="Giới thiệu" data-analytics-asset-type="web-content">'
            f"<p>{SITE} là cơ quan tham mưu, giúp việc của Tỉnh ủy, trực tiếp và thường xuyên là Ban Thường vụ, Thường trực Tỉnh ủy"
            " về công tác chính trị, tư tưởng, lý luận chính trị, tuyên truyền, báo chí, xuất bản, văn hóa, văn nghệ, khoa giáo và lịch sử Đảng;"
            " đồng thời là cơ quan chuyên môn - nghiệp vụ về công tác tuyên giáo của Đảng bộ tỉnh Đồng Nai.</p></div>"
        )
        columns = [
            self.portlet(
                "com_liferay_journal_content_web_portlet_JournalContentPortlet_INSTANCE_gtAbout",
                "com_liferay_journal_content_web_portlet_JournalContentPortlet",
                "Giới thiệu",
                text,
            ),
            *self.side(request),
        ]
        return self.theme(
            request,
            f"Giới thiệu - {SITE}",
            "/web/guest/gioi-thieu",
            columns,
            "/web/guest/gioi-thieu",
        )

    def contact(self, request: Request) -> Response:
        text = (
            '<div class="journal-content-article" data-analytics-asset-id="36530" data-analytics-asset-title="Liên hệ" data-analytics-asset-type="web-content">'
            f"<p><strong>{SITE.upper()}</strong></p><p>Địa chỉ: Số 2, đường Nguyễn Văn Trị, phường Thanh Bình, thành phố Biên Hòa, tỉnh Đồng Nai</p>"
            "<p>Điện thoại: 0251.3822.306 - Fax: 0251.3822.307</p><p>Email: btgtu@example.gov.vn</p></div>"
        )
        columns = [
            self.portlet(
                "com_liferay_journal_content_web_portlet_JournalContentPortlet_INSTANCE_lhContact",
                "com_liferay_journal_content_web_portlet_JournalContentPortlet",
                "Liên hệ",
                text,
            ),
            *self.side(request),
        ]
        return self.theme(
            request, f"Liên hệ - {SITE}", "/web/guest/lien-he", columns, "/web/guest/lien-he"
        )

    def search(self, request: Request) -> Response:
        body = '<div class="search-results"><p class="alert alert-info">Không tìm thấy kết quả nào.</p></div>'
        columns = [
            self.portlet(
                "com_liferay_portal_search_web_search_results_portlet_SearchResultsPortlet",
                "com_liferay_portal_search_web_search_results_portlet_SearchResultsPortlet",
                "Kết quả tìm kiếm",
                body,
            )
        ]
        return self.theme(request, f"Tìm kiếm - {SITE}", "/web/guest/search", columns, "")

    def sitemap(self, request: Request) -> Response:
        base = request.base_url
        urls = "".join(
            f"<url><loc>{base}{self.href(path)}</loc><lastmod>2020-12-12</lastmod>"
            f"<changefreq>daily</changefreq><priority>0.5</priority></url>"
            for path in PAGES
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">{urls}</urlset>'
        )
        return Response(xml.encode("utf-8"), XML)


def make_site() -> CorpusSite:
    return LiferayPortal()
