use super::*;
use chrono::NaiveDate;

#[test]
fn patterns_compile() {
    assert!(bullet().is_some_and(|b| b.is_match("- item")));
    assert_eq!(timestamps().len(), 5);
}

#[test]
fn timestamps_go_and_are_counted() {
    assert_eq!(
        without_timestamps("Pricing was agreed (00:12:34)."),
        ("Pricing was agreed.".to_string(), 1)
    );
    assert_eq!(
        without_timestamps("12:34 - Sam opened"),
        ("Sam opened".to_string(), 1)
    );
    assert_eq!(
        without_timestamps("- [00:01:12] Pipeline review"),
        ("- Pipeline review".to_string(), 1)
    );
    assert_eq!(
        without_timestamps("Send the inventory - WATCH (30:47)"),
        ("Send the inventory".to_string(), 1)
    );
    assert_eq!(
        without_timestamps("Huidige werking (00:02:40 · BEKIJK)"),
        ("Huidige werking".to_string(), 1)
    );
    assert_eq!(
        without_timestamps("- Wim: planning bezorgen tegen 3/2 (BEKIJK)"),
        ("- Wim: planning bezorgen tegen 3/2".to_string(), 1)
    );
    assert_eq!(
        without_timestamps("Offre validée par (DG)"),
        ("Offre validée par (DG)".to_string(), 0)
    );
    assert_eq!(
        without_timestamps("Call at 10:30 CET"),
        ("Call at 10:30 CET".to_string(), 0)
    );
}

#[test]
fn titles_lose_labels_boilerplate_and_dates() {
    let style = Style::default();
    assert_eq!(
        without_date(&clean_title(
            "Meeting summary for Acme sync (11/18/2025)",
            &style
        )),
        "Acme sync"
    );
    assert_eq!(
        without_date(&clean_title(
            "Acme sync - 2025/11/18 10:00 CET - Notes by Gemini",
            &style
        )),
        "Acme sync"
    );
    assert_eq!(without_date("Q4 review"), "Q4 review");
    assert_eq!(
        without_date("Verslag vergadering van 19/11/2026"),
        "Verslag vergadering"
    );
    assert_eq!(without_date("Sitzung vom 19.11.2026"), "Sitzung");
    assert_eq!(without_date("Sync on"), "Sync on");
}

#[test]
fn a_line_of_the_first_lines_gives_no_meeting_date_it_says_as_a_deadline() {
    use crate::import::layouts::meeting_date_in_line;
    let day = NaiveDate::from_ymd_opt(2026, 11, 19);
    for line in [
        "jeudi 19 novembre 2026 · 09:30 - 10:45 · Réunion Microsoft Teams",
        "Vergadering 19/11/2026",
        "Besprechung am 19.11.2026",
    ] {
        assert_eq!(meeting_date_in_line(line, Some(true)), day, "{line}");
    }
    for line in [
        "Décision : le contrat actuel est prolongé d’un mois, jusqu’au 31 janvier 2027.",
        "De offerte blijft geldig tot 31/01/2027.",
        "Das Angebot gilt bis 31.01.2027.",
        "The pilot runs until January 31, 2027.",
    ] {
        assert_eq!(meeting_date_in_line(line, Some(true)), None, "{line}");
    }
}

#[test]
fn meeting_dates_in_every_form() {
    let day = NaiveDate::from_ymd_opt(2025, 11, 18);
    for text in [
        "11/18/2025",
        "Nov 18, 2025",
        "Tuesday, November 18, 2025 3:00 PM",
        "18 November 2025",
        "2025-11-18",
        "2025/11/18 10:00 CET",
        "18.11.2025",
        "Compte rendu de la réunion du 18 novembre 2025",
        "Verslag vergadering van 18/11/2025",
        "Protokoll der Sitzung vom 18.11.2025",
        "Minutes of the meeting of 18 November 2025",
    ] {
        assert_eq!(meeting_date(text, Some(true)), day, "{text}");
    }
    assert_eq!(
        meeting_date("03/04/2026", Some(false)),
        NaiveDate::from_ymd_opt(2026, 3, 4)
    );
    assert_eq!(
        meeting_date("03/04/2026", Some(true)),
        NaiveDate::from_ymd_opt(2026, 4, 3)
    );
    assert_eq!(meeting_date("November 2025", Some(false)), None);
    // Dutch and French short forms with their dot, after a short weekday.
    for text in [
        "vr 11 dec. 2026, 13:00",
        "**Datum:** vr 11 dec. 2026, 13:00 · **Duur:** 52 min",
        "ven. 11 déc. 2026",
        "Fr., 11. Dez. 2026",
    ] {
        assert_eq!(
            meeting_date(text, Some(true)),
            NaiveDate::from_ymd_opt(2026, 12, 11),
            "{text}"
        );
    }
    // Webex writes the day first with dashes.
    assert_eq!(
        meeting_date("Datum: 12-01-2027  13:30 - 14:25 (GMT+01:00)", Some(true)),
        NaiveDate::from_ymd_opt(2027, 1, 12)
    );
}

/// The recap read from `text`, as a file of kind `extension` would be.
pub(super) fn recap_of(text: &str, extension: &str) -> Recap {
    let input = crate::import::input::decode(text.as_bytes(), extension).unwrap();
    read(&input, &Style::default())
}

