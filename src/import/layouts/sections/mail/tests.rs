//! What a mail says by being one: a reply's quoted history, a forward's own words, the
//! writer's "I", answers between the lines.

use super::super::tests::{recap_of, titles_and_owners};
use super::*;

/// A mail that replies quotes the one before it below its own actions: history. A mail that
/// forwards a recap adds the sender's own requests above it, read as tasks beside the
/// recap's, while the sentence that passes the recap on owes nothing.
#[test]
fn a_reply_quotes_history_and_a_forward_adds_the_senders_own_tasks() {
    let reply = "From: Julien Collard <julien@brightline.be>\r\nTo: Catherine Lambert <catherine@arduenne.be>\r\nSubject: Compte rendu\r\nDate: Mon, 7 Dec 2026 17:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour Catherine,\r\n\r\nActions\r\n1. Catherine Lambert valide la liste des numéros d'ici le 15 décembre.\r\n\r\nBien à vous,\r\nJulien\r\n\r\n________________________________\r\nDe : Julien Collard <julien@brightline.be>\r\nEnvoyé : lundi 9 novembre 2026 17:42\r\nObjet : Compte rendu\r\n\r\nActions\r\n- Olivier Denis envoie l'inventaire des postes d'ici le 20 novembre.\r\n";
    let titles: Vec<String> = recap_of(reply, "eml")
        .tasks
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(titles.len(), 1, "{titles:?}");
    let forward = "From: Sofie Claes <sofie@kernwerk.be>\r\nTo: Pieter Jacobs <pieter@kernwerk.be>\r\nSubject: Fwd: Copilot-notities\r\nDate: Wed, 25 Nov 2026 09:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHoi Pieter,\r\n\r\nHieronder de Copilot-recap van ons overleg van gisteren.\r\n\r\n- Kan jij de planning van de pilotgroep bevestigen aan Els tegen 4/12?\r\n- Ik stuur zelf de aangepaste offerte nog voor eind deze week door naar Wim.\r\n\r\nGroetjes,\r\nSofie\r\n\r\n-------- Doorgestuurd bericht --------\r\nOnderwerp: Copilot-notities\r\nVan: Joris Vanhoutte <joris@kernwerk.be>\r\n\r\nOpvolgtaken\r\n  - Els Peeters zal de lijst van gebruikers ten laatste vrijdag doorsturen.\r\n";
    let titles: Vec<String> = recap_of(forward, "eml")
        .tasks
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(
        titles.iter().any(|t| t.contains("pilotgroep")),
        "{titles:?}"
    );
    assert!(
        titles.iter().all(|t| !t.contains("Hieronder")),
        "{titles:?}"
    );
}

/// What the writer did is not what they owe.
#[test]
fn the_writer_owes_what_they_will_do_not_what_they_did() {
    for owed in [
        "Ik stuur de offerte tegen vrijdag",
        "I have to send the deck",
        "Je m'occupe du planning",
    ] {
        assert!(first_person(owed), "{owed}");
    }
    for done in [
        "Ik heb hem nagelezen en",
        "J'ai relu le compte rendu",
        "I've checked the licences",
    ] {
        assert!(!first_person(done), "{done}");
    }
}

#[test]
fn the_writer_named_after_someone_owns_the_task_with_them() {
    let mail = "From: Wouter Claes <wouter@kempenlink.be>\nTo: Katrien Vos <katrien@x.be>\nCc: Bart Lemmens <bart@kempenlink.be>\nSubject: Verslag overleg\nDate: Tue, 3 Nov 2026 17:00:00 +0100\n\nDag Katrien,\n\n- Bart Lemmens en ik plannen een testmigratie, ten laatste op 20 november.\n\nGroeten,\nWouter Claes\n";
    let recap = recap_of(mail, "eml");
    let tasks = titles_and_owners(&recap);
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert_eq!(tasks[0].1, ["Bart Lemmens", "Wouter Claes"], "{tasks:?}");
    assert!(tasks[0].0.starts_with("plannen"), "{tasks:?}");
}

#[test]
fn a_reply_answering_between_the_lines_owes_only_what_its_writer_adds() {
    let quoted_with_marks = "From: Mathieu Lejeune <ml@meuse.be>\nTo: Gilles Renard <gr@renard.be>\nCc: Karim Dumont <kd@meuse.be>\nSubject: RE: CR réunion\nDate: Thu, 19 Nov 2026 16:31:07 +0100\n\nBonjour Gilles,\n\nMes réponses en ligne, précédées de [ML].\n\nDe : Gilles Renard <gr@renard.be>\nEnvoyé : jeudi 19 novembre 2026 11:02\nObjet : CR réunion\n\n- Isabelle doit encore nous fournir les plans pour vendredi.\n\n[ML] Parfait. Je vous renvoie l'offre corrigée d'ici lundi.\n\n- Le budget reste à valider.\n\n[ML] Karim Dumont commande les switches d'ici le 4 décembre.\n";
    let recap = recap_of(quoted_with_marks, "eml");
    let titles: Vec<&str> = recap.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.iter().all(|t| !t.contains("plans")), "{titles:?}");

    let quoted_with_brackets = "From: Thomas Vanneste <tv@x.be>\nTo: Hanne Peeters <hp@y.be>\nSubject: Re: vragen\nDate: Wed, 16 Dec 2026 17:00:00 +0100\n\nDag Hanne,\n\nOp wo 16 dec 2026 om 14:27 schreef Hanne Peeters <hp@y.be>:\n> 3. Wij bezorgen jullie tegen maandag de exportbestanden.\n\nArne Callewaert maakt de mapping tegen 8 januari.\n";
    let recap = recap_of(quoted_with_brackets, "eml");
    let titles: Vec<&str> = recap.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert!(titles[0].contains("mapping"), "{titles:?}");
}

#[test]
fn a_point_that_opens_with_a_mention_and_asks_is_a_task_and_a_mail_that_pleases_is_not() {
    let chat = "Olivier Maes  4:12 PM\nRecap of today's call with Skyport, 11 Dec 2026\nAttendees: Dries Willems, Sarah Leclercq\n- @Dries please book the install slot asap\n- @Sarah can you update the HLD by Wednesday?\n- Please find the slides attached\n";
    let recap = recap_of(chat, "txt");
    let tasks = titles_and_owners(&recap);
    assert_eq!(tasks.len(), 2, "{tasks:?}");
    assert_eq!(tasks[0].1, ["Dries"], "{tasks:?}");
}
