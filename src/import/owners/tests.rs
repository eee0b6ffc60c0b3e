use super::*;

fn owners(item: &str) -> (Vec<String>, bool, String) {
    let owned = task_owners(item, true, &Gazetteer::default());
    (owned.owners, owned.with_team, owned.text)
}

#[test]
fn every_place_tools_put_owners() {
    let table: &[(&str, &[&str], bool, &str)] = &[
        (
            "Send the offer by March 31st. (Sam, Zoë and the team)",
            &["Sam", "Zoë"],
            true,
            "Send the offer by March 31st.",
        ),
        (
            "Sam to send the offer by Friday",
            &["Sam"],
            false,
            "Send the offer by Friday",
        ),
        (
            "Sam Peeters and Ana will review the draft",
            &["Sam Peeters", "Ana"],
            false,
            "Review the draft",
        ),
        ("Team to book the venue", &[], true, "Book the venue"),
        (
            "@Dries & @Sarah can you also prep the demo by Jan 12?",
            &["Dries", "Sarah"],
            false,
            "Can you also prep the demo by Jan 12?",
        ),
        (
            "[Sam, Ana Lucía Ferreira] Pricing: send the revised quote",
            &["Sam", "Ana Lucía Ferreira"],
            false,
            "Pricing: send the revised quote",
        ),
        (
            "Send the revised quote. Owner: Ana",
            &["Ana"],
            false,
            "Send the revised quote.",
        ),
        (
            "Update the runbook (Assignee: Bo Li) by Friday",
            &["Bo Li"],
            false,
            "Update the runbook by Friday",
        ),
        (
            "@sam send the deck 22 Jan 2027",
            &["sam"],
            false,
            "Send the deck 22 Jan 2027",
        ),
        (
            "Book the room — Ana Lucía",
            &["Ana Lucía"],
            false,
            "Book the room",
        ),
        (
            "ana.ferreira@example.com to share the slides",
            &["ana.ferreira@example.com"],
            false,
            "Share the slides",
        ),
        ("Everyone to read the memo", &[], true, "Read the memo"),
        (
            "Fix it before the milestone (Dec 4-5)",
            &[],
            false,
            "Fix it before the milestone (Dec 4-5)",
        ),
        (
            "Microsoft and Nokia are to be compared",
            &[],
            false,
            "Microsoft and Nokia are to be compared",
        ),
        (
            "Follow up with the customer on the pilot",
            &[],
            false,
            "Follow up with the customer on the pilot",
        ),
        (
            "Prepare the plan - draft first",
            &[],
            false,
            "Prepare the plan - draft first",
        ),
    ];
    for (item, names, team, text) in table {
        let (found, found_team, rest) = owners(item);
        assert_eq!(found, *names, "{item}");
        assert_eq!(found_team, *team, "{item}");
        assert_eq!(rest, *text, "{item}");
    }
}

#[test]
fn group_headings_are_names_only() {
    assert_eq!(
        group_heading("**Sam Peeters**"),
        Some((vec!["Sam Peeters".into()], false))
    );
    assert_eq!(group_heading("Ana:"), Some((vec!["Ana".into()], false)));
    assert_eq!(group_heading("Next steps for the pilot"), None);
}