/// Each task's title, its owners as written, and whether the team owns it.
pub(super) fn titles_and_owners(recap: &Recap) -> Vec<(&str, &[String], bool)> {
    recap
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.owners.as_slice(), t.with_team))
        .collect()
}

fn task_titles(mail: &str) -> Vec<String> {
    let input = crate::import::input::decode(mail.as_bytes(), "txt").unwrap();
    read(&input, &Style::default())
        .tasks
        .into_iter()
        .map(|task| task.title)
        .collect()
}

/// A reply quotes the mail before it: its old actions are history. A forwarded recap, with no
/// task of the mail's own above it, is what the mail passes on.
#[test]
fn quoted_history_is_left_out_and_a_forwarded_recap_is_read() {
    let reply = "Van: Jan De Clercq <jan@orvanta.be>\nAan: Tom <tom@serres.be>\nOnderwerp: opvolging\n\nHoi Tom,\n\nActiepunten:\n- offerte sturen -> ik, tegen 11/12\n\nGroetjes,\nJan\n\nOp ma 23 nov. 2026 schreef Tom <tom@serres.be>:\n\nActiepunten:\n- oude lijst van vorige keer -> Tom\n";
    assert_eq!(task_titles(reply).len(), 1, "{:?}", task_titles(reply));
    let forward = "Van: Lotte Janssens <lotte@arvane.be>\nAan: Wim <wim@v.be>\nOnderwerp: TR: verslag\n\nHierbij het verslag.\n\nMet vriendelijke groeten,\nLotte\n\n________________________________\nVervolgtaken\n1. Offerte Defender – Lotte Janssens – 30/11\n";
    let titles = task_titles(forward);
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert!(titles[0].starts_with("Offerte Defender"), "{titles:?}");
}

/// The Teams recap writes each follow-up task as a title line over its sentence.
#[test]
fn title_lines_over_sentences_are_one_task_each() {
    let recap = "Samenvatting\nOverleg\n\nVervolgtaken\n\nHerziene offerte\nSofie Claeys stuurt de aangepaste offerte vrijdag naar Griet.\n\nToegang testomgeving\nGriet Vanneste regelt de VPN-toegang tegen eind volgende week.\n";
    assert_eq!(
        task_titles(recap),
        vec![
            "Herziene offerte".to_string(),
            "Toegang testomgeving".to_string()
        ]
    );
}

/// Minutes typed in Word: attendees per side over two lines each, with titles and initials;
/// the last meeting's actions reviewed under their own heading; this meeting's action list.
#[test]
fn minutes_name_their_attendees_and_review_earlier_actions() {
    let minutes = "Verslag stuurgroep nr. 3\n\nDatum: donderdag 19 november 2026\n\nAanwezig\n  Hof ter Linde:  Mevr. An Jacobs (directeur, AJ), Dhr. Luc Hermans (technische dienst, LH),\n                  Katrien Smets (hoofdverpleegkundige, KS)\n  Orvanta:        Marijke Verhaegen (account manager, MV),\n                  Koen Lemmens (netwerkengineer, KL)\n\n2. Opvolging acties vorige stuurgroep\n  2.1  LH – voeding patchkasten nakijken ........ afgerond\n  2.2  KL – firmware-update controllers ......... afgerond op 06/11\n\n3. Actielijst\n- KL: site survey vleugel B tegen vrijdag\n- AJ: onderhoudscontract terugsturen\n";
    let recap = recap_of(minutes, "txt");
    let tasks: Vec<(String, Vec<String>)> = recap
        .tasks
        .iter()
        .map(|task| (task.title.clone(), task.owners.clone()))
        .collect();
    assert_eq!(tasks.len(), 2, "{tasks:?}");
    assert_eq!(tasks[0].1, ["KL"], "{tasks:?}");
    for name in ["An Jacobs", "Luc Hermans", "Katrien Smets", "Koen Lemmens"] {
        assert!(
            recap.participants.iter().any(|p| p == name),
            "{name}: {:?}",
            recap.participants
        );
    }
}

