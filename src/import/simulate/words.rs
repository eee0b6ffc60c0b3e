//! The words the simulated recaps are written in: per language, the section headings tools
//! and people use, the ways an owner and a deadline are phrased, and the people, topics and
//! tasks of an account team's week. Phrasings come from the tools' public descriptions and
//! from how Belgian account teams write, not from the importer's own lists.

use super::Lang;

/// A task as the truth knows it: the phrase a recap writes (an infinitive phrase that follows
/// "will", "zal", "va", "wird"), and the words its imported title must contain.
pub(super) struct TaskWords {
    pub phrase: &'static str,
    /// The phrase after a subject, its verb conjugated ("stuurt de offerte", "enverra le
    /// devis"); empty in English, where "will" always stands before the verb.
    pub acts: &'static str,
    pub key: &'static str,
}

pub(super) struct TopicWords {
    pub title: &'static str,
    pub text: &'static str,
}

/// What one language gives the simulator.
pub(super) struct Words {
    pub people: &'static [&'static str],
    pub tasks: &'static [TaskWords],
    pub topics: &'static [TopicWords],
    /// Headings of the task section, as tools and people write them.
    pub task_headings: &'static [&'static str],
    pub topic_headings: &'static [&'static str],
    pub attendee_labels: &'static [&'static str],
    /// "{A} will {P}": the lead forms for one owner.
    pub one_will: &'static [&'static str],
    /// "{A} and {B} to {P}".
    pub two_will: &'static [&'static str],
    /// "The team will {P}".
    pub team_will: &'static [&'static str],
    pub owner_labels: &'static [&'static str],
    pub due_labels: &'static [&'static str],
    pub and: &'static str,
    /// Monday first.
    /// "by {W}": a weekday of this week.
    pub by_weekday: &'static [&'static str],
    /// "{W} next week".
    pub next_week_weekday: &'static [&'static str],
    /// "by {D}" with a day and month (no year).
    pub by_day_month: &'static [&'static str],
    /// "by the {N}": a day of the month alone, its number with the language's ordinal ending.
    pub by_day_of_month: &'static [&'static str],
    /// "by the end of {M}".
    pub by_end_of_month: &'static [&'static str],
    pub by_end_of_week: &'static [&'static str],
    /// "early {M}": the month, with no day.
    pub by_start_of_month: &'static [&'static str],
    /// "in {N} weeks", the count in words.
    pub in_weeks: &'static [&'static str],
    /// Two and three, as the count of weeks is written.
    pub two_three: [&'static str; 2],
    /// Phrases that sound like a deadline and give no date.
    pub vague: &'static [&'static str],
    /// "since the {D} incident": a date in the past that is no deadline.
    pub past: &'static [&'static str],
    pub disclaimer: &'static str,
    pub greeting: &'static str,
    /// "Dhr.", "Mme", "Frau": how a person is named by title and surname.
    pub titles: &'static [&'static str],
}

impl Words {
    /// "12 January", "12. Januar", "January 12": a day and month as the language writes it.
    pub(super) fn day_month(&self, lang: Lang, day: u32, month: u32, variant: usize) -> String {
        let name = lang.language().month(month);
        match lang {
            Lang::En if variant % 2 == 1 => format!("{name} {day}"),
            Lang::De => format!("{day}. {name}"),
            _ => format!("{day} {name}"),
        }
    }
}

