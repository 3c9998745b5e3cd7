"""clean_text: encoding repair, glued captions, repeated titles, comments and boilerplate, whitespace."""
from __future__ import annotations

import pytest

from vigie.ingest.clean import clean_text, group_comments, load_clean_rules, split_glued


@pytest.mark.parametrize("glued, parts", [
    ("la route de KafrnabelL'armée avance vers le sud.", ["la route de Kafrnabel", "L'armée avance vers le sud."]),
    ("Le marché de Douma désertéCôté officiel, rien n'a filtré.", ["Le marché de Douma déserté", "Côté officiel, rien n'a filtré."]),
    ("Vue du pont de RastanUn convoi traverse la rivière.", ["Vue du pont de Rastan", "Un convoi traverse la rivière."]),
    ("une colonne de chars à DarayaSelon Sana, les combats continuent.", ["une colonne de chars à Daraya", "Selon Sana, les combats continuent."]),
    ("le port de BaniasD'après la police, trois morts.", ["le port de Banias", "D'après la police, trois morts."]),
])
def test_glued_captions_are_split(glued, parts):
    assert split_glued(glued, rules=load_clean_rules()) == parts


@pytest.mark.parametrize("line", [
    "Un McDonald's a fermé à Beyrouth.",
    "Le président al-Assad a reçu l'émissaire.",
    "Selon la chaîne AlManar, les combats ont cessé.",
    "La télévision AlMayadeen rapporte l'attaque.",
    "Une vidéo diffusée sur YouTube montre la scène.",
    "Le Président Bachar el-Assad et Le Drian.",
    "Les bataillons DeLaValle et MacLeod.",
])
def test_names_are_not_split(line):
    assert split_glued(line, rules=load_clean_rules()) == [line]


def test_caption_prefix_is_split_off():
    result = clean_text("Syrie/Alep Les habitants ont fui le quartier de Salaheddine.")
    assert result.text == "Syrie/Alep\n\nLes habitants ont fui le quartier de Salaheddine."


def test_glued_caption_becomes_its_own_paragraph():
    raw = "Un char détruit à l'entrée de HomsLe char a été touché par un missile antichar, selon l'OSDH."
    assert clean_text(raw).text == ("Un char détruit à l'entrée de Homs\n\n"
                                    "Le char a été touché par un missile antichar, selon l'OSDH.")


def test_repeated_title_lines_are_dropped_but_the_first_kept():
    title = "Homs : reprise du quartier de Baba Amr"
    raw = f"{title}\n\n{title}\n\nL'armée a repris jeudi le quartier.\n\n{title.upper()}\n"
    assert clean_text(raw, title=title).text == f"{title}\n\nL'armée a repris jeudi le quartier."


def test_mojibake_and_spaces_are_repaired():
    raw = "Lâ€™armÃ©e a repris\u00a0 la ville\u202f: 1\u00a0300 combattants. \u200b\n\n\n\n  Deuxième\tparagraphe.  "
    assert clean_text(raw).text == "L'armée a repris la ville : 1 300 combattants.\n\nDeuxième paragraphe."


def test_hard_wrapped_lines_are_joined_and_new_sentences_kept_apart():
    raw = ("Les combats se sont poursuivis toute la nuit dans\nles faubourgs de la ville, selon\n"
           "un habitant.\nLa route reste coupée")
    assert clean_text(raw).text == ("Les combats se sont poursuivis toute la nuit dans les faubourgs de la ville, "
                                    "selon un habitant.\n\nLa route reste coupée")


def test_reader_comments_are_cut_and_returned():
    raw = (
        "Un accord de trêve a été signé dimanche à Zabadani, selon la télévision d'Etat.\n\n"
        "Les évacuations doivent commencer dans la semaine, a précisé un responsable local.\n\n"
        "Comment (2)\n\n"
        "    Rami\n    12 septembre 2015 - 9 h 30 min\n\n    Bonne nouvelle enfin.\n\n"
        "    Leila\n    11 septembre 2015 - 23 h 05 min\n\n    Je n'y crois pas.\n    On verra bien.\n\n"
        "Laisser un commentaire\n\nVotre adresse de messagerie ne sera pas publiée.\n"
    )
    result = clean_text(raw)
    assert result.text.endswith("a précisé un responsable local.")
    assert "Comment" not in result.text and "Rami" not in result.text
    assert result.comments == [
        "Rami\n12 septembre 2015 - 9 h 30 min\n\nBonne nouvelle enfin.",
        "Leila\n11 septembre 2015 - 23 h 05 min\n\nJe n'y crois pas.\nOn verra bien.",
    ]


def test_comment_counter_near_the_title_does_not_cut_the_article():
    raw = ("Raqqa : frappes sur un pont\n\nComment (4)\n\n"
           "Des frappes de la coalition ont détruit mardi un pont sur l'Euphrate au sud de Raqqa, "
           "selon des militants locaux qui documentent les raids.\n\n"
           "Le pont reliait la ville à la rive sud du fleuve.")
    result = clean_text(raw)
    assert "Comment (4)" not in result.text
    assert "Le pont reliait la ville" in result.text
    assert result.comments == []


def test_boilerplate_lines_are_dropped():
    raw = ("Réagir\n\nUn obus est tombé mardi sur Tartous.\n\nPartager sur Facebook\nTweeter\n"
           "Lire aussi : Les combats reprennent à Alep\n\nLe bilan reste inconnu.\n\n"
           "Sur le même sujet\n\nUn autre article sans rapport.")
    assert clean_text(raw).text == "Un obus est tombé mardi sur Tartous.\n\nLe bilan reste inconnu."


def test_comments_without_timestamps_are_grouped_by_blank_lines():
    assert group_comments(["Premier avis.", "", "Second avis,", "sur deux lignes."]) == [
        "Premier avis.", "Second avis,\nsur deux lignes."]


def test_cleaning_is_idempotent():
    raw = "Titre\n\nTitre\n\nUn texte sur la ville de QousseirL'armée y entre.\n\nRéagir\n"
    once = clean_text(raw, title="Titre").text
    assert clean_text(once, title="Titre").text == once