/// Names one a line under "Participants" are a list, even where a long line follows one of
/// them; a short line after a sentence still heads the paragraph under it.
#[test]
fn a_list_without_bullets_has_no_headings_inside() {
    let text = "Participants\nMarijke Verhaegen (Meeting Organizer)\nStefan Verbeke\nPriya Menon\nWouter (facilities) <facilities@verbeke-aero.be>\n\nNotes\nThe renewal was discussed at length today.\nWifi in hangar two\nThe coverage near the big doors is still poor and the auditors come in February.\n";
    let (lines, _) = lines(text);
    let headings: Vec<&str> = lines
        .iter()
        .filter_map(|line| match line {
            Line::Heading(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        ["Participants", "Notes", "Wifi in hangar two"],
        "{lines:?}"
    );
}

/// Loop's task table: a checkbox column, "Toegewezen aan" with mentions side by side.
#[test]
fn a_task_table_names_its_owner_column_in_any_language() {
    let table = "Vervolgtaken\n\n| | Taak | Toegewezen aan | Einddatum |\n|---|---|---|---|\n| ☐ | Planning bezorgen | @Nele Smets @Joris Van Damme | 29/01/2027 |\n| ☐ | Liste der Log-Quellen bereitstellen | Peter Auer | |\n";
    let recap = recap_of(table, "md");
    let owners: Vec<Vec<String>> = recap.tasks.iter().map(|t| t.owners.clone()).collect();
    assert_eq!(
        owners,
        [vec!["Nele Smets", "Joris Van Damme"], vec!["Peter Auer"]],
        "{:?}",
        recap.tasks
    );
}

/// Gemini's header lines (its notes tab, a survey) stand above the meeting's name, which is
/// the title.
#[test]
fn a_tools_header_lines_are_not_the_title() {
    let notes = "✍️ Snelle notities\nBeoordeel het nieuwe tabblad Snelle notities door een korte enquête in te vullen.\nMaes & Verbeke x Corvalis – kwartaalreview\nnov. 24, 2026\nElke Jacobs Thomas Wouters\n";
    let recap = recap_of(notes, "txt");
    assert_eq!(recap.title, "Maes & Verbeke x Corvalis – kwartaalreview");
}

/// A mail whose list of what was agreed holds the tasks; "Mevr. Desmet" is one name in a
/// sentence, and a topic's label ("Back-up:") is nobody.
#[test]
fn what_was_agreed_is_the_list_of_tasks() {
    let mail = "Aanwezig: jij, Bram, Mevr. Desmet (tot 11u) en van onze kant Jan en ikzelf.\n\nWat we afgesproken hebben:\n\n- Jan werkt een voorstel uit voor de nieuwe hosts.\n- Back-up: jullie willen de back-up niet verlengen. Ik vraag een prijs op.\n";
    let recap = recap_of(mail, "txt");
    assert_eq!(recap.tasks.len(), 2, "{:?}", recap.tasks);
    assert!(
        recap.tasks.iter().all(|t| t.owners != ["Back-up"]),
        "{:?}",
        recap.tasks
    );
    assert!(
        !recap.tasks.iter().any(|t| t.title.starts_with("Desmet")),
        "{:?}",
        recap.tasks
    );
}

/// A typed "verslag": attendees with initials and company, someone excused, the previous
/// meeting's actions in a table, numbered headings over paragraphs, this meeting's action list.
#[test]
fn typed_minutes_with_initials_excused_people_and_earlier_actions() {
    let minutes = "VERSLAG OVERLEG\n\nDatum: donderdag 21 januari 2027\n\nAanwezig:\n- Marc Verbist (MV) – Ravenshoek, IT-coördinator\n- Koen Lambrechts (KL) – Sentryx Networks, accountmanager\n- Nele Bogaert (NB) – Sentryx Networks, consultant\n\nVerontschuldigd:\n- Raf Dewitte (RD) – Ravenshoek\n\n2. Opvolging acties vorig verslag\n\nNr | Actie | Wie | Tegen | Status\n1 | Offerte firewall bezorgen | KL | 18/12 | Afgewerkt\n\n3. Netwerk magazijn\n\nDe switches in het magazijn herstarten regelmatig sinds december.\n\nACTIELIJST\n\nNr | Actie | Wie | Tegen\n1 | Offerte switches bezorgen | KL | 29/01\n2 | Back-upbeleid documenteren | NB / KL | eind februari\n3 | Firmware-update labelprinters | Sentryx | asap\n4 | Inventaris handscanners opmaken | RD | 4 februari\n";
    let recap = recap_of(minutes, "txt");
    let tasks: Vec<(&str, Vec<String>, bool)> = recap
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.owners.clone(), t.with_team))
        .collect();
    assert_eq!(tasks.len(), 4, "the earlier action is no task: {tasks:?}");
    assert_eq!(tasks[0].1, ["KL"], "{tasks:?}");
    assert_eq!(tasks[1].1, ["NB", "KL"], "{tasks:?}");
    assert!(
        tasks[2].1.is_empty() && tasks[2].2,
        "a company is the team: {tasks:?}"
    );
    assert_eq!(tasks[3].1, ["RD"], "{tasks:?}");
    assert!(recap.participants.iter().any(|p| p == "Raf Dewitte"));
    assert!(recap.topics.iter().any(|t| t.title == "Netwerk magazijn"));
}

/// tl;dv and Notion mark a section with a pictograph or a bullet ("✅ Actiepunten",
/// "• Action items:"): the name still opens the section, and the items under it are its tasks.
#[test]
fn a_section_name_behind_a_tick_or_a_bullet_is_a_heading() {
    for heading in ["✅ Actiepunten", "• Action items:", "- Prochaines étapes"] {
        let recap = format!("Notities\n• De demo werd goed onthaald.\n\n{heading}\n• Yasmine bezorgt een aangepaste offerte, tegen vrijdag\n• Referentiebezoek organiseren – tegen eind volgende week\n• Transport Maesschalck checkt de subsidies\n");
        let titles = task_titles(&recap);
        assert_eq!(titles.len(), 3, "{heading}: {titles:?}");
    }
    // A point that only begins with a section's word stays a point.
    let goals = "Doelen\n• Scope afkloppen\n• Afspraken rond de pilootfase\n\nBesproken\n• De demo werd goed onthaald.\n";
    assert!(task_titles(goals).is_empty(), "{:?}", task_titles(goals));
}