const EN: Words = Words {
    people: &[
        "Sam Peeters",
        "Priya Raman",
        "Tom Okafor",
        "Mei Chen",
        "Luca Rossi",
        "Hannah Fischer",
        "Daniel Brooks",
        "Olivia Grant",
        "Marcus Webb",
        "Aisha Khan",
    ],
    tasks: &[
        TaskWords {
            phrase: "send the revised quote to procurement",
            acts: "",
            key: "revised quote",
        },
        TaskWords {
            phrase: "book the workshop room for the design sprint",
            acts: "",
            key: "workshop room",
        },
        TaskWords {
            phrase: "share the migration runbook with the customer",
            acts: "",
            key: "migration runbook",
        },
        TaskWords {
            phrase: "confirm the licence count with finance",
            acts: "",
            key: "licence count",
        },
        TaskWords {
            phrase: "draft the security questionnaire answers",
            acts: "",
            key: "security questionnaire",
        },
        TaskWords {
            phrase: "schedule the executive briefing",
            acts: "",
            key: "executive briefing",
        },
        TaskWords {
            phrase: "update the architecture diagram",
            acts: "",
            key: "architecture diagram",
        },
        TaskWords {
            phrase: "prepare the pilot success criteria",
            acts: "",
            key: "pilot success criteria",
        },
        TaskWords {
            phrase: "check the data residency requirements",
            acts: "",
            key: "data residency",
        },
        TaskWords {
            phrase: "follow up on the backup failure report",
            acts: "",
            key: "backup failure",
        },
    ],
    topics: &[
        TopicWords {
            title: "Renewal and pricing",
            text: "The customer asked for a multi-year price and a clearer licence model.",
        },
        TopicWords {
            title: "Migration plan",
            text: "The team walked through the waves of the migration and the cut-over weekend.",
        },
        TopicWords {
            title: "Security review",
            text: "Open findings from the penetration test were discussed with the CISO's office.",
        },
        TopicWords {
            title: "Pilot scope",
            text: "Two business units volunteered for the pilot; success criteria are still open.",
        },
        TopicWords {
            title: "Support escalations",
            text: "Three tickets were escalated last month and one is still open.",
        },
    ],
    task_headings: &[
        "Action items",
        "Next steps",
        "Follow-up tasks",
        "Tasks",
        "To-dos",
        "Action points",
    ],
    topic_headings: &["Topics", "Summary", "Discussion", "Key points"],
    attendee_labels: &["Attendees", "Participants", "Invited"],
    one_will: &["{A} will {P}", "{A} to {P}", "{A} agreed to {P}"],
    two_will: &["{A} and {B} to {P}", "{A} and {B} will {P}"],
    team_will: &["The team will {P}", "Everyone to {P}"],
    owner_labels: &["Owner", "Assignee", "Assigned to", "Who"],
    due_labels: &["Due", "Deadline", "Due date", "Timing"],
    and: "and",
    by_weekday: &["by {W}", "by this {W}", "before {W}"],
    next_week_weekday: &["by {W} next week", "next week {W}"],
    by_day_month: &["by {D}", "before {D}", "no later than {D}"],
    by_day_of_month: &["by the {N}", "before the {N}"],
    by_end_of_month: &["by the end of {M}", "by end of {M}"],
    by_end_of_week: &["by the end of the week", "by end of week"],
    by_start_of_month: &["early {M}", "in early {M}"],
    in_weeks: &["in {N} weeks", "within {N} weeks"],
    two_three: ["two", "three"],
    vague: &[
        "before the Christmas break",
        "in Q1",
        "as soon as possible",
        "in the coming weeks",
    ],
    past: &["since the {D} incident", "after the {D} go-live"],
    disclaimer: "AI-generated content may be inaccurate or misleading. Always check for accuracy.",
    greeting: "Hi all, thanks for your time today. Here is the recap.",
    titles: &["Mr", "Ms", "Mr.", "Mrs."],
};

