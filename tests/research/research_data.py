"""A small archive with the spellings search has to cope with."""

from tuyengiao_crawler.archive import Archive

BASE = "http://127.0.0.1:1/"

ARTICLES = [
    {
        "url": BASE + "a1.html",
        "title": "Hội nghị Ban Tuyên giáo Tỉnh ủy",
        "lead": "Đảng ủy khối tổ chức hội nghị.",
        "body_text": "Quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị.\n\nGiữ vững hoà bình, ổn định.",
        "category": "Tin hoạt động",
        "published_at": "2021-03-04T09:00+07:00",
        "authors": [{"name": "Thu Hà", "role": "author"}],
        "documents": [
            {
                "canonical": "05-CT/TW",
                "kind": "Chỉ thị",
                "number": 5,
                "type_code": "CT",
                "issuer_code": "TW",
                "surface": "Chỉ thị 05-CT/TW",
                "field": "body_text",
                "start": 10,
                "end": 26,
            }
        ],
    },
    {
        "url": BASE + "a2.html",
        "title": "Phong trào thủy lợi mùa khô",
        "lead": "Hòa chung không khí thi đua.",
        "body_text": "Nông dân làm thuỷ lợi. Hoa nở trên đồng.",
        "category": "Dân vận khéo",
        "published_at": "2020-05",
        "authors": [{"name": "Minh Anh", "role": "author"}],
    },
    {
        "url": BASE + "a3.html",
        "title": "Vườn hoa mùa xuân",
        "lead": "Hoa đào, hoa mai.",
        "body_text": "Người dân chơi hoa ngày Tết. Tai họa không đến.",
        "category": "Tin hoạt động",
        "published_at": "2019-02-01",
        "authors": [{"name": "Thu Hà", "role": "author"}],
        "documents": [
            {
                "canonical": "35-NQ/TW",
                "kind": "Nghị quyết",
                "surface": "Nghị quyết 35-NQ/TW",
                "field": "body_text",
                "start": 0,
                "end": 5,
            }
        ],
    },
    {
        "url": BASE + "a4.html",
        "title": "Dang dở công trình",
        "lead": "Một công trình bị bỏ dở.",
        "body_text": "Công trình dang dở ở xã.",
        "category": "Nghiên cứu - Trao đổi",
        "published_at": None,
    },
]


def make_archive(path):
    with Archive(path) as archive:
        for item in ARTICLES:
            archive.save_article({"site": "127.0.0.1", **item})
    return path


EDITED_BODY_HTML = (
    "<p>Quán triệt <b>Chỉ thị 05-CT/TW</b> của Bộ Chính trị.</p>"
    '<p><img src="http://127.0.0.1:1/anh/hoi-nghi.jpg" alt="Quang cảnh hội nghị"></p>'
    "<p>Giữ vững hoà bình, ổn định lâu dài.</p>"
)


def make_browsing_archive(path):
    """The research archive, with article 1 edited once (an earlier version kept), its
    HTML body with an image, and the capture (fetch, WARC record) each version came from."""
    make_archive(path)
    with Archive(path) as archive:
        conn = archive.conn
        for fetch_id, offset, stamp in (
            (1, 0, "2024-01-05T08:00:00Z"),
            (2, 4096, "2024-02-09T08:00:00Z"),
        ):
            conn.execute(
                "INSERT INTO fetches (id, url, status, fetched_at, warc_file, warc_offset,"
                " warc_length) VALUES (?, ?, 200, ?, 'crawl-00001.warc.gz', ?, 2000)",
                (fetch_id, BASE + "a1.html", stamp, offset),
            )
        conn.execute("UPDATE articles SET fetch_id = 1 WHERE id = 1")
        conn.commit()
        first = dict(ARTICLES[0])
        archive.save_article(
            {
                "site": "127.0.0.1",
                **first,
                "body_text": "Quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị.\n\n"
                "Giữ vững hoà bình, ổn định lâu dài.",
                "body_html": EDITED_BODY_HTML,
                "images": [{"url": BASE + "anh/hoi-nghi.jpg", "alt": "Quang cảnh hội nghị"}],
                "fetch_id": 2,
            },
            seen_at="2024-02-09T08:00:00+00:00",
        )
    return path
