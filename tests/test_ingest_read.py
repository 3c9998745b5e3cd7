"""read_paths: readers, dispatch, folders, and every kind of bad input as a one-line IngestError."""
from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from vigie.errors import IngestError
from vigie.ingest import read_paths
from vigie.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
FOLDER = FIXTURES / "folder"


def _split(items):
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(articles) + len(errors) == len(items)
    return articles, errors


def _one(path: Path, **kwargs) -> Article | IngestError:
    items = list(read_paths([path], **kwargs))
    assert len(items) == 1, items
    return items[0]


def _assert_one_line_error(item, path: Path | str, fragment: str) -> None:
    assert isinstance(item, IngestError), item
    message = str(item)
    assert "\n" not in message
    assert message.startswith(f"{path}:"), message
    assert fragment in item.reason, message


# --- the folder of mixed formats ------------------------------------------------------------

def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_files():
    items = list(read_paths([FOLDER]))
    names = [Path(str(i.source_path if isinstance(i, Article) else i.path).split(":")[0]).name for i in items]
    assert names == [
        "a_capture.txt", "b_comments.txt", "c_wire.txt",
        *["e_articles.jsonl"] * 6, "d_page.html",
    ]
    assert ".hidden.txt" not in names
    assert [str(x) for x in items] == [str(x) for x in read_paths([FOLDER])]  # deterministic


def test_capture_format_sets_captured_title_and_cleaned_text():
    art = _one(FOLDER / "a_capture.txt")
    assert art.captured == datetime(2025, 2, 14, 21, 12, tzinfo=art.captured.tzinfo)
    assert str(art.captured.tzinfo) == "Asia/Jerusalem"
    assert art.title == "Syrie : l'armée reprend la colline de Tell Hamra aux insurgés"
    assert art.text.count("reprend la colline de Tell Hamra aux insurgés") == 1
    assert "colline de Tell Hamra\n\nLes soldats ont hissé" in art.text
    assert "Partager" not in art.text and "Tweeter" not in art.text
    assert "Jerusalem Timing" not in art.text
    assert art.raw_text.startswith("14-02-2025 09:12 PM Jerusalem Timing")
    assert art.language == "fr"
    assert art.source_path == str(FOLDER / "a_capture.txt")


def test_capture_header_is_not_taken_as_publication_date():
    art = _one(FOLDER / "a_capture.txt")
    assert art.published == date(2016, 4, 3)
    assert art.published_source == "text"
    assert art.published_doubtful is True
    assert "2025-02-14" in art.published_note


def test_plain_text_with_comments_is_dated_by_earliest_comment_and_comments_cut():
    art = _one(FOLDER / "b_comments.txt")
    assert art.captured is None
    assert art.title == "Syrie : reddition d'un groupe armé près de Yabroud"
    assert art.published == date(2016, 5, 4)
    assert art.published_source == "comment"
    assert art.published_doubtful is False
    assert art.text.endswith("Aucun bilan n'a été communiqué.")
    for leftover in ("Commentaires", "Espérons", "Laisser", "messagerie"):
        assert leftover not in art.text


def test_wire_dateline_dates_plain_text():
    art = _one(FOLDER / "c_wire.txt")
    assert (art.published, art.published_source, art.published_doubtful) == (date(2016, 10, 7), "dateline", False)
    assert art.published_confidence > 0.8
    assert art.title is None


def test_html_main_text_title_date_and_outlet():
    art = _one(FOLDER / "sub" / "d_page.html")
    assert art.title == "Deraa : un marché touché par des obus"
    assert "Des obus sont tombés lundi matin" in art.text
    assert "Mentions légales" not in art.text and "Accueil" not in art.text
    assert art.text.count("un marché touché par des obus") == 1
    assert (art.published, art.published_source) == (date(2015, 9, 21), "input")
    assert art.outlet == "Le Veilleur"