/// Copilot's notes pasted with their indentation: topics over indented points, follow-up
/// tasks as an indented title over a deeper sentence, a cited source's number after each
/// sentence, the recap's tabs and its link as rows of their own.
#[test]
fn an_indented_copilot_paste_reads_as_its_outline() {
    let recap = "Bouwgroep Van den Eede – Tessaro | Stuurgroep digitale werfopvolging\ndinsdag 3 november 2026 09:30 - 10:35\nRecap · Opname en transcriptie · Inhoud · Aanwezigheid\n\nDeelnemers: Wouter Lippens, Nathalie Goossens, Elke Baert\n\nNotities\n\nStand van zaken pilot\n    - Elke Baert gaf aan dat de app traag is op de werf. 1\n    - Nathalie Goossens legde de offline modus uit. 2\n\nOpvolgingstaken\n    Planning fase 1\n        Nathalie Goossens zal de planning doorsturen tegen maandag 16 november. 3\n    Raamcontract\n        Elke en Wouter stemmen de betalingsvoorwaarden af. 4\n    Deelnemers pilot\n        Het team zal een lijst opmaken van de werfleiders. 5\n\nVermeldingen (3) · Hoofdstukken (5) · Sprekers (5)\n\nBekijk de recap in Microsoft Teams:\nhttps://teams.microsoft.com/l/meetingrecap?threadId=19\n";
    let read = recap_of(recap, "txt");
    let tasks: Vec<(&str, &str)> = read
        .tasks
        .iter()
        .map(|task| (task.title.as_str(), task.description.as_str()))
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "Planning fase 1",
                "De planning doorsturen tegen maandag 16 november."
            ),
            ("Raamcontract", "Stemmen de betalingsvoorwaarden af."),
            ("Deelnemers pilot", "Een lijst opmaken van de werfleiders."),
        ],
    );
    assert_eq!(
        read.title,
        "Bouwgroep Van den Eede – Tessaro | Stuurgroep digitale werfopvolging"
    );
    let topics: Vec<&str> = read.topics.iter().map(|t| t.title.as_str()).collect();
    assert!(topics.contains(&"Stand van zaken pilot"), "{topics:?}");
    let points = &read.topics[topics
        .iter()
        .position(|t| *t == "Stand van zaken pilot")
        .unwrap()]
    .points;
    assert_eq!(points.len(), 2, "{points:?}");
    assert!(
        points.iter().all(|(_, text)| text.ends_with('.')),
        "{points:?}"
    );
}

/// A mail pasted with its headers in Dutch, whose subject names the list it carries: the
/// subject is the title, not the heading of a section.
#[test]
fn a_subject_that_names_a_section_is_the_title() {
    let mail = "Van: Pieter Declercq <pieter@tessaro.be>\nAan: Sofie <sofie@hofterlo-zorg.be>\nOnderwerp: actiepuntenlijst\nDatum: 8 december 2026\n\nACTIEPUNTENLIJST\n\n1. Plattegronden bezorgen\n   Verantwoordelijke: Hof ter Lo\n\n2. Offerte aanvullen\n   Verantwoordelijke: Pieter\n";
    let recap = recap_of(mail, "txt");
    assert_eq!(recap.title, "actiepuntenlijst");
    assert_eq!(recap.tasks.len(), 2, "{:?}", recap.tasks);
    // The customer's domain names it: its task is the team's.
    assert!(
        recap.tasks[0].owners.is_empty() && recap.tasks[0].with_team,
        "{:?}",
        recap.tasks[0]
    );
}

/// Webex's mail: its "Datum:" is the meeting's, written with dashes; a date in a sentence of
/// the notes a few lines down ("getekend op 15/03/2022") is years away from it and no meeting
/// date. Lines that wrap in a mail go on in lower case, but a label's line does not.
#[test]
fn a_mails_dates_and_wrapped_lines() {
    let mail = "Van: Webex <messenger@webex.com>\nOnderwerp: Uw vergaderoverzicht is klaar: Callewaert – evaluatie printvloot\n\nwebex by CISCO\n\nCallewaert – evaluatie printvloot\nDatum: 12-01-2027  13:30 - 14:25  (GMT+01:00) Brussel\n\nSamenvatting\nHet huidige onderhoudscontract werd getekend op 15/03/2022 en loopt per jaar.\n\nActiepunten\n- Ine Dewaele bezorgt een voorstel voor de consolidatie van de printvloot naar\nveertien toestellen, tegen vrijdag\n";
    let recap = recap_of(mail, "txt");
    assert_eq!(
        recap.date.map(|(date, _)| date),
        NaiveDate::from_ymd_opt(2027, 1, 12)
    );
    assert!(!recap.title.contains("CISCO"), "{}", recap.title);
    assert_eq!(recap.tasks.len(), 1, "{:?}", recap.tasks);
    assert!(
        recap.tasks[0].title.contains("veertien toestellen"),
        "{:?}",
        recap.tasks[0]
    );
}

