from tuyengiao_crawler.normalize.encoding import encode_tcvn3, repair_text, suspicious

SOUND = (
    "Mô hình dân vận khéo của xã Diễn Kỷ đã huy động nhân dân hiến 1.200 m² đất, "
    "mở rộng 3 × 4 km đường giao thông nông thôn. " * 6
)


def test_a_stray_symbol_in_a_sound_page_is_not_suspect():
    # "²" and "×" used to send every such page down the slow repair path
    assert len(SOUND) > 200
    assert suspicious(SOUND) is False
    assert repair_text(SOUND) == (SOUND, None)


def test_short_texts_are_suspect_at_the_first_odd_character():
    assert suspicious("Diện tích 20 m²") is True
    assert suspicious("Tăng cường công tác tuyên truyền") is False


def test_broken_long_text_is_still_caught_and_repaired():
    text = "Tăng cường công tác tuyên truyền đại hội Đảng các cấp. " * 6
    broken = encode_tcvn3(text).decode("cp1252", errors="replace")
    assert suspicious(broken) is True
    assert repair_text(broken) == (text, "tcvn3")