def test_jsonl_one_article_per_line_and_bad_lines_named_with_line_number():
    path = FOLDER / "e_articles.jsonl"
    articles, errors = _split(list(read_paths([path])))
    assert [a.id for a in articles][0] == "jl-001"
    assert [a.id for a in articles][2] == "jl-006"
    first, second, english = articles
    assert (first.url, first.outlet, first.published, first.published_source) == (
        "https://exemple.test/1", "Le Veilleur", date(2014, 11, 3), "input")
    assert first.text.count("Idleb : raid sur un dépôt") == 1
    assert len(second.id) == 16 and second.id == second.content_hash[:16]
    assert second.published is None and second.published_source == "none"
    assert english.language == "en" and english.published == date(2017, 1, 20)
    assert [e.path for e in errors] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "invalid JSON" in errors[0].reason
    assert "invalid published date 'hier'" in errors[1].reason
    assert "expected a JSON object" in errors[2].reason
    assert all(a.source_path.startswith(f"{path}:") for a in articles)


def test_same_text_gets_same_id_and_hash_whatever_the_punctuation(tmp_path):
    (tmp_path / "a.txt").write_text("Un obus est tombé sur Homs, mardi ; deux blessés selon la police locale.\n")
    (tmp_path / "b.txt").write_text("UN OBUS est tombé sur Homs mardi  — deux blessés, selon la police locale !\n")
    a, b = list(read_paths([tmp_path]))
    assert a.id == b.id and a.content_hash == b.content_hash and len(a.content_hash) == 40
    assert a.text != b.text


# --- bad input -----------------------------------------------------------------------------

def test_empty_file(tmp_path):
    path = tmp_path / "vide.txt"
    path.write_bytes(b"")
    _assert_one_line_error(_one(path), path, "empty file")
    path.write_bytes(b"  \n\n \t\n")
    _assert_one_line_error(_one(path), path, "empty file")


def test_capture_header_without_text(tmp_path):
    path = tmp_path / "entete.txt"
    path.write_text("03-01-2024 10:00 AM Jerusalem Timing\n\n\n")
    _assert_one_line_error(_one(path), path, "no article text")


def test_binary_file_with_nul_bytes(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _assert_one_line_error(_one(path), path, "binary file")


def test_undecodable_control_bytes_are_binary(tmp_path):
    path = tmp_path / "bruit.dat"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 40)
    item = _one(path)
    assert isinstance(item, IngestError) and str(item).startswith(f"{path}: ")
    assert "binary" in item.reason or "undecodable" in item.reason


def test_file_over_the_limit_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "enorme.txt"
    with path.open("wb") as fh:  # a sparse 50 MB file: cheap to make
        fh.truncate(50 * 1024 * 1024)
    real_open = Path.open
    reads = []

    class Spy:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def fileno(self):
            return self.fh.fileno()

        def read(self, n=-1):
            reads.append(n)
            return self.fh.read(n)

    monkeypatch.setattr(Path, "open", lambda self, *a, **k: Spy(real_open(self, *a, **k)))
    item = _one(path, max_bytes=20_000_000)
    _assert_one_line_error(item, path, "file too large")
    assert "52428800 bytes" in item.reason
    assert reads == []


def test_default_limit_comes_from_settings(tmp_path, monkeypatch):
    path = tmp_path / "moyen.txt"
    path.write_text("Des combats ont eu lieu mardi près de Palmyre, selon une source locale. " * 20)
    monkeypatch.setenv("VIGIE_MAX_FILE_BYTES", "100")
    _assert_one_line_error(_one(path), path, "file too large")
    monkeypatch.delenv("VIGIE_MAX_FILE_BYTES")
    assert isinstance(_one(path), Article)


def test_latin1_french_is_decoded(tmp_path):
    text = ("Les forces gouvernementales ont repris mercredi le contrôle du village de Kfar Zita, "
            "après des affrontements très violents, a déclaré un officier à l'agence officielle.")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    art = _one(path)
    assert art.text == text and art.language == "fr"


def test_windows_1256_arabic_is_decoded_and_detected_as_arabic(tmp_path):
    text = ("أعلن الجيش السوري يوم الثلاثاء سيطرته على قرية كفرزيتا بعد معارك عنيفة مع المسلحين "
            "في ريف حماة الشمالي، حسب مصدر عسكري.")
    path = tmp_path / "arabe.txt"
    path.write_bytes(text.encode("cp1256"))
    art = _one(path)
    assert art.text == text
    assert art.language == "ar"