/// Minutes typed in Word and pasted as text keep a tab between a table's cells: the earlier
/// meeting's actions are notes, this meeting's are tasks with their owner's column and their
/// deadline read in the minutes' language.
#[test]
fn a_table_pasted_with_tabs_is_a_table() {
    let minutes = "PROCÈS-VERBAL DU COPIL N° 4\n\nRéunion du jeudi 10 décembre 2026\n\nPrésents : Mme Laurence Mathy, M. Jérôme Pirard, Mme Véronique Piron\n\n2. Suivi des actions du COPIL précédent\n\nN°\tAction\tResponsable\tStatut\nA-09\tTransmettre la liste des utilisateurs\tV. Piron\tClôturé\n\n5. Actions\n\nN°\tAction\tResponsable\tÉchéance\nA-13\tTransmettre le planning des tests\tL. Mathy\t18/12/2026\nA-15\tNettoyer les doublons de la base articles\tÉquipe supply chain\tFin janvier\nA-16\tDésigner un remplaçant\tJ. Pirard\tDès que possible\n";
    let recap = recap_of(minutes, "txt");
    let titles: Vec<&str> = recap.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Transmettre le planning des tests d'ici 18/12/2026",
            "Nettoyer les doublons de la base articles d'ici fin janvier",
            "Désigner un remplaçant — Dès que possible",
        ]
    );
    assert_eq!(recap.tasks[0].owners, ["L. Mathy"]);
}

/// Minutes typed in Word: points lettered "a)", both fields on one line under each, a
/// company in brackets in a list of owners, and who wrote the minutes and when the next
/// meeting is after the list, which are no tasks.
#[test]
fn typed_minutes_with_lettered_points_and_fields_on_one_line() {
    let minutes = "Verslag overleg\n\nDatum: woensdag 24 maart 2027\nAanwezig: Sofie Maes, Joke Van Hecke, Thomas Vermeulen – Corvana Systems\n\nACTIEPUNTEN\n\na) Servicecontract uitwerken.\n   Verantwoordelijke: Sofie Maes – Timing: tegen 2 april\n\nb) Koppeling testen.\n   Verantwoordelijke: Thomas (Corvana) + Joke – Timing: eind april\n\nc) Opleiding organiseren.\n   Verantwoordelijke: Corvana Academy – Timing: begin mei\n\nVolgende vergadering: woensdag 28/04/2027 om 14u00.\n\nVerslag opgemaakt door Joke Van Hecke.\n";
    let recap = recap_of(minutes, "txt");
    let tasks = titles_and_owners(&recap);
    assert_eq!(tasks.len(), 3, "{tasks:?}");
    assert_eq!(tasks[0].1, ["Sofie Maes"]);
    assert_eq!(tasks[1].1, ["Thomas", "Joke"]);
    assert!(tasks[2].1.is_empty() && tasks[2].2, "{tasks:?}");
    assert!(recap.tasks[0].description.contains("tegen 2 april"));
    let said = format!("{:?}", recap.left_out);
    assert!(said.contains("Verslag opgemaakt door"), "{said}");
    let topics = format!("{:?}", recap.topics);
    assert!(topics.contains("28/04/2027"), "{topics}");
}

/// A mail program wraps an item's sentence under its first letter; the next line goes on
/// with it where the sentence broke off, and a name under an item stays its owner.
#[test]
fn an_item_wrapped_under_its_text_goes_on() {
    let mail = "Réunion Corvana – Groupe Deprez\n5 mars 2027\n\nCe que nous avons retenu :\n- Le projet démarrerait par les sites de Mons et de\n  La Louvière ; Tournai reste à confirmer.\n\nProchaines étapes :\n1. Benoît : rassembler les fichiers clients à migrer (format CSV),\n   idéalement pour la fin du mois.\n\nAction items\n[ ] Send the pilot proposal for Tallaght and Swords by next Tuesday\n    Rob Keane · WATCH\n";
    let recap = recap_of(mail, "txt");
    let points = format!("{:?}", recap.topics);
    assert!(points.contains("Mons et de La Louvière"), "{points}");
    assert!(
        recap.tasks[0].title.contains("CSV") && recap.tasks[0].description.contains("idéalement")
            || recap.tasks[0].title.contains("idéalement"),
        "{:?}",
        recap.tasks[0]
    );
    assert_eq!(recap.tasks[1].owners, ["Rob Keane"]);
}

/// A sentence that names a section in passing ("Comme convenu, voici …") is no heading; a
/// rating prompt and a label with a link alone are the tool's, not tasks.
#[test]
fn sentences_and_tool_lines_are_no_sections_or_tasks() {
    let mail = "Réunion Corvana – Groupe Deprez\n5 mars 2027\n\nMerci encore pour la réunion de ce matin à Mons et pour l'accueil. Comme\nconvenu, voici un petit récapitulatif.\n\nActions\n- Camille : envoyer l'offre d'ici le 15.\n\nShare: https://notes.invalid/s/x1\nHoe goed waren deze notities? 👍 👎\n";
    let recap = recap_of(mail, "txt");
    assert_eq!(recap.tasks.len(), 1, "{:?}", recap.tasks);
    let notes = format!("{:?}", recap.topics);
    assert!(notes.contains("voici un petit récapitulatif"), "{notes}");
}