const NL: Words = Words {
    people: &[
        "Wouter Claes",
        "Sofie Janssens",
        "Jan Peeters",
        "Els Maes",
        "Pieter De Smet",
        "Lotte Willems",
        "Bram Goossens",
        "Annelies Wouters",
        "Koen Mertens",
        "Nathalie Jacobs",
    ],
    tasks: &[
        TaskWords {
            phrase: "de herziene offerte naar aankoop sturen",
            acts: "stuurt de herziene offerte naar aankoop",
            key: "herziene offerte",
        },
        TaskWords {
            phrase: "het migratieplan met de klant delen",
            acts: "deelt het migratieplan met de klant",
            key: "migratieplan",
        },
        TaskWords {
            phrase: "de workshopzaal reserveren",
            acts: "reserveert de workshopzaal",
            key: "workshopzaal",
        },
        TaskWords {
            phrase: "het aantal licenties bevestigen met finance",
            acts: "bevestigt het aantal licenties met finance",
            key: "aantal licenties",
        },
        TaskWords {
            phrase: "de beveiligingsvragenlijst invullen",
            acts: "vult de beveiligingsvragenlijst in",
            key: "beveiligingsvragenlijst",
        },
        TaskWords {
            phrase: "een demo voor de directie plannen",
            acts: "plant een demo voor de directie",
            key: "demo voor de directie",
        },
        TaskWords {
            phrase: "het architectuurschema bijwerken",
            acts: "werkt het architectuurschema bij",
            key: "architectuurschema",
        },
        TaskWords {
            phrase: "de succescriteria van de pilot opstellen",
            acts: "stelt de succescriteria van de pilot op",
            key: "succescriteria",
        },
        TaskWords {
            phrase: "de vereisten rond datalocatie nakijken",
            acts: "kijkt de vereisten rond datalocatie na",
            key: "datalocatie",
        },
        TaskWords {
            phrase: "het rapport over de back-upfout opvolgen",
            acts: "volgt het rapport over de back-upfout op",
            key: "back-upfout",
        },
    ],
    topics: &[
        TopicWords {
            title: "Verlenging en prijzen",
            text: "De klant vroeg een meerjarige prijs en een duidelijker licentiemodel.",
        },
        TopicWords {
            title: "Migratieplanning",
            text: "Het team overliep de migratiegolven en het weekend van de overschakeling.",
        },
        TopicWords {
            title: "Beveiliging",
            text: "De open bevindingen van de penetratietest werden besproken met de CISO.",
        },
        TopicWords {
            title: "Scope van de pilot",
            text: "Twee afdelingen willen meedoen aan de pilot; de succescriteria liggen nog open.",
        },
    ],
    task_headings: &[
        "Actiepunten",
        "Taken",
        "Volgende stappen",
        "Vervolgtaken",
        "Acties",
        "To-do's",
    ],
    topic_headings: &[
        "Onderwerpen",
        "Samenvatting",
        "Besproken punten",
        "Notities",
    ],
    attendee_labels: &["Deelnemers", "Aanwezig", "Uitgenodigd"],
    one_will: &["{A} zal {P}", "{A} gaat {P}", "{A} moet {P}"],
    two_will: &["{A} en {B} zullen {P}", "{A} en {B} gaan {P}"],
    team_will: &["Het team zal {P}", "Iedereen moet {P}"],
    owner_labels: &["Eigenaar", "Verantwoordelijke", "Toegewezen aan", "Wie"],
    due_labels: &["Deadline", "Tegen", "Vervaldatum", "Timing"],
    and: "en",
    by_weekday: &["tegen {W}", "voor {W}", "uiterlijk {W}"],
    next_week_weekday: &["volgende week {W}", "tegen {W} volgende week"],
    by_day_month: &[
        "tegen {D}",
        "voor {D}",
        "uiterlijk {D}",
        "ten laatste op {D}",
    ],
    by_day_of_month: &["tegen de {N}", "voor de {N}"],
    by_end_of_month: &["tegen eind {M}", "voor eind {M}", "eind {M}"],
    by_end_of_week: &["tegen het einde van de week", "tegen eind deze week"],
    by_start_of_month: &["begin {M}", "tegen begin {M}"],
    in_weeks: &["binnen {N} weken", "over {N} weken"],
    two_three: ["twee", "drie"],
    vague: &[
        "voor de kerstvakantie",
        "in Q1",
        "zo snel mogelijk",
        "in de komende weken",
    ],
    past: &["sinds het incident van {D}", "na de livegang van {D}"],
    disclaimer: "Door AI gegenereerde inhoud kan onjuist zijn.",
    greeting: "Dag iedereen, bedankt voor jullie tijd. Hierbij het verslag.",
    titles: &["Dhr.", "Mevr.", "Hr.", "Mw."],
};