def test_mojibake_is_repaired(tmp_path):
    text = "L’armée a pris le contrôle de la ville après des combats très violents, selon la télévision d’Etat."
    path = tmp_path / "mojibake.txt"
    path.write_text(text.encode("utf-8").decode("cp1252"), encoding="utf-8")
    art = _one(path)
    assert art.text == text.replace("’", "'")
    assert "Ã" not in art.text


def test_truncated_html_yields_what_is_there(tmp_path):
    path = tmp_path / "coupe.html"
    path.write_text(
        "<html><head><title>Raid sur Ariha</title></head><body><article><h1>Raid sur Ariha</h1>"
        "<p>Un raid aérien a frappé jeudi un quartier résidentiel d'Ariha, faisant au moins cinq morts, "
        "selon les secouristes locaux qui poursuivaient les recherches dans les décombres.</p><p>Le bilan pou"
    )
    art = _one(path)
    assert isinstance(art, Article)
    assert "Un raid aérien a frappé jeudi" in art.text


def test_html_with_no_text_is_a_clear_error(tmp_path):
    path = tmp_path / "vide.html"
    path.write_text("<html><head><title></title></head><body><div>")
    _assert_one_line_error(_one(path), path, "no main text found in HTML")


def test_unreadable_file_in_folder_does_not_stop_the_batch(tmp_path, monkeypatch):
    good = tmp_path / "a.txt"
    good.write_text("Des obus sont tombés samedi sur le centre de Homs, selon la police locale.\n")
    locked = tmp_path / "b.txt"
    locked.write_text("secret")
    (tmp_path / "c_lien.txt").symlink_to(tmp_path / "disparu.txt")
    (tmp_path / "d.txt").write_text("Un attentat a visé dimanche un barrage près de Lattaquié, selon Sana.\n")
    real_open = Path.open

    def guarded_open(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    items = list(read_paths([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "IngestError", "Article"]
    _assert_one_line_error(items[1], locked, "permission denied")
    _assert_one_line_error(items[2], tmp_path / "c_lien.txt", "broken link")


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    path = tmp_path / "absent"
    _assert_one_line_error(_one(path), path, "no such file")


def test_unknown_extension_is_sniffed(tmp_path):
    page = tmp_path / "page.bin"
    page.write_text("<!DOCTYPE html><html><body><article><p>Des combats ont opposé lundi l'armée et des "
                    "insurgés à Jobar, à l'est de Damas, selon une source militaire citée par la télévision "
                    "officielle syrienne.</p></article></body></html>")
    records = tmp_path / "lot.data"
    records.write_text('{"id": "x1", "text": "Une explosion a secoué mardi le centre de Tartous."}\n')
    html_art, json_art = list(read_paths([page, records]))
    assert "Des combats ont opposé lundi" in html_art.text and "<" not in html_art.text
    assert json_art.id == "x1"


@pytest.mark.skipif(os.geteuid() != 0, reason="needs to run as root to show root ignores chmod 000")
def test_permission_bits_do_not_stop_root(tmp_path):
    path = tmp_path / "ferme.txt"
    path.write_text("Un obus est tombé mardi sur un quartier de Deir Ezzor, selon un habitant.\n")
    path.chmod(0)
    assert isinstance(_one(path), Article)


def test_windows_line_endings_and_bom_in_capture_file(tmp_path):
    path = tmp_path / "crlf.txt"
    lines = ["02-06-2023 11:05 AM Jerusalem Timing", "", "Titre du jour", "", "Titre du jour", "",
             "Un drone a visé vendredi un véhicule près de Qamichli, selon une source kurde locale."]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    art = _one(path)
    assert art.captured is not None and art.captured.year == 2023
    assert art.title == "Titre du jour"
    assert art.text == "Titre du jour\n\n" + lines[-1]
    assert "\r" not in art.text