/// A mail names its meeting by a weekday ("notre réunion de lundi"), lists actions as "task :
/// name, deadline", and asks its one reader in a PS; the meeting is the last such weekday
/// it was sent on or after, and the reader owns what the mail asks of them.
#[test]
fn a_mail_names_its_meeting_by_weekday_and_asks_its_reader() {
    let mail = "De : Sébastien Dubois <sebastien.dubois@velmora-it.be>\nEnvoyé : mardi 1 décembre 2026 18:04\nÀ : Marie Lejeune <m.lejeune@meuse.be>\nObjet : Réunion de lundi - suite\n\nBonjour Marie,\n\nJe reviens vers vous suite à notre réunion de lundi.\n\nActions :\n1. Offre définitive : Sébastien, pour vendredi\n2. Planning détaillé : nous, début janvier\n3. Pourriez-vous me transmettre une copie du contrat de maintenance ?\n";
    let recap = recap_of(mail, "txt");
    assert_eq!(
        recap.date.as_ref().map(|(date, _)| *date),
        NaiveDate::from_ymd_opt(2026, 11, 30)
    );
    let owners: Vec<(&[String], bool)> = recap
        .tasks
        .iter()
        .map(|t| (t.owners.as_slice(), t.with_team))
        .collect();
    assert_eq!(owners[0].0, ["Sébastien"]);
    assert!(
        recap.tasks[0].title.contains("pour vendredi"),
        "{:?}",
        recap.tasks[0]
    );
    assert!(owners[1].0.is_empty() && owners[1].1, "{owners:?}");
    assert_eq!(owners[2].0, ["Marie Lejeune"]);
}

/// Minutes typed in Word: aligned labels whose value goes on under its column, headings
/// numbered "2." over points "2.1", and an action list typed without a header, whose owners
/// are initials the attendee list gives; "ik" is who wrote the minutes.
#[test]
fn typed_minutes_with_an_outline_and_a_headerless_action_list() {
    let minutes = "VERSLAG OVERLEG\nBrantix NV – Corvana\n\nDatum:      vrijdag 20 november 2026\nAanwezig:   Geert Maes (zaakvoerder), Kurt Smet – Brantix\n            Jens Vandamme (JV, accountmanager), Femke Wouters (FW)\nVerslaggever: Femke Wouters\n\n1. Werven\n\n1.1 Vanaf december starten drie nieuwe werven. Op elke werf moet\n    een router komen (incl. VPN).\n1.2 Tablets met enkel toegang tot de planning zijn voldoende.\n\n2. Actielijst\n\nAP-07 | Routers bestellen en configureren (incl. VPN) | JV | tegen 2 december\nAP-08 | Lijst van de werfleiders bezorgen | Kurt | eind volgende week\nAP-09 | Contract opzeggen | Brantix | asap\nAP-10 | Wachtwoordbeleid bespreken | ik | –\n";
    let recap = recap_of(minutes, "txt");
    let tasks = titles_and_owners(&recap);
    assert_eq!(tasks.len(), 4, "{tasks:#?}");
    assert!(
        tasks[0]
            .0
            .starts_with("Routers bestellen en configureren (incl. VPN)"),
        "{tasks:#?}"
    );
    // As written: people.toml and the attendees resolve "JV" and "Kurt" when it is written.
    assert_eq!(tasks[0].1, ["JV"]);
    assert_eq!(tasks[1].1, ["Kurt"]);
    assert!(
        tasks[2].1.is_empty() && tasks[2].2,
        "a company owes it: {tasks:#?}"
    );
    assert_eq!(tasks[3].1, ["Femke Wouters"]);
    assert!(!tasks[3].0.contains('–'), "{tasks:#?}");
    assert!(
        recap.participants.iter().any(|p| p == "Jens Vandamme"),
        "{:?}",
        recap.participants
    );
    assert!(
        !recap.participants.iter().any(|p| p == "Tablets"),
        "{:?}",
        recap.participants
    );
    let topics: Vec<&str> = recap.topics.iter().map(|t| t.title.as_str()).collect();
    assert!(topics.contains(&"Werven"), "{topics:?}");
    let notes = format!("{:?}", recap.topics);
    assert!(
        notes.contains("Op elke werf moet een router komen"),
        "{notes}"
    );
}

/// Word's HTML puts a paragraph in every cell: a row is still one task with its owner and
/// deadline; a company named with its legal form anywhere owns as the team; "Mme" is a title.
#[test]
fn a_word_table_of_actions_in_html() {
    let html = "<html><body><h1>Procès-verbal</h1><p><b>Date&nbsp;:</b> lundi 23 novembre 2026</p><p><b>Présents&nbsp;:</b> Mme Caroline Delhaye (directrice, Solvimo), M. Maxime Lejeune (account manager, Tolvane)</p><h2>4. Tableau des actions</h2><table><tr><td><p>N°</p></td><td><p><b>Action</b></p></td><td><p>Porteur</p></td><td><p>Échéance</p></td></tr><tr><td><p>1</p></td><td><p>Remettre une offre pour les bornes Wi-Fi</p></td><td><p>Maxime</p></td><td><p>d'ici vendredi</p></td></tr><tr><td><p>2</p></td><td><p>Organiser la formation phishing</p></td><td><p>Tolvane</p></td><td><p>janvier 2027</p></td></tr></table><p>Tolvane IT Services SA – Namur</p></body></html>";
    let recap = recap_of(html, "html");
    assert_eq!(recap.tasks.len(), 2, "{:#?}", recap.tasks);
    assert_eq!(recap.tasks[0].owners, ["Maxime"]);
    assert!(
        recap.tasks[0].title.contains("d'ici vendredi"),
        "{:?}",
        recap.tasks[0]
    );
    assert!(
        recap.tasks[1].owners.is_empty() && recap.tasks[1].with_team,
        "{:?}",
        recap.tasks[1]
    );
    assert!(
        recap.participants.iter().any(|p| p == "Caroline Delhaye"),
        "{:?}",
        recap.participants
    );
}