const FR: Words = Words {
    people: &[
        "Benoît Lambert",
        "Céline Dubois",
        "Julien Lemaire",
        "Sophie Leclercq",
        "Nicolas Dupont",
        "Camille Renard",
        "Olivier Simon",
        "Aurélie Martin",
        "Thomas Laurent",
        "Élodie François",
    ],
    tasks: &[
        TaskWords {
            phrase: "envoyer le devis révisé aux achats",
            acts: "enverra le devis révisé aux achats",
            key: "devis révisé",
        },
        TaskWords {
            phrase: "partager le plan de migration avec le client",
            acts: "partagera le plan de migration avec le client",
            key: "plan de migration",
        },
        TaskWords {
            phrase: "réserver la salle pour l'atelier",
            acts: "réservera la salle pour l'atelier",
            key: "salle pour l'atelier",
        },
        TaskWords {
            phrase: "confirmer le nombre de licences avec la finance",
            acts: "confirmera le nombre de licences avec la finance",
            key: "nombre de licences",
        },
        TaskWords {
            phrase: "compléter le questionnaire de sécurité",
            acts: "complétera le questionnaire de sécurité",
            key: "questionnaire de sécurité",
        },
        TaskWords {
            phrase: "planifier une démo pour la direction",
            acts: "planifiera une démo pour la direction",
            key: "démo pour la direction",
        },
        TaskWords {
            phrase: "mettre à jour le schéma d'architecture",
            acts: "mettra à jour le schéma d'architecture",
            key: "schéma d'architecture",
        },
        TaskWords {
            phrase: "rédiger les critères de succès du pilote",
            acts: "rédigera les critères de succès du pilote",
            key: "critères de succès",
        },
        TaskWords {
            phrase: "vérifier les exigences de localisation des données",
            acts: "vérifiera les exigences de localisation des données",
            key: "localisation des données",
        },
        TaskWords {
            phrase: "suivre le rapport sur l'échec des sauvegardes",
            acts: "suivra le rapport sur l'échec des sauvegardes",
            key: "échec des sauvegardes",
        },
    ],
    topics: &[
        TopicWords {
            title: "Renouvellement et prix",
            text: "Le client demande un prix pluriannuel et un modèle de licences plus clair.",
        },
        TopicWords {
            title: "Planning de migration",
            text: "L'équipe a passé en revue les vagues de migration et le week-end de bascule.",
        },
        TopicWords {
            title: "Sécurité",
            text: "Les constats ouverts du test d'intrusion ont été discutés avec le RSSI.",
        },
        TopicWords {
            title: "Périmètre du pilote",
            text:
                "Deux départements participent au pilote ; les critères de succès restent ouverts.",
        },
    ],
    task_headings: &[
        "Actions",
        "Tâches",
        "Prochaines étapes",
        "Actions à mener",
        "Points d'action",
        "Tâches de suivi",
    ],
    topic_headings: &["Sujets", "Résumé", "Points discutés", "Notes"],
    attendee_labels: &["Participants", "Présents", "Invités"],
    one_will: &["{A} va {P}", "{A} doit {P}", "{A} se charge de {P}"],
    two_will: &["{A} et {B} vont {P}", "{A} et {B} doivent {P}"],
    team_will: &["L'équipe va {P}", "Tout le monde doit {P}"],
    owner_labels: &["Responsable", "Assigné à", "Porteur", "Qui"],
    due_labels: &["Échéance", "Pour le", "Date limite", "Quand"],
    and: "et",
    by_weekday: &["d'ici {W}", "avant {W}", "pour {W}"],
    next_week_weekday: &["{W} prochain", "{W} de la semaine prochaine"],
    by_day_month: &[
        "pour le {D}",
        "avant le {D}",
        "d'ici le {D}",
        "au plus tard le {D}",
    ],
    by_day_of_month: &["d'ici le {N}", "pour le {N}", "avant le {N}"],
    by_end_of_month: &["d'ici fin {M}", "pour fin {M}", "avant la fin {M}"],
    by_end_of_week: &["d'ici la fin de la semaine", "pour la fin de la semaine"],
    by_start_of_month: &["début {M}", "pour début {M}"],
    in_weeks: &["dans {N} semaines", "d'ici {N} semaines"],
    two_three: ["deux", "trois"],
    vague: &[
        "avant les vacances de Noël",
        "au premier trimestre",
        "dès que possible",
        "dans les semaines à venir",
    ],
    past: &[
        "depuis l'incident du {D}",
        "après la mise en production du {D}",
    ],
    disclaimer: "Le contenu généré par l'IA peut être incorrect.",
    greeting: "Bonjour à tous, merci pour votre temps. Voici le compte rendu.",
    titles: &["M.", "Mme", "Mme.", "Monsieur"],
};

