"""Evaluation as a feature: `evaluate()` and `tuyengiao evaluate` score extraction against
hand-written expected values (docs/evaluation.md)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tuyengiao_crawler.cli import cli
from tuyengiao_crawler.evaluate import FIELDS, EvaluationError, evaluate, same_date

CORPUS = Path(__file__).resolve().parent / "extraction_corpus"

PARAGRAPHS = [
    "Sáng 14/3, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 3 năm 2024 "
    "bằng hình thức trực tuyến đến các điểm cầu huyện, thị xã, thành phố trong tỉnh.",
    "Tại hội nghị, các đại biểu được nghe thông tin về tình hình thời sự trong nước và quốc "
    "tế nổi bật, kết quả thực hiện nghị quyết của Tỉnh ủy trong quý I năm 2024.",
    "Ban Tuyên giáo Tỉnh ủy đề nghị đội ngũ báo cáo viên kịp thời định hướng thông tin, tạo "
    "đồng thuận trong cán bộ, đảng viên và nhân dân.",
]


def page(title, when="2024-03-14T09:40:00+07:00"):
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{title} - Ban Tuyên giáo Tỉnh ủy</title>
<meta property="article:published_time" content="{when}"></head>
<body><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
<article><h1>{title}</h1><div class="date">09:40 14/03/2024</div>
<div class="content">{body}<p><strong>Minh Anh</strong></p></div></article>
<aside><h3>Tin khác</h3><ul><li><a href="/a">Khai mạc lớp bồi dưỡng nghiệp vụ</a></li></ul></aside>
<footer>Bản quyền thuộc Ban Tuyên giáo Tỉnh ủy</footer></body></html>"""


def expected(title, **changes):
    values = {
        "url": "https://tuyengiao.example.vn/tin/hoi-nghi-bao-cao-vien.html",
        "title": title,
        "published": "2024-03-14T09:40+07:00",
        "authors": [{"name": "Minh Anh", "role": "author"}],
        "body": {
            "first": PARAGRAPHS[0],
            "last": PARAGRAPHS[-1],
            "absent": ["Khai mạc lớp bồi dưỡng nghiệp vụ", "Bản quyền"],
        },
    }
    values.update(changes)
    return values


def save(folder, name, html, values):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.html").write_text(html, "utf-8")
    text = values if isinstance(values, str) else json.dumps(values, ensure_ascii=False)
    (folder / f"{name}.expected.json").write_text(text, "utf-8")


TITLE = "Hội nghị báo cáo viên tháng 3 năm 2024"


@pytest.fixture
def tiny(tmp_path):
    """Two templates; one page has a deliberately wrong expected title."""
    save(tmp_path / "alpha", "right", page(TITLE), expected(TITLE))
    save(tmp_path / "beta", "wrong", page(TITLE), expected("Một tiêu đề khác hẳn"))
    return tmp_path


def test_a_tiny_corpus_is_scored_per_field_and_per_template(tiny):
    result = evaluate(tiny)
    assert result.pages == 2
    assert set(result.templates) == {"alpha", "beta"}
    assert result.accuracy("title") == 0.5
    assert result.accuracy("title", "alpha") == 1.0
    assert result.accuracy("title", "beta") == 0.0
    for name in FIELDS:
        if name != "title":
            assert result.accuracy(name) == 1.0, (name, result.failures)
    [failure] = result.failures
    assert (failure.page, failure.field) == ("beta/wrong.html", "title")
    assert failure.expected == "Một tiêu đề khác hẳn"
    assert failure.got == TITLE


def test_a_wrong_offset_fails_the_same_instant_passes(tmp_path):
    # The page shows 09:40 in Vietnam. Written down as 02:40 UTC, that is the same instant;
    # as 09:40 UTC (a mislabelled zone), it is not.
    save(tmp_path, "utc", page(TITLE), expected(TITLE, published="2024-03-14T02:40+00:00"))
    save(tmp_path, "mislabelled", page(TITLE), expected(TITLE, published="2024-03-14T09:40+00:00"))
    result = evaluate(tmp_path)
    assert [(f.page, f.field) for f in result.failures] == [("mislabelled.html", "published")]
    assert result.templates.keys() == {"default"}


def test_a_page_that_breaks_the_reader_fails_alone(tiny, monkeypatch):
    import tuyengiao_crawler.evaluate as module

    real, read = module.read_record, []

    def second_page_breaks(url, body, profile):  # pages are read in order: alpha, beta
        read.append(url)
        if len(read) == 2:
            raise ValueError("boom")
        return real(url, body, profile)

    monkeypatch.setattr(module, "read_record", second_page_breaks)
    result = evaluate(tiny)
    assert result.accuracy("body_end", "alpha") == 1.0
    assert result.accuracy("body_end", "beta") == 0.0
    assert {f.got for f in result.failures if f.template == "beta"} == {
        "reading failed: ValueError: boom"
    }