/// "Was – Wer – Bis wann" after the heading says the columns; "Sie" and "ich" in the owner's
/// column are the mail's reader and its sender, "wir" the team; good wishes are no task.
#[test]
fn pronouns_in_an_owner_column_and_good_wishes() {
    let mail = "Von: Jörg Lennartz <joerg.lennartz@corvana.de>\nGesendet: Donnerstag, 10. Dezember 2026 17:02\nAn: Monika Kohnen <m.kohnen@ourtal.be>\nBetreff: Zusammenfassung unseres Termins\n\nSehr geehrte Frau Kohnen,\n\nvielen Dank für das Gespräch heute.\n\nAufgaben (Was – Wer – Bis wann)\n1. Benutzerliste bereitstellen – Sie – bis Dienstag\n2. Angebot für den Ersatz der Server – ich – bis Ende nächster Woche\n3. Netzwerkplan aktualisieren – wir – ohne festen Termin\n\nIch wünsche Ihnen schon jetzt eine ruhige Adventszeit.\n\nMit freundlichen Grüßen\nJörg Lennartz\n";
    let recap = recap_of(mail, "txt");
    let owners: Vec<(&[String], bool)> = recap
        .tasks
        .iter()
        .map(|t| (t.owners.as_slice(), t.with_team))
        .collect();
    assert_eq!(owners.len(), 3, "{:#?}", recap.tasks);
    assert_eq!(owners[0].0, ["Monika Kohnen"]);
    assert_eq!(owners[1].0, ["Jörg Lennartz"]);
    assert!(owners[2].0.is_empty() && owners[2].1, "{owners:?}");
}

/// Minutes written as prose: a name, a team or a company with a verb in the present tense is a
/// commitment, and so is a passive sentence with a deadline; what someone said, asked or
/// wished is not, whatever date it names. "Ich" is who wrote the minutes; a word in capitals
/// or a short noun ends a sentence.
#[test]
fn commitments_written_in_prose() {
    let minutes = "PROTOKOLL\n\nDatum:      Montag, 23. November 2026\nTeilnehmer: Dirk Pankert (Produktion), Sabine Margraff (Account) – Kavenor\nProtokoll:  Sabine Margraff\n\nAnbindung\n\nHerr Pankert erklärte, dass die Maschine seit Oktober per USB-Stick arbeitet. Ziel ist eine Anbindung an das ERP. Herr Pankert stellt bis Freitag die Schnittstellenbeschreibung zur Verfügung. Auf dieser Grundlage erstellt Kavenor bis KW 51 eine Aufwandsschätzung. Die Passwortrichtlinie wird bis 11.12. überarbeitet. Herr Pankert möchte bis Januar einen Bericht. Die Umstellung wird auf März verschoben. Ich kläre bis Ende nächster Woche die Lizenzen vor Ort. Danach melden wir uns.\n";
    let recap = recap_of(minutes, "txt");
    let tasks = titles_and_owners(&recap);
    assert_eq!(tasks.len(), 4, "{tasks:#?}");
    assert!(tasks[0].0.contains("Schnittstellenbeschreibung") && tasks[0].1 == ["Herr Pankert"]);
    assert!(
        tasks[1].0.contains("Aufwandsschätzung") && tasks[1].2,
        "{tasks:#?}"
    );
    assert!(
        tasks[2].0.contains("Passwortrichtlinie") && tasks[2].1.is_empty(),
        "{tasks:#?}"
    );
    assert!(
        tasks[3].0.contains("Lizenzen") && tasks[3].1 == ["Sabine Margraff"],
        "{tasks:#?}"
    );
}

/// Outlook in Austria shows "Surname Given": the address writes the name the other way round.
#[test]
fn a_name_shown_surname_first_is_read_as_the_address_writes_it() {
    let mail = "Von: Hofbauer Verena <verena.hofbauer@backwaren.at>\nGesendet: Freitag, 11. Dezember 2026 15:47\nAn: Kohnen Thomas <thomas.kohnen@kavenor.be>\nBetreff: Zusammenfassung\n\nSehr geehrter Herr Kohnen,\n\nIch kläre intern die Kassen-Updates und melde mich spätestens Ende nächster Woche.\n";
    let recap = recap_of(mail, "txt");
    assert_eq!(recap.tasks.len(), 1, "{:#?}", recap.tasks);
    assert_eq!(recap.tasks[0].owners, ["Verena Hofbauer"]);
    assert!(
        recap.participants.contains(&"Thomas Kohnen".to_string()),
        "{:?}",
        recap.participants
    );
}

/// Beside a section of tasks, a point of the notes is a task where a label names its owner
/// ("Wie: Hilde Maes."), and only then: a line that is only a label, or minutes of what someone
/// said, stay notes. "- WATCH (30:47)" goes with its dash.
#[test]
fn a_labelled_point_beside_the_tasks_is_one_more() {
    let recap = "Acme weekly\n12 November 2026\n\nVolgende stappen\n- Jan stuurt de offerte tegen vrijdag\n\nNotities\n- Prijsvergelijking van de handscanners opmaken. Wie: Hilde Maes. Tegen: 27/11.\n- **Wie:** Elliot (AE), Nadia (ops)\n- Mme Piron rappelle que le budget est de 412 k€. Responsable : Mme Piron.\n\nAction items\n\nGreg Lane\n  Send the dashboard inventory - WATCH (30:47)\n";
    let recap = recap_of(recap, "txt");
    let titles = titles_and_owners(&recap);
    assert_eq!(titles.len(), 3, "{titles:?}");
    let labelled = titles
        .iter()
        .find(|(title, _, _)| title.starts_with("Prijsvergelijking"));
    assert_eq!(
        labelled.map(|task| task.1),
        Some(&["Hilde Maes".to_string()][..])
    );
    assert!(
        titles
            .iter()
            .any(|task| task.0 == "Send the dashboard inventory"),
        "{titles:?}"
    );
}