/// Owners as Dutch, French and German recaps write them; the English of each form is above.
#[test]
fn owners_in_dutch_french_and_german() {
    let table: &[(&str, &[&str], bool)] = &[
        ("Jan zal de offerte herzien", &["Jan"], false),
        (
            "Jan en Els moeten de demo voorbereiden",
            &["Jan", "Els"],
            false,
        ),
        (
            "De offerte herzien. Eigenaar: Jan Peeters",
            &["Jan Peeters"],
            false,
        ),
        ("Verantwoordelijke: Els Janssens", &["Els Janssens"], false),
        ("Het team zal de planning delen", &[], true),
        ("Marie va envoyer le devis", &["Marie"], false),
        (
            "Marie et Paul doivent valider le budget",
            &["Marie", "Paul"],
            false,
        ),
        ("Marie s'occupe de la démo", &["Marie"], false),
        (
            "Envoyer le devis. Responsable : Marie Dubois",
            &["Marie Dubois"],
            false,
        ),
        ("Jonas wird das Angebot schicken", &["Jonas"], false),
        (
            "Jonas und Lea sollen die Demo vorbereiten",
            &["Jonas", "Lea"],
            false,
        ),
        (
            "Angebot schicken. Verantwortlich: Lea Schmidt",
            &["Lea Schmidt"],
            false,
        ),
        // An article or pronoun is no one: "De klant zal …", "Il va …", "Die Kunde wird …".
        ("De klant zal de licenties bevestigen", &[], false),
        ("Il va envoyer le devis", &[], false),
    ];
    let mut wrong = Vec::new();
    for (item, names, team) in table {
        let (got, got_team, _) = owners(item);
        if got != *names || got_team != *team {
            wrong.push(format!("{item}: {got:?} team {got_team}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every owner field is read as a label in the line too, before a colon in any case and with
/// any spacing, after a bracket or in bold, so that "Assigné à: Camille" in a line and on a
/// line of its own both give the owner.
#[test]
fn every_owner_field_is_a_label_in_the_line() {
    for field in OWNER_FIELDS {
        for line in [
            format!("Send the deck ({field}: Sam Peeters)"),
            format!("Send the deck – {}: Sam Peeters", field.to_uppercase()),
            format!("**{field} :** Sam Peeters"),
        ] {
            let owned = task_owners(&line, false, &Gazetteer::default());
            assert_eq!(owned.owners, ["Sam Peeters"], "{line}");
        }
    }
    assert_eq!(owner_label("Owner is Sam: yes"), None);
    assert_eq!(owner_label("Send it, assigned to Ana"), Some((9, 20)));
}

/// Initials, a title and surname, or an initial and surname stand for the one full name they
/// fit; departments and a different surname do not.
#[test]
fn short_forms_stand_for_the_full_name_they_fit() {
    let table: &[(&str, &str, bool)] = &[
        ("MV", "Marc Vermeulen", true),
        ("M.V.", "Marc Vermeulen", true),
        ("PDS", "Pieter De Smet", true),
        ("PS", "Pieter De Smet", true),
        ("Dhr. Claes", "Wouter Claes", true),
        ("Mme Lefèvre", "Anne Lefevre", true),
        ("Pieter W.", "Pieter Wouters", true),
        ("Pieter W", "Pieter Wouters", true),
        ("Jonas DW", "Jonas De Wilde", true),
        ("Jonas D.W.", "Jonas De Wilde", true),
        ("Pieter V.", "Pieter Wouters", false),
        ("Piet W.", "Pieter Wouters", false),
        ("Frau Weber", "Jonas Weber", true),
        ("G. Wilmotte", "Gérard Wilmotte", true),
        ("H. Wilmotte", "Gérard Wilmotte", false),
        ("C Henrard", "Caroline Henrard", true),
        ("Dhr. Peeters", "Wouter Claes", false),
        ("IT", "Ingrid Tanghe", false),
        ("MV", "Marc", false),
        ("Marc", "Marc Vermeulen", false),
    ];
    for (short, full, fits) in table {
        assert_eq!(stands_for(short, full), *fits, "{short} for {full}");
    }
}

/// Owners people write after the task: after its last colon (names the recap gives), after an
/// arrow, in a column between dashes.
#[test]
fn owners_written_after_the_task() {
    let mut known = Gazetteer::default();
    known.add("Thomas Laurent");
    known.add("Véronique Dumont");
    let table: &[(&str, &[&str], &str)] = &[
        (
            "Envoyer le devis pour vendredi : Thomas et Véronique",
            &["Thomas", "Véronique"],
            "Envoyer le devis pour vendredi",
        ),
        ("Agenda item: Budget", &[], "Agenda item: Budget"),
        ("Offerte sturen -> Koen", &["Koen"], "Offerte sturen"),
        (
            "Lijst toestellen -> Lies, ten laatste woensdag",
            &["Lies"],
            "Lijst toestellen, ten laatste woensdag",
        ),
        (
            "Offerte Defender – Lotte Janssens – 30/11",
            &["Lotte Janssens"],
            "Offerte Defender – 30/11",
        ),
    ];
    for (item, names, text) in table {
        let owned = task_owners(item, false, &known);
        assert_eq!(owned.owners, *names, "{item}");
        assert_eq!(owned.text, *text, "{item}");
    }
}

/// A first name written alone before a verb of action is an owner in Dutch, French and German,
/// where the verb's ending tells it from a noun; never a word the text writes as a noun, and
/// never in English, where "Compare forecast accuracy" has the same shape.
#[test]
fn lone_first_names_before_a_verb_of_action() {
    use crate::import::language::Language;
    let recap = "Bram (Nexor) stelde voor om te starten. Das Angebot kam gestern. De offerte \
                 volgt. Maxime, responsable du support, a expliqué la panne.";
    let table: &[(Language, &str, &[&str])] = &[
        (
            Language::Dutch,
            "Bram bevestigt maandag de datum",
            &["Bram"],
        ),
        (Language::French, "Maxime partagera le rapport", &["Maxime"]),
        (
            Language::French,
            "Julien et Camille animeront l'atelier",
            &[],
        ),
        (Language::German, "Angebot folgt bis Freitag", &[]),
        (Language::Dutch, "Offerte volgt later", &[]),
        (Language::Dutch, "Budget sturen naar Katrien", &[]),
        (Language::English, "Compare forecast accuracy", &[]),
        (Language::English, "Bram sends the plan", &[]),
    ];
    for (language, item, names) in table {
        let mut known = Gazetteer::default();
        known.set_language(*language);
        known.add_common_words(recap);
        let owned = task_owners(item, false, &known);
        assert_eq!(owned.owners, *names, "{item}");
    }
}

/// A first name is known by the one full name the text writes twice, even with no attendee
/// list, but not when two such names share it.
#[test]
fn first_names_known_from_full_names_the_text_repeats() {
    let text = "Joris De Smet en Lien Vermeulen (Nexor) bespraken de migratie.\n\
                Lien Vermeulen gaf een overzicht. Joris De Smet plant een opvolging.\n\
                Joris Peeters en Joris Peeters kwamen later.";
    let mut known = Gazetteer::default();
    for name in repeated_full_names(text) {
        known.add_seen(&name);
    }
    assert!(known.knows("Lien"));
    assert!(!known.knows("Joris"));
    let owned = task_owners("Lien stuurt de offerte", false, &known);
    assert_eq!(owned.owners, ["Lien"]);
}

/// A legal form ends a company's name, which owns a task as a team does; alone, the same
/// letters are someone's initials.
#[test]
fn a_legal_form_alone_is_initials() {
    assert_eq!(name_list("AB"), Some((vec!["AB".to_string()], false)));
    assert_eq!(name_list("Orvanta AB"), Some((vec![], true)));
    assert_eq!(name_list("Brantix NV"), Some((vec![], true)));
    assert_eq!(name_list("Corvana Systems"), Some((vec![], true)));
    assert_eq!(name_list("Tolvane IT Services"), Some((vec![], true)));
    assert_eq!(name_list("Zorggroep Denderstreek"), Some((vec![], true)));
    // A task's words ending in a company's noun are no company.
    assert_eq!(name_list("Send pricing for Autopilot services"), None);
    assert_eq!(
        name_list("Thomas (Corvana) + Joke"),
        Some((vec!["Thomas".to_string(), "Joke".to_string()], false))
    );
    let owned = task_owners(
        "Die Lizenzanzahl bestätigen — Verantwortlich: AB",
        false,
        &Gazetteer::default(),
    );
    assert_eq!(owned.owners, ["AB"]);
}

/// A department, with or without its company, is the team, not a person.
#[test]
fn departments_are_the_team() {
    for name in [
        "Servicedesk Velthem",
        "Support Orvanta",
        "de helpdesk",
        "Finance",
    ] {
        assert_eq!(name_list(name), Some((Vec::new(), true)), "{name}");
    }
    assert_eq!(
        name_list("Sofie Janssens"),
        Some((vec!["Sofie Janssens".to_string()], false))
    );
}

/// Outlook's recipients, surname first, are one person each, without their title.
#[test]
fn surname_first_recipients_are_one_person_each() {
    let table: &[(&str, &[&str])] = &[
        (
            "Vogt, Matthias <matthias.vogt@kontura-systems.de>",
            &["Matthias Vogt"],
        ),
        (
            "Albers, Frank Dr. <frank.albers@hessler-mb.de>; Roth, Sabine <sabine.roth@hessler-mb.de>",
            &["Frank Albers", "Sabine Roth"],
        ),
        ("Krüger, Jana <jana.krueger@kontura-systems.de>", &["Jana Krüger"]),
        (
            "Hessler: Dr. Frank Albers (FA), Leitung Konstruktion; Sabine Roth (SR), IT-Leitung;",
            &["Frank Albers", "Sabine Roth"],
        ),
    ];
    for (header, names) in table {
        assert_eq!(attendee_names(header), *names, "{header}");
    }
}

/// "@Wout – Wout Peeters": a display name, then the full name it stands for; neither is a
/// company, while "Ana Peeters – Proximus" names one.
#[test]
fn a_display_name_followed_by_its_full_name_is_one_person() {
    assert_eq!(attendee_names("@Wout – Wout Peeters"), ["Wout Peeters"]);
    assert!(attendee_companies("@Wout – Wout Peeters").is_empty());
    assert_eq!(attendee_names("Ana Peeters – Proximus"), ["Ana Peeters"]);
    assert_eq!(attendee_companies("Ana Peeters – Proximus"), ["Proximus"]);
}

/// "Mme Henrard" and "G. Wilmotte" stand for the one full name with that surname the text
/// writes, wherever it writes it; two such names leave it open.
#[test]
fn a_title_and_surname_find_the_full_name_the_text_gives() {
    let text = "Caroline Henrard (Alvéa) a présenté le planning. Mme Henrard enverra l'offre.";
    assert_eq!(
        full_name_for("Mme Henrard", text).as_deref(),
        Some("Caroline Henrard")
    );
    assert_eq!(
        full_name_for("C. Henrard", text).as_deref(),
        Some("Caroline Henrard")
    );
    let two = "Anne Dupont et Paul Dupont étaient présents.";
    assert_eq!(full_name_for("M. Dupont", two), None);
}

/// A company is known by its mail domain ("hofterlo-zorg" for "Hof ter Lo") and by the side of
/// the title it stands on ("Kaasmakerij Ter Walle" for "Ter Walle"), unless an attendee list
/// gives that name to a person.
#[test]
fn companies_are_known_by_their_mail_domain_and_the_title() {
    let mut known = Gazetteer::default();
    known.add_domain("hofterlo-zorg");
    known.add_title("Kaasmakerij Ter Walle – kwartaaloverleg etikettering");
    known.add("Jan Peeters");
    known.add_title("Jan Peeters / Bram Smets – 1:1");
    assert!(known.is_company("Hof ter Lo"));
    assert!(known.is_company("Ter Walle"));
    assert!(known.is_company("Kaasmakerij Ter Walle"));
    assert!(!known.is_company("Jan Peeters"));
    assert!(!known.is_company("Hof"), "too short to stand for a domain");
    assert!(!known.is_company("Sofie Van Damme"));
    known.add_title("TR: Résumé de réunion pour « Logistique Hennuyère – revue T4 »");
    assert!(known.is_company("Logistique Hennuyère"));
}

/// A sentence that opens with something else before its subject still names its owner: after
/// a comma ("Comme convenu, Jérôme vous enverra"), with the verb second as Dutch and German
/// put it ("Zoals afgesproken bezorgt Jef"), or spoken to ("Griet, jij zou nog navragen");
/// a name after a preposition is whom the task is for.
#[test]
fn an_owner_after_what_opens_the_sentence() {
    let mut known = Gazetteer::default();
    for name in ["Jérôme Thiry", "Jef Moens", "Griet Claes"] {
        known.add_seen(name);
    }
    let owner = |text: &str| task_owners(text, false, &known).owners;
    assert_eq!(
        owner("Comme convenu, Jérôme vous enverra l'export d'ici vendredi"),
        ["Jérôme"]
    );
    assert_eq!(
        owner("Zoals afgesproken bezorgt Jef jullie tegen vrijdag een offerte"),
        ["Jef"]
    );
    assert_eq!(
        owner("Zodra we een naam hebben, plant Jef het overleg in"),
        ["Jef"]
    );
    assert_eq!(
        owner("Griet, jij zou nog navragen wie het aanspreekpunt wordt"),
        ["Griet"]
    );
    assert_eq!(
        owner("Mehdi, peux-tu préparer l'accès VPN d'ici le 8 janvier ?"),
        ["Mehdi"]
    );
    assert!(owner("Send the revised quote to Jef by Friday").is_empty());
}

/// Names after a dash said to take the task on, or with a role in brackets, then the deadline,
/// which stays in the text; "Pilote :" opening a line names an owner, "Projet pilote :" does
/// not; a first name with its surname's initial is the attendee it abbreviates.
#[test]
fn names_said_to_take_a_task_on_and_short_forms() {
    let mut known = Gazetteer::default();
    for name in [
        "Sophie Lemaire",
        "Thibault Ramaekers",
        "Sarah Janssens",
        "Pieter Wouters",
    ] {
        known.add(name);
    }
    let owned = |text: &str| task_owners(text, false, &known);
    let read = owned("Envoyer la proposition – Sophie s'en charge, pour lundi");
    assert_eq!(read.owners, ["Sophie"]);
    assert_eq!(read.text, "Envoyer la proposition, pour lundi");
    assert_eq!(
        owned("Vérifier les licences – à faire par Thibault").owners,
        ["Thibault"]
    );
    let read =
        owned("Valider la clause DPA – Caroline (service juridique Boréal), avant fin novembre");
    assert_eq!(read.owners, ["Caroline"]);
    assert_eq!(read.text, "Valider la clause DPA, avant fin novembre");
    assert!(
        owned("Relancer le fournisseur – Sophie, si le budget est accepté par la direction")
            .owners
            .is_empty()
    );
    assert_eq!(owned("Pilote : M. Bastin").owners, ["M. Bastin"]);
    assert!(owned("Projet pilote : finance et RH d'abord")
        .owners
        .is_empty());
    assert_eq!(
        owned("Sarah J. en Pieter W. bekijken samen de planning").owners,
        ["Sarah J.", "Pieter W."]
    );
    assert_eq!(
        owned("Netwerkschema's bezorgen – mevrouw Bosmans").owners,
        ["mevrouw Bosmans"]
    );
}

/// A word that joins an acronym to a word in lower case is a compound noun, not a name.
#[test]
fn an_acronym_compound_is_no_name() {
    assert_eq!(person_name("De API-koppeling"), None);
    assert_eq!(person_name("OT-zone"), None);
    assert_eq!(person_name("Jean DUPONT").as_deref(), Some("Jean DUPONT"));
    assert_eq!(person_name("Ian McNeil").as_deref(), Some("Ian McNeil"));
}

/// A name in brackets after someone's is their company, wherever the recap writes it.
#[test]
fn companies_are_learnt_from_asides_after_names() {
    assert_eq!(
        companies_in_asides(
            "Stijn en Mehdi El Amrani (Datavance) bespraken met Ward (Textielgroep Leievallei), Ann (CFO), Tom (account manager), Els (3 dagen) en Fireflies.ai Notetaker (Joris Van Acker). Jullie (Thomas) sturen de lijst; Thomas Reyniers bevestigt."
        ),
        vec!["Datavance".to_string()]
    );
}

/// A legal form in brackets after a name is a role ("SA": solution architect), not the name's.
#[test]
fn a_form_in_brackets_after_a_name_is_a_role() {
    assert!(companies_by_legal_form("Aanwezig: [[Dries Coppens]] (SA, Kernwerk), Ann").is_empty());
    assert_eq!(
        companies_by_legal_form("Orvanta SA en Brantix NV"),
        vec!["Orvanta".to_string(), "Brantix".to_string()]
    );
}

#[test]
fn a_name_written_surname_first_is_the_person_the_recap_names() {
    let mut known = Gazetteer::default();
    known.add("Wim Claes");
    known.add("Sarah Goethals");
    let text = known.in_name_order("Goethals, Sarah and Claes, Wim will prepare the change");
    assert_eq!(text, "Sarah Goethals and Wim Claes will prepare the change");
    let owned = task_owners(&text, false, &known);
    assert_eq!(owned.owners, ["Sarah Goethals", "Wim Claes"]);
    // A comma between two words the recap does not name that way stays as it is.
    assert_eq!(known.in_name_order("Claes, Sarah"), "Claes, Sarah");
}

#[test]
fn a_full_name_introduced_with_its_initials_is_one_who_took_part() {
    let note = "appel avec Claire Lambert (CL), resp. infra, Hugo Van den Broeck (HVDB) de notre \
                cote, Sarah Colin (SC) a rejoint. Contrat (IT) et budget (OK). Jan Smet (XY).";
    assert_eq!(
        names::named_with_initials(note),
        ["Claire Lambert", "Hugo Van den Broeck", "Sarah Colin"]
    );
}

/// "niet Koen maar ikzelf", "pas Marc mais Julie": the one named before the contrast does not
/// do it; "Mijn collega Koen Lambrechts voorziet …" is Koen's.
#[test]
fn the_one_named_before_a_contrast_owns_nothing_and_a_colleague_is_named() {
    let mut known = Gazetteer::default();
    for name in ["Koen Lambrechts", "Els Peeters", "Julie Marchal"] {
        known.add(name);
    }
    for (text, owners) in [
        (
            "Bij punt 3: niet Koen maar ikzelf neem de testplanning op",
            vec![],
        ),
        (
            "Not Koen but Els Peeters sends the plan",
            vec!["Els Peeters"],
        ),
        (
            "Mijn collega Koen Lambrechts voorziet de toegang",
            vec!["Koen Lambrechts"],
        ),
        (
            "Ma collègue Julie Marchal envoie la liste",
            vec!["Julie Marchal"],
        ),
    ] {
        let owned = task_owners(text, false, &known);
        assert_eq!(owned.owners, owners, "{text}");
    }
    // A deadline said not to hold is no one's name.
    let owned = task_owners(
        "Offerte sturen, niet tegen 5 februari maar later",
        false,
        &known,
    );
    assert!(
        owned.text.contains("niet tegen 5 februari maar"),
        "{}",
        owned.text
    );
}