def test_same_date():
    assert same_date("2024-03-14T09:40+07:00", "2024-03-14T02:40+00:00")
    assert same_date("2024-03-14T09:40:15+07:00", "2024-03-14T09:40+07:00")
    assert not same_date("2024-03-14T09:40+07:00", "2024-03-14T09:40+00:00")
    assert not same_date("2024-03-14T09:40+07:00", "2024-03-14")
    assert same_date("2024-03-14", "2024-03-14")
    assert same_date(None, None) and not same_date(None, "2024-03-14")


def test_updated_absent_means_none_shown_and_lead_is_scored_only_when_given(tiny):
    save(tiny / "alpha", "lead", page(TITLE), expected(TITLE, lead="Một sapo không có"))
    result = evaluate(tiny)
    assert result.accuracy("updated") == 1.0
    assert "lead" in result.fields
    assert result.overall["lead"].total == 1
    assert any(f.field == "lead" and f.page == "alpha/lead.html" for f in result.failures)


@pytest.mark.parametrize(
    "values, message",
    [
        ("{not json", "not valid JSON"),
        (expected(TITLE, published="14/03/2024"), "'published' must be ISO 8601"),
        (expected(TITLE, authors=[{"name": "Minh Anh", "role": "person"}]), "'authors'"),
        (expected(TITLE, body="x"), "'body'"),
        ({"title": TITLE}, "'url'"),
    ],
)
def test_a_bad_expected_file_is_named(tmp_path, values, message):
    save(tmp_path, "p", page(TITLE), values)
    with pytest.raises(EvaluationError, match=message) as caught:
        evaluate(tmp_path)
    assert "p.expected.json" in str(caught.value)


def test_a_page_without_expected_values_or_a_folder_without_pages(tmp_path):
    with pytest.raises(EvaluationError, match="no saved pages"):
        evaluate(tmp_path)
    (tmp_path / "p.html").write_text(page(TITLE), "utf-8")
    with pytest.raises(EvaluationError, match=r"p\.expected\.json: missing"):
        evaluate(tmp_path)
    with pytest.raises(EvaluationError, match="no such folder"):
        evaluate(tmp_path / "nope")


# The command


@pytest.fixture
def runner():
    return CliRunner()


def test_help_has_an_example(runner):
    result = runner.invoke(cli, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "Example: tuyengiao evaluate" in result.output


@pytest.mark.parametrize("make", ["missing", "a-file", "bad-expected", "bad-site"])
def test_bad_input_is_one_line_and_exit_2(runner, tmp_path, make):
    args = ["evaluate", str(tmp_path / "nope")]
    if make == "a-file":
        (tmp_path / "page.html").write_text(page(TITLE), "utf-8")
        args = ["evaluate", str(tmp_path / "page.html")]
    elif make == "bad-expected":
        save(tmp_path, "p", page(TITLE), "[]")
        args = ["evaluate", str(tmp_path)]
    elif make == "bad-site":
        save(tmp_path, "p", page(TITLE), expected(TITLE))
        args = ["evaluate", str(tmp_path), "--site", "no-such-profile"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output


def test_text_report_lists_scores_and_failures(runner, tiny):
    result = runner.invoke(cli, ["evaluate", str(tiny)])
    assert result.exit_code == 0, result.output
    assert "body_clean" in result.output and "overall" in result.output
    assert "1 failures" in result.output
    assert "beta/wrong.html  title" in result.output
    assert "expected: Một tiêu đề khác hẳn" in result.output


def test_json_shape(runner, tiny):
    result = runner.invoke(cli, ["evaluate", str(tiny), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"pages", "overall", "templates", "failures"}
    assert data["pages"] == 2
    assert set(data["overall"]) == set(FIELDS)
    assert data["overall"]["title"] == {"passed": 1, "total": 2, "accuracy": 0.5}
    assert data["templates"]["beta"]["pages"] == 1
    assert data["templates"]["beta"]["fields"]["title"]["accuracy"] == 0.0
    assert data["failures"] == [
        {
            "page": "beta/wrong.html",
            "template": "beta",
            "field": "title",
            "expected": "Một tiêu đề khác hẳn",
            "got": TITLE,
        }
    ]


# The bundled corpus

# Overall accuracy on tests/extraction_corpus in generic mode must stay at the bar,
# 0.95 per field (issue 14); never lower it to make a change pass.
# Measured at a7736e6 (before issue 14's extraction work): title 23/36, published 18/36,
# updated 20/36, authors 18/36, body_start 26/36, body_end 21/36, body_clean 22/36.
# Measured when issue 14 closed: 36/36 on every field (lead 6/6).
FLOOR = dict.fromkeys(
    ("title", "published", "updated", "authors", "body_start", "body_end", "body_clean"), 0.95
)


def test_the_corpus_scores_at_least_the_floor():
    result = evaluate(CORPUS)
    assert result.pages >= 36
    assert len(result.templates) >= 12
    assert all(pages >= 3 for pages in result.template_pages.values())
    scores = {name: round(result.accuracy(name), 3) for name in FIELDS}
    below = {name: (scores[name], FLOOR[name]) for name in FIELDS if scores[name] < FLOOR[name]}
    assert not below, below