/// A box or a to-do keyword makes an item a task wherever it stands, with what is nested under
/// it as its fields; a box ticked as covered on the agenda, a done keyword or the last
/// meeting's reviewed action does not.
#[test]
fn boxed_and_to_do_items_among_the_notes_are_tasks() {
    let outline = "Sync with Acme\ndate:: [[Mar 3rd, 2027]]\n\n- Sync with Acme #meeting\n\t- ## Backup\n\t\t- Veeam support runs until 31/03\n\t\t- TODO @Tom to draft the runbook\n\t\t  DEADLINE: <2027-03-12 Fri>\n\t\t- LATER check the licences\n\t\t- DONE sent the agenda\n";
    let titles = task_titles(outline);
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles[0].contains("runbook") && titles[1].contains("licences"),
        "{titles:?}"
    );
    let notes = "# Sync\nDate: 3 March 2027\n\n## Agenda\n- ☑ Backup\n- ☐ Varia\n\n## Backup\n- Veeam runs until 31/03\n- [ ] check the licences\n\n## Previous actions\n- [ ] @Femke share the plan — still open\n";
    assert_eq!(task_titles(notes), vec!["Check the licences".to_string()]);
}

/// "Qui : Julien Collard — planifier …": the label names the owner, and is no name itself.
#[test]
fn an_owner_label_opening_an_item_names_who_follows_it() {
    let recap = recap_of("Comité\nDate : lundi 7 décembre 2026\nParticipants : Julien Collard, Catherine Lambert\n\nActions\n1. Qui : Julien Collard — planifier les tests de portabilité.\n2. Responsable : Catherine Lambert – valider la liste des numéros.\n", "txt");
    let read = titles_and_owners(&recap);
    assert_eq!(read.len(), 2, "{read:?}");
    assert_eq!(read[0].0, "Planifier les tests de portabilité");
    assert_eq!(read[0].1, ["Julien Collard".to_string()]);
    assert_eq!(read[1].1, ["Catherine Lambert".to_string()]);
}

#[test]
fn a_timestamp_with_its_label_inside_the_brackets_goes() {
    assert_eq!(
        without_timestamps("Send pricing (Tom Lenaerts) – by Friday   [WATCH 12:41]"),
        ("Send pricing (Tom Lenaerts) – by Friday".to_string(), 1)
    );
}

#[test]
fn a_clause_of_purpose_does_not_negate_the_commitment() {
    assert!(!negated(
        "Wij zorgen dat de testomgeving tegen 13 november klaarstaat, zodat de proeven niet op productie gebeuren."
    ));
    assert!(!negated(
        "We set up the lab by Friday, so that nothing runs on prod."
    ));
    assert!(negated("We plannen de migratie pas na de kerstvakantie."));
    assert!(negated(
        "Nous ne livrerons pas avant janvier, afin que tout soit testé."
    ));
}

#[test]
fn a_mail_that_lists_its_tasks_again_gives_each_once_and_its_reply_history_none() {
    let mail = "From: Wouter Dierickx <wouter@stratavia.example>\nTo: Géraldine Martin <g@sablon.example>\nSubject: Verslag overleg telefonie\nDate: Thu, 10 Dec 2026 17:00:00 +0100\n\nBeste Géraldine,\n\nWat volgt er?\nIk stuur jullie tegen vrijdag de aangepaste offerte voor de 140 Teams Phone-licenties.\nGéraldine, kun je ons de lijst met de interne nummers per hotel bezorgen? Liefst tegen 18/12.\n\nNog even op een rij:\n- offerte Teams Phone: Wouter, vrijdag\n- nummerlijst per hotel: Géraldine, 18/12\n- Ons volgende overleg staat gepland op donderdag 14 januari om 10u.\n\nMet vriendelijke groeten,\nWouter Dierickx\n\n-----Oorspronkelijk bericht-----\nVan: Géraldine Martin <g@sablon.example>\nVerzonden: maandag 7 december 2026 17:12\nOnderwerp: Voorbereiding\n\nKunnen jullie tegen donderdag de documentatie van de toestellen sturen?\n";
    let recap = recap_of(mail, "eml");
    let titles: Vec<&str> = recap.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles[0].contains("aangepaste offerte"), "{titles:?}");
    assert!(titles[1].contains("interne nummers"), "{titles:?}");
}

#[test]
fn the_next_meeting_after_a_possessive_is_no_task() {
    for line in [
        "Ons volgende overleg staat gepland op donderdag 14 januari om 10u.",
        "Notre prochaine réunion aura lieu le 14 janvier.",
        "Our next call is on 14 January.",
        "Volgende huddle: donderdag 26 november om 10:00 in dit kanaal.",
    ] {
        assert!(names_another_section(line), "{line}");
    }
    assert!(!names_another_section("Ons team plant de volgende stap."));
    assert!(!names_another_section("Next steps: Ana sends the offer."));
}