const DE: Words = Words {
    people: &[
        "Jonas Weber",
        "Lea Schneider",
        "Felix Wagner",
        "Anna Becker",
        "Lukas Hoffmann",
        "Julia Schäfer",
        "Tobias Koch",
        "Miriam Richter",
        "Stefan Klein",
        "Katrin Wolf",
    ],
    tasks: &[
        TaskWords {
            phrase: "das überarbeitete Angebot an den Einkauf senden",
            acts: "sendet das überarbeitete Angebot an den Einkauf",
            key: "überarbeitete angebot",
        },
        TaskWords {
            phrase: "den Migrationsplan mit dem Kunden teilen",
            acts: "teilt den Migrationsplan mit dem Kunden",
            key: "migrationsplan",
        },
        TaskWords {
            phrase: "den Workshopraum reservieren",
            acts: "reserviert den Workshopraum",
            key: "workshopraum",
        },
        TaskWords {
            phrase: "die Lizenzanzahl mit Finance bestätigen",
            acts: "bestätigt die Lizenzanzahl mit Finance",
            key: "lizenzanzahl",
        },
        TaskWords {
            phrase: "den Sicherheitsfragebogen ausfüllen",
            acts: "füllt den Sicherheitsfragebogen aus",
            key: "sicherheitsfragebogen",
        },
        TaskWords {
            phrase: "eine Demo für die Geschäftsleitung planen",
            acts: "plant eine Demo für die Geschäftsleitung",
            key: "demo für die geschäftsleitung",
        },
        TaskWords {
            phrase: "das Architekturdiagramm aktualisieren",
            acts: "aktualisiert das Architekturdiagramm",
            key: "architekturdiagramm",
        },
        TaskWords {
            phrase: "die Erfolgskriterien für den Pilot festlegen",
            acts: "legt die Erfolgskriterien für den Pilot fest",
            key: "erfolgskriterien",
        },
        TaskWords {
            phrase: "die Anforderungen zur Datenresidenz prüfen",
            acts: "prüft die Anforderungen zur Datenresidenz",
            key: "datenresidenz",
        },
        TaskWords {
            phrase: "den Bericht zum Backup-Fehler nachverfolgen",
            acts: "verfolgt den Bericht zum Backup-Fehler nach",
            key: "backup-fehler",
        },
    ],
    topics: &[
        TopicWords {
            title: "Verlängerung und Preise",
            text: "Der Kunde wünscht einen mehrjährigen Preis und ein klareres Lizenzmodell.",
        },
        TopicWords {
            title: "Migrationsplanung",
            text: "Das Team ging die Migrationswellen und das Umstellungswochenende durch.",
        },
        TopicWords {
            title: "Sicherheit",
            text: "Die offenen Befunde des Penetrationstests wurden mit dem CISO besprochen.",
        },
        TopicWords {
            title: "Umfang des Pilots",
            text: "Zwei Abteilungen nehmen am Pilot teil; die Erfolgskriterien sind noch offen.",
        },
    ],
    task_headings: &[
        "Aufgaben",
        "Nächste Schritte",
        "Maßnahmen",
        "Offene Aufgaben",
        "Folgeaufgaben",
        "To-dos",
    ],
    topic_headings: &["Themen", "Zusammenfassung", "Besprochene Punkte", "Notizen"],
    attendee_labels: &["Teilnehmer", "Anwesend", "Eingeladen"],
    one_will: &["{A} wird {P}", "{A} soll {P}", "{A} muss {P}"],
    two_will: &["{A} und {B} werden {P}", "{A} und {B} sollen {P}"],
    team_will: &["Das Team wird {P}", "Alle sollen {P}"],
    owner_labels: &["Verantwortlich", "Zuständig", "Zugewiesen an", "Wer"],
    due_labels: &["Frist", "Fällig", "Termin"],
    and: "und",
    by_weekday: &["bis {W}", "bis spätestens {W}"],
    next_week_weekday: &["nächste Woche {W}", "bis {W} nächster Woche"],
    by_day_month: &["bis zum {D}", "bis {D}", "spätestens am {D}"],
    by_day_of_month: &["bis zum {N}", "spätestens am {N}"],
    by_end_of_month: &["bis Ende {M}", "Ende {M}"],
    by_end_of_week: &["bis Ende der Woche", "bis zum Ende der Woche"],
    by_start_of_month: &["Anfang {M}", "bis Anfang {M}"],
    in_weeks: &["in {N} Wochen", "innerhalb von {N} Wochen"],
    two_three: ["zwei", "drei"],
    vague: &[
        "vor den Weihnachtsferien",
        "im ersten Quartal",
        "so bald wie möglich",
        "in den nächsten Wochen",
    ],
    past: &["seit dem Vorfall am {D}", "nach dem Go-live am {D}"],
    disclaimer: "KI-generierte Inhalte können ungenau sein.",
    greeting: "Hallo zusammen, danke für eure Zeit. Hier die Zusammenfassung.",
    titles: &["Herr", "Frau", "Hr.", "Fr."],
};

pub(super) fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
        Lang::Fr => &FR,
        Lang::De => &DE,
    }
}
