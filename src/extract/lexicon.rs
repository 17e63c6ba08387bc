//! Closed word classes of English news prose: speech verbs, titles, function words,
//! and the country table used for metonymy ("Moscow said" means Russia).
//!
//! Lookups are case-sensitive where capitalisation carries meaning (titles, names)
//! and lower-cased otherwise.

/// Words whose final period is part of the word, not a sentence end.
pub fn keeps_period(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    // Initials such as "P.J" or a lone capital "J". Most words before a period are in
    // lower case, and are turned away before they are split.
    let initials = super::text::is_capitalised(w)
        && w.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    initials
        || matches!(
            w,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Prof"
                | "Gen"
                | "Col"
                | "Capt"
                | "Lt"
                | "Sgt"
                | "Maj"
                | "Adm"
                | "Cmdr"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Pres"
                | "Rev"
                | "St"
                | "Jr"
                | "Sr"
                | "Inc"
                | "Corp"
                | "Co"
                | "Ltd"
                | "vs"
                | "No"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "Mon"
                | "Tue"
                | "Tues"
                | "Wed"
                | "Thu"
                | "Thurs"
                | "Fri"
                | "Sat"
                | "Sun"
                | "a.m"
                | "p.m"
                | "U.S"
                | "U.N"
                | "U.K"
                | "E.U"
                | "D.C"
                | "Ft"
                | "Mt"
                | "Ave"
                | "Blvd"
                | "Dept"
                | "Univ"
                | "approx"
                | "etc"
                | "e.g"
                | "i.e"
        )
}

/// Titles and ranks that precede a person's name and become that person's role.
pub fn is_title(word: &str) -> bool {
    static SET: OnceLock<Words> = OnceLock::new();
    is_listed(&SET, TITLES, word)
}

const TITLES: &[&str] = &[
    "Press",
    "President",
    "Vice",
    "Secretary",
    "Minister",
    "Prime",
    "Premier",
    "Chancellor",
    "Colonel",
    "Col.",
    "Captain",
    "Capt.",
    "General",
    "Gen.",
    "Lieutenant",
    "Lt.",
    "Sergeant",
    "Sgt.",
    "Major",
    "Maj.",
    "Admiral",
    "Adm.",
    "Commander",
    "Senator",
    "Sen.",
    "Representative",
    "Rep.",
    "Congressman",
    "Congresswoman",
    "Governor",
    "Gov.",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Judge",
    "Justice",
    "Chief",
    "Director",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Chairman",
    "Chairwoman",
    "Chair",
    "CEO",
    "Envoy",
    "Attorney",
    "Speaker",
    "Leader",
    "Candidate",
    "Nominee",
    "Commissioner",
    "Sheriff",
    "Officer",
    "Rev.",
    "Pastor",
    "Rabbi",
    "Imam",
    "Sheikh",
    "Ayatollah",
    "Emir",
    "Sultan",
    "Founder",
    "Executive",
    "Analyst",
    "Professor",
    "Prof.",
    "Coach",
    "Officials",
];

/// Titles of an office that are never surnames, so a run ending in one names no person
/// ("Chief Operating Officer"), where "Larry King" does.
pub fn is_office_title(word: &str) -> bool {
    matches!(
        word,
        "Officer"
            | "Executive"
            | "Director"
            | "Spokesman"
            | "Spokeswoman"
            | "Spokesperson"
            | "Chairman"
            | "Chairwoman"
            | "CEO"
            | "Secretary"
            | "Minister"
            | "President"
            | "Commissioner"
            | "Founder"
            | "Analyst"
            | "Officials"
    )
}

/// What an office after "of" is in charge of: "Secretary of State", "Chief of Staff",
/// "Director of National Intelligence", "Supervisor of Elections".
pub fn is_office_domain(word: &str) -> bool {
    matches!(
        word,
        "State"
            | "Staff"
            | "Defense"
            | "Defence"
            | "Intelligence"
            | "Security"
            | "Elections"
            | "Treasury"
            | "Commerce"
            | "Labor"
            | "Labour"
            | "Energy"
            | "Education"
            | "Transportation"
            | "Agriculture"
            | "Interior"
            | "Health"
            | "Finance"
            | "Housing"
            | "Veterans"
    )
}

/// Lower-case role nouns that may sit inside a capitalised name run:
/// "White House spokesman Sean Spicer".
pub fn is_role_noun(word: &str) -> bool {
    static SET: OnceLock<Words> = OnceLock::new();
    is_listed(&SET, ROLE_NOUNS, word)
}

const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "minister",
    "president",
    "official",
    "chief",
    "envoy",
    "ambassador",
    "analyst",
    "adviser",
    "advisor",
    "director",
    "chairman",
    "leader",
    "candidate",
    "nominee",
    "aide",
    "correspondent",
    "rival",
    "challenger",
    "opponent",
];

/// Offices that name one person in a description: "the California congressman".
pub fn is_office_noun(word: &str) -> bool {
    matches!(
        word,
        "congressman"
            | "congresswoman"
            | "senator"
            | "governor"
            | "mayor"
            | "businessman"
            | "businesswoman"
            | "billionaire"
    )
}

/// Nouns for one person's role or office, which head a title: "a Pentagon spokesman",
/// "the California congressman", "ambassador to Kazakhstan".
pub fn is_role_or_office_noun(word: &str) -> bool {
    is_role_noun(word) || is_office_noun(word)
}

/// Words of [`is_common_capitalised`] that are surnames too, after a given name: "Theresa
/// May", "Ian Read". They never open a name.
pub fn is_surname_too(word: &str) -> bool {
    matches!(word, "May" | "Read")
}

/// Forms of address that are not roles: "Mr Spicer" is just Spicer.
pub fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mr."
            | "Mrs"
            | "Mrs."
            | "Ms"
            | "Ms."
            | "Miss"
            | "Dr"
            | "Dr."
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
    )
}

/// A generation after a surname, in lower case: "Joseph F. Dunford Jr." and "Joseph R.
/// Biden Jr." end with their surnames, not with one shared "Jr.".
pub fn is_generational_suffix(word: &str) -> bool {
    word.len() <= LONGEST_PARTICLE_OR_SUFFIX && GENERATIONAL_SUFFIXES.contains(&word)
}

/// The generational suffixes, in lower case.
pub const GENERATIONAL_SUFFIXES: [&str; 7] = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// Name particles that stay inside a name: "Bashar al-Assad", "Staffan de Mistura".
pub fn is_name_particle(word: &str) -> bool {
    (word.len() <= LONGEST_PARTICLE_OR_SUFFIX && NAME_PARTICLES.contains(&word))
        || word.starts_with("al-")
        || word.starts_with("el-")
}

/// The name particles, in lower case, that stand as words of their own.
pub const NAME_PARTICLES: [&str; 12] =
    ["al", "bin", "de", "da", "di", "van", "von", "der", "del", "la", "le", "du"];

/// The longest word, in bytes, of [`GENERATIONAL_SUFFIXES`] and [`NAME_PARTICLES`] (a unit
/// test reads the lists): a longer word is neither, and is not compared with them.
pub const LONGEST_PARTICLE_OR_SUFFIX: usize = 3;

/// Capitalised words that never name an actor: currency codes, time zones, units,
/// holidays, and "No." for number.
pub fn is_never_an_actor(word: &str) -> bool {
    matches!(
        word,
        "USD"
            | "EUR"
            | "GBP"
            | "JPY"
            | "CNY"
            | "UTC"
            | "GMT"
            | "EST"
            | "EDT"
            | "PST"
            | "PDT"
            | "CET"
            | "CEST"
            | "BST"
            | "GHz"
            | "MHz"
            | "KB"
            | "MB"
            | "GB"
            | "TB"
            | "No."
            | "Nos."
            | "Christmas"
            | "Easter"
            | "Thanksgiving"
            | "Ramadan"
            | "Hanukkah"
            | "Diwali"
    )
}

/// Adjectives of a region or a faith rather than a country, which alone name nobody:
/// "European carriers", "Islamic terrorism" (while "European Union" and "Islamic State"
/// are names).
pub fn is_regional_adjective(word: &str) -> bool {
    matches!(
        word,
        "European"
            | "Europeans"
            | "African"
            | "Asian"
            | "Arab"
            | "Western"
            | "Eastern"
            | "Latin"
            | "Nordic"
            | "Scandinavian"
            | "Balkan"
            | "Caribbean"
            | "Pacific"
            | "Atlantic"
            | "Gulf"
            | "Islamic"
            | "Jewish"
            | "Catholic"
            | "Sunni"
            | "Shiite"
            | "Evangelical"
    )
}

/// Whether `word` is a given name (`data/given-names.txt`, from Faker's lists for 64
/// locales), and not also a common capitalised word, a title or a place's first word
/// ("May", "General", "San"): evidence that a name it opens is a person's.
pub fn is_given_name(word: &str) -> bool {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    listed(&NAMES, include_str!("../../data/given-names.txt"), word) && is_name_only(word)
}

/// Whether the list in `data` (one entry a line, `#` comments) holds `word`.
fn listed(set: &'static OnceLock<FxHashSet<&'static str>>, data: &'static str, word: &str) -> bool {
    set.get_or_init(|| data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect())
        .contains(word)
}

/// Whether a listed name is no common capitalised word, title, role or place's word too.
fn is_name_only(word: &str) -> bool {
    !is_common_capitalised(word)
        && !is_title(word)
        && !is_honorific(word)
        && !is_role_or_office_noun(word)
        && !opens_place_name(word)
        && !is_org_head(word)
        && !is_place_head(word)
}

/// Capitalised words that do not start a name: sentence openers, pronouns, weekdays,
/// months, adverbs ("Recently Apple has", "Interestingly Blocher said") and the epithets
/// of nicknames ("Crooked Hillary Clinton").
pub fn is_common_capitalised(word: &str) -> bool {
    static SET: OnceLock<Words> = OnceLock::new();
    is_derived_adverb(word) || is_listed(&SET, COMMON_CAPITALISED, word)
}

const COMMON_CAPITALISED: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "But",
    "Or",
    "So",
    "Yet",
    "For",
    "Nor",
    "If",
    "In",
    "On",
    "At",
    "By",
    "To",
    "Of",
    "From",
    "With",
    "As",
    "After",
    "Before",
    "While",
    "When",
    "Where",
    "Why",
    "How",
    "What",
    "Who",
    "Which",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "However",
    "Meanwhile",
    "Asked",
    "Although",
    "Though",
    "Since",
    "Until",
    "During",
    "Despite",
    "Between",
    "Among",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Not",
    "There",
    "Here",
    "Now",
    "Then",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Tonight",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Also",
    "Even",
    "Still",
    "Only",
    "Just",
    "Such",
    "Other",
    "Another",
    "Each",
    "Every",
    "Both",
    "Either",
    "Neither",
    "Read",
    "More",
    "Less",
    "Under",
    "Over",
    "Into",
    "Through",
    "About",
    "Against",
    "Without",
    "Within",
    "Instead",
    "Indeed",
    "Yes",
    "Oh",
    "Well",
    "Let",
    "Everybody",
    "Everything",
    "Someone",
    "Something",
    "Anything",
    "Any",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Be",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "According",
    "New",
    "Former",
    "Mr",
    "Mr.",
    "Mrs",
    "Ms",
    "Dr",
    "Like",
    "Unlike",
    "Because",
    "Once",
    "Perhaps",
    "Maybe",
    "Nothing",
    "Everyone",
    "Nobody",
    "Somebody",
    "Anyone",
    "Thank",
    "Please",
    "Sure",
    "Crooked",
    "Sleepy",
    "Lyin",
];

/// An adverb made from an adjective by one of the endings no name has: "Recently",
/// "Unfortunately", "Reportedly". Shorter words are left alone ("Sally", "Kelly").
fn is_derived_adverb(word: &str) -> bool {
    const ENDINGS: [&str; 11] = [
        "ally", "ently", "antly", "ously", "ively", "ately", "edly", "ingly", "fully", "ably",
        "ibly",
    ];
    word.len() >= 7 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Head words that make a capitalised run an organisation.
pub fn is_org_head(word: &str) -> bool {
    static SET: OnceLock<Words> = OnceLock::new();
    is_listed(&SET, ORGANISATION_HEADS, word)
}

const ORGANISATION_HEADS: &[&str] = &[
    "Ministry",
    "Department",
    "Council",
    "Committee",
    "Party",
    "Army",
    "Force",
    "Forces",
    "Navy",
    "Office",
    "Agency",
    "Bank",
    "Company",
    "Corporation",
    "Corp",
    "Corp.",
    "Inc",
    "Inc.",
    "Ltd",
    "Group",
    "Association",
    "Union",
    "University",
    "College",
    "Times",
    "Post",
    "Journal",
    "News",
    "Network",
    "Commission",
    "Court",
    "Senate",
    "Congress",
    "Parliament",
    "Government",
    "Administration",
    "Service",
    "Institute",
    "Foundation",
    "Fund",
    "Organisation",
    "Organization",
    "Coalition",
    "Campaign",
    "Church",
    "Airlines",
    "State",
    "Nations",
    "Police",
    "Guard",
    "Board",
    "Bureau",
    "Authority",
    "Reserve",
    "Club",
    "Team",
    "Media",
    "Herald",
    "Tribune",
    "Telegraph",
    "Guardian",
    "Review",
    "Assembly",
    "Cabinet",
    "Centre",
    "Center",
    "Brigade",
    "Front",
    "Movement",
    "Alliance",
    "Federation",
    "Republicans",
    "Democrats",
    "Caucus",
    "Pentagon",
    "Kremlin",
    "House",
    "Computer",
    "Airways",
    "Airplanes",
    "Corps",
    "Systems",
    "Technologies",
    "Motors",
    "Electronics",
    "Software",
    "Industries",
    "Holdings",
    "Communications",
    "Pharmaceuticals",
    "Research",
    "Labs",
    "Laboratories",
    "LLC",
    "PLC",
    "AG",
    "GmbH",
    "N.V.",
    "Co.",
    "Electric",
    "Dynamics",
    "Mills",
    "Petroleum",
    "Chemical",
    "Insurance",
    "Entertainment",
    "Studios",
];

/// Last words of a company's full name that its short name leaves off: "Apple Inc.",
/// "Apple Computer", "Aer Lingus Group PLC", "China Eastern Airlines".
pub fn is_company_designator(word: &str) -> bool {
    matches!(
        word,
        "Inc."
            | "Inc"
            | "Corp."
            | "Corp"
            | "Corporation"
            | "Co."
            | "Company"
            | "Ltd."
            | "Ltd"
            | "PLC"
            | "plc"
            | "LLC"
            | "Group"
            | "Holdings"
            | "N.V."
            | "NV"
            | "AG"
            | "SA"
            | "GmbH"
            | "Computer"
            | "Airlines"
            | "Airways"
    )
}

/// Lower-case nouns that, right before a name, say it is an organisation: "airline
/// Ryanair", "planemaker Boeing", "rival Airbus".
pub fn is_org_descriptor(word: &str) -> bool {
    matches!(
        word,
        "airline"
            | "carrier"
            | "planemaker"
            | "airframer"
            | "manufacturer"
            | "maker"
            | "company"
            | "firm"
            | "retailer"
            | "automaker"
            | "carmaker"
            | "bank"
            | "conglomerate"
            | "startup"
            | "subsidiary"
            | "insurer"
            | "lender"
            | "publisher"
            | "broadcaster"
            | "newspaper"
            | "supplier"
            | "contractor"
            | "consortium"
    )
}

/// Roles that only a company has, so that one word before them names a company: "Apple
/// CEO Steve Jobs", "Airbus chief executive Noel Forgeard". A spokesman, a governor or a
/// chairman may belong to a person, a state or a campaign ("Sanders spokesman", "Florida
/// Gov.", "his Georgia chairman").
pub fn is_corporate_role(word: &str) -> bool {
    matches!(
        word,
        "CEO"
            | "chief"
            | "Chief"
            | "executive"
            | "Executive"
            | "founder"
            | "Founder"
            | "co-founder"
            | "Co-founder"
    )
}

/// Head words that make a capitalised run a place, never a speaker.
pub fn is_place_head(word: &str) -> bool {
    matches!(
        word,
        "Hotel"
            | "Street"
            | "Square"
            | "Airport"
            | "River"
            | "Mountains"
            | "Island"
            | "Province"
            | "Valley"
            | "Bridge"
            | "Stadium"
            | "Park"
            | "Road"
            | "Avenue"
            | "Hospital"
            | "Plaza"
            | "Sea"
            | "Ocean"
            | "Gulf"
            | "Lake"
            | "County"
            | "City"
            | "Memorial"
            | "Zero"
            | "East"
            | "West"
            | "Coast"
            | "Peninsula"
            | "Strait"
            | "Heights"
            | "Bank"
            | "Strip"
    )
}

/// Last words of the names of events, laws and eras, which speak no more than places do:
/// "the Paris Air Show", "the Democratic National Convention", "the Iran Sanctions Act",
/// "the Great Recession".
pub fn is_event_or_law_head(word: &str) -> bool {
    matches!(
        word,
        "Conference"
            | "Show"
            | "Games"
            | "Olympics"
            | "Expo"
            | "Summit"
            | "Festival"
            | "Awards"
            | "Championship"
            | "Championships"
            | "Cup"
            | "Marathon"
            | "Convention"
            | "Store"
            | "Act"
            | "Amendment"
            | "Treaty"
            | "Doctrine"
            | "Recession"
            | "Depression"
            | "War"
    )
}

/// Party labels, which before a full name are a role: "Republican Michael Steele".
pub fn is_party_label(word: &str) -> bool {
    PARTY_LABELS.contains(&word)
}

/// Words that open a place's name and never a person's: compass points and the
/// prefixes of city names ("North Florida", "New York", "San Diego", "St. Louis").
pub fn opens_place_name(word: &str) -> bool {
    matches!(
        word,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "New"
            | "Los"
            | "Las"
            | "San"
            | "Santa"
            | "St."
            | "Fort"
            | "Lake"
            | "Port"
            | "Mount"
    )
}

/// Whether a word of a name key (in lower case) is a party label, a country's, a capital's
/// or a continent's name, which no person has as a surname: "Republican" and "Mexico" alone
/// are the party and the country, whatever name ends with them ("Wealthy Voters Abandon
/// Republican Party", "Say Mexico demanded …").
pub fn is_no_surname(word: &str) -> bool {
    // Asked each time a bare name meets a longer one: one set of every such word in lower
    // case, built on first use.
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let countries_and_capitals = BY_NAME.iter().map(|&(name, _, _)| name);
        PARTY_LABELS
            .iter()
            .chain(&CONTINENTS)
            .copied()
            .chain(countries_and_capitals)
            .map(str::to_lowercase)
            .collect()
    });
    words.contains(word)
}

/// The continents, which end names of people no more than countries do ("Radio Free Europe").
const CONTINENTS: [&str; 6] = ["Africa", "America", "Antarctica", "Asia", "Europe", "Oceania"];

const PARTY_LABELS: [&str; 6] =
    ["Republican", "Democrat", "Democratic", "Independent", "Libertarian", "GOP"];

/// Whether `word` is a party's adjective or the noun for one member, which alone names no
/// actor: "Republican hopefuls", "a Democrat". ("GOP" names the party itself, and "The
/// Independent" a newspaper.)
pub fn is_party_adjective(word: &str) -> bool {
    PARTY_ADJECTIVES.contains(&word)
}

const PARTY_ADJECTIVES: [&str; 4] = ["Republican", "Democrat", "Democratic", "Libertarian"];

/// Plural or mass nouns for what a maker makes, after which the maker's name is no
/// actor: "Intel processors", "Airbus jets".
pub fn is_product_noun(word: &str) -> bool {
    matches!(
        word,
        "processors"
            | "chips"
            | "laptops"
            | "computers"
            | "jets"
            | "aircraft"
            | "planes"
            | "airliners"
            | "devices"
            | "phones"
            | "smartphones"
            | "software"
            | "models"
            | "tankers"
            | "cars"
            | "vehicles"
            | "trucks"
            | "products"
            | "logo"
            | "trademark"
            | "trademarks"
            | "website"
    )
}

/// Nouns that a name right before them only modifies, so that the name is no mention
/// there: a kind of product ("the Mac OS X operating system", "the Joint Strike Fighter
/// program", "Macintosh users") and business and events ("the US airtanker contract",
/// "Boeing employees", "a Qatar Airways order"). Not the forms that are verbs after a
/// name too ("Mr. Cruz shares", "Obama orders").
pub fn is_modified_noun(word: &str) -> bool {
    matches!(
        word,
        "operating"
            | "program"
            | "programme"
            | "user"
            | "users"
            | "interface"
            | "browser"
            | "player"
            | "notebook"
            | "laptop"
            | "computer"
            | "smartphone"
            | "tablet"
            | "console"
            | "processor"
            | "chip"
            | "touchscreen"
            | "jetliner"
            | "airliner"
            | "plane"
            | "engine"
            | "app"
            | "contract"
            | "contracts"
            | "deal"
            | "order"
            | "bid"
            | "market"
            | "dollars"
            | "price"
            | "store"
            | "disaster"
            | "crash"
            | "tour"
            | "guests"
            | "plant"
            | "factory"
            | "headquarters"
            | "era"
            | "employees"
            | "staff"
            | "sales"
            | "stock"
            | "stake"
            | "manufacturer"
            | "tanker"
            | "tankers"
    )
}

/// Lower-case nouns that, right before a name, say it names software or a device:
/// "web browser Safari", "e-mail client Mail", "operating system Mac OSX".
pub fn is_product_descriptor(word: &str) -> bool {
    // Not "player": "Hall of Fame player Charles Barkley".
    matches!(
        word,
        "browser"
            | "client"
            | "system"
            | "software"
            | "app"
            | "application"
            | "console"
            | "processor"
            | "chip"
    )
}

/// Last words by which makers name a variant of a product: "MacBook Pro", "iPad Mini".
pub fn is_product_variant(word: &str) -> bool {
    matches!(word, "Pro" | "Mini" | "Max" | "Plus" | "Classic" | "Touch" | "Ultra")
}

/// The locative prepositions that place something in or at a name, so that a possessive
/// after them still names a place ("in Nevada's caucuses"), where after "to" it names an
/// owner ("to Trump's criticism").
pub fn places_in_or_at(word: &str) -> bool {
    matches!(word, "in" | "In" | "at" | "At" | "near" | "inside" | "outside" | "across" | "around")
}

/// Prepositions after which a name is a location rather than an agent.
pub fn is_locative_preposition(word: &str) -> bool {
    with_lowercase(word, |w| {
        matches!(
            w,
            "in" | "near"
                | "at"
                | "from"
                | "outside"
                | "inside"
                | "across"
                | "around"
                | "into"
                | "towards"
                | "toward"
                | "to"
                | "over"
                | "via"
                | "through"
        )
    })
}

/// Institutions named by one word, with their kind.
pub fn known_organisation(word: &str) -> bool {
    matches!(
        word,
        "Pentagon"
            | "Kremlin"
            | "Isis"
            | "ISIS"
            | "ISIL"
            | "Nato"
            | "NATO"
            | "UN"
            | "EU"
            | "FBI"
            | "CIA"
            | "NSA"
            | "Congress"
            | "Senate"
            | "Hamas"
            | "Hezbollah"
            | "Taliban"
            | "Downing"
            | "Reuters"
            | "AP"
            | "AFP"
            | "BBC"
            | "CNN"
            | "Interpol"
            | "Opec"
            | "OPEC"
    )
}

/// Well-known organisations that have a long and a short name.
pub fn organisation_alias(name: &str) -> Option<&'static str> {
    Some(match name {
        "UN" | "U.N." | "United Nations" => "United Nations",
        "Islamic State" | "Isis" | "ISIS" | "ISIL" | "Islamic State of Iraq and the Levant" => {
            "Isis"
        }
        "EU" | "European Union" => "European Union",
        "Nato" | "NATO" => "Nato",
        _ => return None,
    })
}

/// A country: the name its actor takes and its adjective. The table, and the names and
/// capitals that stand for each country, are in `countries.rs`, generated from open data.
pub struct Country {
    pub name: &'static str,
    pub demonym: &'static str,
}

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

pub use super::countries::COUNTRIES;
use super::countries::{BY_DEMONYM, BY_NAME};

/// The country a name stands for, and whether the name is its capital (metonymy).
pub fn country(name: &str) -> Option<(&'static Country, bool)> {
    // Asked for nearly every capitalised run, so a sieved hash table rather than a search.
    static BY_NAME_MAP: OnceLock<Names<(usize, bool)>> = OnceLock::new();
    let map = BY_NAME_MAP.get_or_init(|| {
        BY_NAME.iter().map(|&(n, country, capital)| (n, (country, capital))).collect()
    });
    let name = name.strip_prefix("the ").unwrap_or(name);
    // The table writes "People's Republic of China" with a straight apostrophe; every
    // such name is long, and asking only of long names that are not ASCII keeps the common
    // look-up cheap.
    let straight;
    let name = if name.len() >= 12 && !name.is_ascii() && name.contains('’') {
        straight = name.replace('’', "'");
        straight.as_str()
    } else {
        name
    };
    let &(country, capital) = map.get(name)?;
    Some((COUNTRIES.get(country)?, capital))
}

/// The country whose adjective this is: "Russian" → Russia.
pub fn country_of_demonym(word: &str) -> Option<&'static Country> {
    static BY_DEMONYM_MAP: OnceLock<Names<usize>> = OnceLock::new();
    let map = BY_DEMONYM_MAP.get_or_init(|| BY_DEMONYM.iter().copied().collect());
    COUNTRIES.get(*map.get(word)?)
}

/// Whether a lower-case word before a title belongs to the role: "former Secretary of
/// State", "acting Director".
pub fn qualifies_a_role(word: &str) -> bool {
    ROLE_QUALIFIERS.contains(&word)
}

const ROLE_QUALIFIERS: &[&str] = &["former", "new", "acting", "then"];

/// Whether the word before a month name makes it one: "in May", "since March", not the
/// modal "may".
pub fn dates_a_month(before: &str) -> bool {
    MONTH_PREPOSITIONS.contains(&before)
}

const MONTH_PREPOSITIONS: &[&str] = &[
    "in", "by", "since", "until", "from", "early", "late", "mid", "last", "next", "this", "of",
    "through", "before", "after",
];

/// Words that open a time phrase between a subject and its verb: "Spicer on Thursday said".
pub const TIME_PHRASE_OPENERS: [&str; 5] = ["on", "late", "early", "earlier", "in"];

/// Whether `word` opens a phrase of time or place set off after a subject: "Clinton,
/// during a town hall meeting in Columbus, Ohio, said".
pub fn opens_circumstance(word: &str) -> bool {
    CIRCUMSTANCE_OPENERS.contains(&word)
}

const CIRCUMSTANCE_OPENERS: &[&str] = &[
    "during",
    "in",
    "at",
    "on",
    "after",
    "before",
    "speaking",
    "while",
    "from",
    "addressing",
    "appearing",
];

/// Whether `word` names what speaks for its owner: "Sanders’ campaign said".
pub fn is_speaking_office(word: &str) -> bool {
    SPEAKING_OFFICES.contains(&word)
}

const SPEAKING_OFFICES: &[&str] = &["administration", "campaign", "office", "team", "government"];

/// Lower-case plural nouns that speak as unnamed groups: "diplomats said".
pub fn is_group_noun(word: &str) -> bool {
    static SET: OnceLock<Words> = OnceLock::new();
    is_listed(&SET, GROUP_NOUNS, word)
}

const GROUP_NOUNS: &[&str] = &[
    "diplomats",
    "officials",
    "sources",
    "witnesses",
    "analysts",
    "experts",
    "residents",
    "activists",
    "rebels",
    "critics",
    "lawmakers",
    "investigators",
    "police",
    "authorities",
    "observers",
    "participants",
    "protesters",
    "economists",
    "aides",
    "advisers",
    "supporters",
    "opponents",
    "scientists",
    "researchers",
    "doctors",
    "prosecutors",
    "democrats",
    "republicans",
    "voters",
    "insiders",
    "members",
    "leaders",
    "lawyers",
    "attorneys",
    "students",
    "parents",
    "workers",
    "employees",
    "fans",
    "respondents",
    "delegates",
    "strategists",
    "executives",
    "donors",
    "specialists",
    "conservatives",
    "liberals",
    "progressives",
    "evangelicals",
    "senators",
    "pollsters",
    "historians",
    "operatives",
    "staffers",
    "advocates",
    "organizers",
    "consultants",
    "groups",
    "candidates",
    "spokesmen",
    "spokespeople",
    "politicians",
    "forecasters",
    "speakers",
];

/// Personal pronouns that can stand for a speaker already named.
pub fn is_speaker_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "it" | "He" | "She" | "They" | "It")
}

/// What a speech verb tells about the speaker's stance before the content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueLean {
    Neutral,
    Claim,
    Denial,
}

/// Verbs of what companies and people do, in the form that agrees with one subject:
/// "Apple unveils", "Ryanair buys".
pub fn is_news_action_verb(word: &str) -> bool {
    matches!(
        word,
        "unveils"
            | "releases"
            | "plans"
            | "wins"
            | "buys"
            | "sells"
            | "launches"
            | "sues"
            | "signs"
            | "faces"
            | "wants"
            | "expects"
            | "cuts"
            | "raises"
            | "opens"
            | "closes"
            | "delays"
            | "posts"
            | "acquires"
            | "introduces"
            | "orders"
            | "cancels"
            | "hires"
            | "fires"
            | "resigns"
            | "leaves"
            | "joins"
            | "becomes"
            | "returns"
    )
}

/// How a verb may report what someone said or holds: as speech, with the speaker's
/// lean; as evidence ("a new poll shows"); as a belief ("believes"); or, before "to", as
/// an aim ("wants to").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reporting {
    pub speech: Option<CueLean>,
    pub evidence: bool,
    pub belief: bool,
    pub intention: bool,
    /// Reports only the words it quotes ([`NAMING`]).
    pub quoted_only: bool,
    /// Reports its object, a noun phrase, rather than a clause ([`JUDGING`]).
    pub object: bool,
    /// Reports only a "that" clause ([`THAT_ONLY`]); in lower case only.
    pub that_only: bool,
}

/// A word list of [`reporting`]'s, and how it marks each form it holds.
type List = &'static [&'static str];
type Mark = fn(&mut Reporting);

/// How `word` may report. Speech verbs are read in any case; evidence, belief and aims
/// only in lower case. Asked of every word, so every form is in one [`Table`].
pub fn reporting(word: &str) -> Reporting {
    reporting_packed(word, || None)
}

/// [`reporting`] of `word`, whose [`Key::exact`] `exact` gives (see [`Table::get_packed`]).
pub fn reporting_packed(word: &str, exact: impl FnOnce() -> Option<Key>) -> Reporting {
    static FORMS: OnceLock<Table<Reporting>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut forms = Table::default();
        // A form in two speech lists keeps the first lean: denial, then claim, then neutral.
        for (list, lean) in
            [(DENYING, CueLean::Denial), (CLAIMING, CueLean::Claim), (SAYING, CueLean::Neutral)]
        {
            for form in list {
                forms.add(form, |found: &mut Reporting| found.speech = found.speech.or(Some(lean)));
            }
        }
        // Speech verbs that report in a way of their own, neutral unless a list above leans.
        let speaking: [(List, Mark); 2] =
            [(JUDGING, |r| r.object = true), (NAMING, |r| r.quoted_only = true)];
        for (list, mark) in speaking {
            for form in list {
                forms.add(form, |found: &mut Reporting| {
                    found.speech = found.speech.or(Some(CueLean::Neutral));
                    mark(found);
                });
            }
        }
        let marked: [(List, Mark); 4] = [
            (EVIDENCE, |r| r.evidence = true),
            (BELIEF, |r| r.belief = true),
            (INTENTION, |r| r.intention = true),
            (THAT_ONLY, |r| r.that_only = true),
        ];
        for (list, mark) in marked {
            for form in list {
                forms.add(form, mark);
            }
        }
        forms
    });
    match forms.get_packed(word, exact) {
        Some(&found) if is_lower_ascii(word) => found,
        Some(&found) => Reporting {
            speech: found.speech,
            quoted_only: found.quoted_only,
            object: found.object,
            ..Reporting::default()
        },
        None => Reporting::default(),
    }
}

/// Whether `word` (any case) is a form of a speech verb, and how it leans.
pub fn speech_verb(word: &str) -> Option<CueLean> {
    reporting(word).speech
}

/// Speech verbs that reject what they report: "denied", "dismissed".
const DENYING: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "dismiss",
    "dismisses",
    "dismissed",
    "reject",
    "rejects",
    "rejected",
    "refute",
    "refutes",
    "refuted",
    "rebut",
    "rebutted",
    "denying",
    "denouncing",
    "labelled",
    "labeled",
    "dispute",
    "disputes",
    "disputed",
    "denounced",
];

/// Speech verbs that put forward what may be disputed: "claimed", "insisted".
const CLAIMING: &[&str] = &[
    "claim",
    "claims",
    "claimed",
    "allege",
    "alleges",
    "alleged",
    "assert",
    "asserts",
    "asserted",
    "insist",
    "insists",
    "insisted",
    "maintain",
    "maintains",
    "maintained",
    "contend",
    "contends",
    "contended",
    "accused",
    "accuses",
    "accusing",
    "claiming",
    "insisting",
    "alleging",
    "asserting",
    "maintaining",
    "contending",
];

/// Speech verbs that only report: "said", "told", "added".
const SAYING: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "state",
    "states",
    "stated",
    "explain",
    "explains",
    "explained",
    "note",
    "notes",
    "noted",
    "announce",
    "announces",
    "announced",
    "declare",
    "declares",
    "declared",
    "write",
    "writes",
    "wrote",
    "report",
    "reports",
    "reported",
    "tweet",
    "tweets",
    "tweeted",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "suggest",
    "suggests",
    "suggested",
    "reply",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "recall",
    "recalls",
    "recalled",
    "concede",
    "conceded",
    "confirm",
    "confirms",
    "confirmed",
    "predict",
    "predicted",
    "promise",
    "promised",
    "warn",
    "warns",
    "warned",
    "argue",
    "argues",
    "argued",
    "urge",
    "urged",
    "vow",
    "vowed",
    "referencing",
    "referenced",
    "quipped",
    "joked",
    "boasted",
    "complained",
    "stressed",
    "emphasised",
    "emphasized",
    "indicated",
    "indicates",
    "expressed",
    "continued",
    "called",
    "pointed",
    "testified",
    "remarked",
    "observed",
    "mused",
    "shouted",
    "sings",
    "sang",
    "yelled",
    "whispered",
    "cautioned",
    "agreed",
    "agrees",
    "ask",
    "asks",
    "asked",
    "asking",
    "describe",
    "describes",
    "described",
    "describing",
    "dubbed",
    "cited",
    "cites",
    "citing",
    "wondered",
    "questioned",
    "predicting",
    "yell",
    "yells",
    "shout",
    "shouts",
    "scream",
    "screams",
    "screamed",
    "exclaimed",
    "conclude",
    "concludes",
    "concluded",
    "continues",
    "demand",
    "demands",
    "demanded",
    "whispers",
    "sing",
    "branded",
    "brands",
    "promising",
    "arguing",
    "warning",
    "stressing",
    "suggesting",
    "explaining",
    "announcing",
    "declaring",
    "noting",
    "adding",
    "stating",
    "writing",
    "acknowledging",
    "admitting",
    "recalling",
    "urging",
    "vowing",
    "replying",
    "responding",
    "confirming",
    "conceding",
    "complaining",
    "tweeting",
    "remarking",
    "cautioning",
    "emphasizing",
    "emphasising",
    "chanted",
    "chant",
    "chants",
    "chanting",
    "interjected",
    "interjecting",
    "interrupted",
    "retorted",
    "countered",
    "counters",
    "countering",
    "reiterated",
    "reiterates",
    "reiterating",
    "pleaded",
    "begged",
    "sighed",
    "laughed",
];

/// Verbs by which someone judges something in public, reporting what they judge:
/// "criticized his handling of the incident", "praised the deal", "endorsed Mrs. Clinton".
const JUDGING: &[&str] = &[
    "endorsed",
    "endorses",
    "criticized",
    "criticizes",
    "criticised",
    "criticising",
    "criticizing",
    "praised",
    "praises",
    "praising",
    "defended",
    "defends",
    "defending",
    "blasted",
    "blasts",
    "blasting",
    "blamed",
    "blames",
    "blaming",
    "condemned",
    "condemns",
    "condemning",
    "touted",
    "touts",
    "touting",
    "lamented",
    "laments",
    "lamenting",
    "mocked",
    "mocks",
    "mocking",
    "slammed",
    "slams",
    "slamming",
    "echoed",
    "echoes",
    "echoing",
    "hailed",
    "hails",
    "hailing",
];

/// Speech verbs that report only a "that" clause, having other senses before anything
/// else: "continues gaining momentum", "maintains a commanding lock", "adds to the drama",
/// "Rust Belt states Indiana, …".
const THAT_ONLY: &[&str] =
    &["continues", "maintain", "maintains", "maintained", "add", "adds", "state", "states"];

/// Verbs that name something in words they quote, and report nothing else: "calling him
/// “a total stiff”". A clause after them is no report: "who calls the plan a “sham,” said
/// it would fail" reports only "sham" by its "calls".
const NAMING: &[&str] = &["calling", "calls", "dubbing", "branding", "termed", "terming"];

/// Verbs by which polls, studies and records report: "a new poll shows that …".
const EVIDENCE: &[&str] = &["shows", "show", "showed", "found", "finds", "estimates", "estimated"];

/// Speech verbs whose listener stands before the content: "told reporters that …".
pub fn takes_listener(word: &str) -> bool {
    matches!(
        word,
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "warned"
            | "warns"
            | "assured"
            | "assures"
            | "reminded"
            | "informed"
    )
}

/// Nouns that name something said, before a "that" clause: "Trump’s claim that …".
pub fn is_claim_noun(word: &str) -> bool {
    matches!(
        word,
        "claim"
            | "claims"
            | "assertion"
            | "allegation"
            | "allegations"
            | "argument"
            | "contention"
            | "insistence"
            | "suggestion"
            | "warning"
            | "promise"
            | "pledge"
            | "denial"
            | "statement"
            | "view"
            | "belief"
    )
}

/// Records that report findings: "Polls show", "Video shows", "Data from the survey show".
pub fn is_record_noun(word: &str) -> bool {
    matches!(
        word,
        "poll"
            | "polls"
            | "survey"
            | "surveys"
            | "study"
            | "studies"
            | "data"
            | "video"
            | "videos"
            | "report"
            | "reports"
            | "analysis"
            | "figures"
            | "records"
            | "documents"
            | "research"
            | "footage"
            | "review"
            | "audit"
            | "transcript"
            | "statistics"
            | "numbers"
            | "averages"
            | "average"
            | "evidence"
            | "results"
    )
}

/// Capitalised words that open a sentence without naming anything: "However, …", "If …".
pub fn is_sentence_adverb(word: &str) -> bool {
    matches!(
        word,
        "However"
            | "If"
            | "But"
            | "And"
            | "When"
            | "While"
            | "As"
            | "So"
            | "Although"
            | "Though"
            | "Meanwhile"
            | "Still"
            | "Yet"
    )
}

/// The commonest irregular past forms of news verbs: the time tagger reads them as past
/// tense.
pub fn is_common_past(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "told"
            | "met"
            | "began"
            | "came"
            | "went"
            | "took"
            | "gave"
            | "made"
            | "held"
            | "saw"
            | "left"
            | "won"
            | "lost"
            | "fell"
            | "rose"
            | "sold"
            | "bought"
            | "spoke"
            | "wrote"
            | "found"
            | "became"
            | "got"
            | "ran"
            | "brought"
    )
}

/// Irregular past forms, which end a clause rather than a noun phrase: the common ones
/// and a few that are also nouns or infinitives elsewhere ("set", "put", "led").
pub fn is_irregular_past(word: &str) -> bool {
    is_common_past(word)
        || matches!(
            word,
            "kept"
                | "thought"
                | "put"
                | "set"
                | "felt"
                | "knew"
                | "led"
                | "paid"
                | "sent"
                | "spent"
                | "stood"
                | "meant"
        )
}

/// The verbs through which "it" speaks: "the company said it would …" has another
/// subject, "it was labeled" is passive, but "It said" and "It shows" are reports.
pub fn is_statement_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "added"
            | "adds"
            | "stated"
            | "states"
            | "wrote"
            | "writes"
            | "noted"
            | "notes"
            | "announced"
            | "shows"
            | "showed"
            | "found"
    )
}

/// A form of "be" before a participle or a described subject: "is describing".
pub fn is_be(word: &str) -> bool {
    matches!(word, "is" | "was" | "are" | "were")
}

/// Verbs that report a belief: "Mr. Obama believes his efforts …".
const BELIEF: &[&str] = &["believes", "believe", "believed", "think", "thinks"];

/// Verbs that report an aim when "to" follows: "Clinton wants to sign up 5 million people".
const INTENTION: &[&str] = &[
    "wants", "want", "wanted", "plans", "plan", "planned", "pledged", "pledges", "agreed",
    "intends", "hopes",
];

/// Words in reported content that reject something: "rubbish", "propaganda". Asked of
/// every word of every quote, so they are a [`Table`].
pub fn is_denial_word(word: &str) -> bool {
    static WORDS: OnceLock<Table<()>> = OnceLock::new();
    WORDS.get_or_init(|| DENIAL_WORDS.iter().map(|&word| (word, ())).collect()).get(word).is_some()
}

const DENIAL_WORDS: &[&str] = &[
    "rubbish",
    "propaganda",
    "nonsense",
    "false",
    "untrue",
    "baseless",
    "lies",
    "lie",
    "fabrication",
    "fabricated",
    "hoax",
    "groundless",
    "unfounded",
    "fiction",
    "misleading",
    "bogus",
    "deny",
    "denied",
    "denies",
];

/// Auxiliaries that may stand between a speaker and the speech verb: "has said".
pub fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "also"
            | "later"
            | "then"
            | "previously"
            | "again"
            | "once"
            | "repeatedly"
            | "almost"
            | "immediately"
            | "publicly"
            | "reportedly"
            | "just"
            | "recently"
            | "earlier"
            | "not"
            | "never"
            | "did"
            | "does"
            | "been"
            | "often"
            | "usually"
            | "still"
            | "always"
            | "sometimes"
            | "frequently"
    )
}

/// Whether `word` is ASCII with no capital, so lower-casing it would change nothing (most
/// words of English news).
fn is_lower_ascii(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// A word of up to 15 ASCII bytes, lower-cased and packed with its length into one
/// integer. Tables asked about every word of a text are keyed by it: packing a word
/// costs less than lower-casing it into a buffer, and hashing and comparing one number
/// less than hashing and comparing its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u128);

/// One in every byte of a [`Key`]: a byte value times this is that byte in every place.
const EACH_BYTE: u128 = u128::MAX / 255;

impl Key {
    /// The longest word a key holds; the lists keyed here have no longer word.
    pub const MAX_LEN: usize = 15;

    /// `word` as it is written, or `None` when it is longer than [`Key::MAX_LEN`] or not
    /// ASCII.
    pub fn exact(word: &str) -> Option<Key> {
        let bytes = word.as_bytes();
        if bytes.len() > Key::MAX_LEN {
            return None;
        }
        Key::of_ascii(little_endian(bytes), bytes.len())
    }

    /// [`Key::exact`] of the `len` bytes of `text` from `start`, read in one load of
    /// sixteen bytes wherever that many are left: [`Key::exact`], which may read only the
    /// word, branches on its length, and a branch on the length of every word of a text
    /// is one no predictor learns.
    pub fn exact_in(text: &[u8], start: usize, len: usize) -> Option<Key> {
        if len > Key::MAX_LEN {
            return None;
        }
        let bytes = match text.get(start..).and_then(<[u8]>::first_chunk::<16>) {
            Some(chunk) => u128::from_le_bytes(*chunk) & ((1 << (8 * len)) - 1),
            None => little_endian(text.get(start..start + len)?),
        };
        Key::of_ascii(bytes, len)
    }

    /// The key of a word of `len` bytes, read as `bytes`, if every byte is ASCII.
    fn of_ascii(bytes: u128, len: usize) -> Option<Key> {
        let packed = bytes | (len as u128) << 120;
        (packed & (EACH_BYTE * 0x80) == 0).then_some(Key(packed))
    }

    /// `word` in lower case, or `None` when it is longer than [`Key::MAX_LEN`] or not ASCII.
    pub fn lowered(word: &str) -> Option<Key> {
        Key::exact(word).map(Key::lower)
    }

    /// The word in lower case.
    fn lower(self) -> Key {
        let Key(packed) = self;
        // Every byte is ASCII, so adding to each byte carries into no other: a byte's top
        // bit says whether it is at least 'A', and then whether it is past 'Z'.
        let at_least_a = packed + EACH_BYTE * u128::from(0x80 - b'A');
        let past_z = packed + EACH_BYTE * u128::from(0x80 - b'Z' - 1);
        let capitals = at_least_a & !past_z & (EACH_BYTE * 0x80);
        // 'a' is 'A' with the bit 0x20, which is the top bit shifted down by two.
        Key(packed | capitals >> 2)
    }

    /// Where `byte`, a printable ASCII byte, first stands in the word, found in one
    /// step over the whole key rather than by a loop over its bytes. The key's padding is
    /// NUL, and its length byte is at most 15, below every printable byte.
    pub fn position(self, byte: u8) -> Option<usize> {
        // A byte equal to `byte` XORs with it to zero. Every byte is ASCII, so adding 0x7F
        // to each carries into no other and sets its top bit exactly when it is not zero.
        let not_equal =
            ((self.0 ^ (EACH_BYTE * u128::from(byte))) + EACH_BYTE * 0x7F) & (EACH_BYTE * 0x80);
        let equal = !not_equal & (EACH_BYTE * 0x80);
        (equal != 0).then(|| equal.trailing_zeros() as usize / 8)
    }

    /// `word` in lower case, also when it is not ASCII but lower-cases to ASCII (the
    /// kelvin sign becomes "k"); `None` when it is too long for a key.
    pub fn lowered_any(word: &str) -> Option<Key> {
        match Key::lowered(word) {
            None if !word.is_ascii() => Key::lowered(&word.to_lowercase()),
            key => key,
        }
    }
}

/// Up to 16 bytes as one little-endian integer, read in at most two loads of a fixed
/// width that overlap, rather than copied byte by byte into a buffer and read back: a
/// wide read of narrow writes stalls until they land, and every word is packed.
fn little_endian(bytes: &[u8]) -> u128 {
    let len = bytes.len();
    if let (Some(low), Some(high)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        // `high` ends with the bytes after the eighth, in its top `len - 8` bytes.
        u128::from(u64::from_le_bytes(*low))
            | (u128::from(u64::from_le_bytes(*high)) >> (8 * 16usize.saturating_sub(len))) << 64
    } else if let (Some(low), Some(high)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        u128::from(u32::from_le_bytes(*low))
            | u128::from(u64::from(u32::from_le_bytes(*high)) >> (8 * (8 - len))) << 32
    } else {
        bytes.iter().rev().fold(0, |packed, &b| packed << 8 | u128::from(b))
    }
}

/// Turns away most words a list does not hold by their first and last bytes and their
/// length, before any hashing: most words asked about are in no list.
pub struct Sieve {
    /// For each pair of first and last bytes a listed word has (see [`SLOTS`]), a bit
    /// for each length a word may have and still lower-case to one of them. Of the
    /// characters that lower-case to ASCII, only one changes length: "K", the kelvin sign,
    /// becomes "k", two bytes shorter. So a word's length allows every length two, four, …
    /// bytes longer too. A word of 32 bytes or more is always let through.
    lengths: [[u32; 28]; 28],
}

/// Where a byte opening or ending a word files it in [`Sieve::lengths`]: a letter, in
/// either case, by the letter; any other ASCII byte in slot 26; a byte of a longer
/// character in slot 27, whose lengths are all allowed, since such a word may
/// lower-case to any listed one. Every word asked about is filed, so this is looked up
/// rather than worked out.
const SLOTS: [u8; 256] = {
    let mut slots = [27; 256];
    let mut byte = 0;
    while byte < 128 {
        let lower = (byte as u8).to_ascii_lowercase();
        slots[byte] = if lower.is_ascii_lowercase() { lower - b'a' } else { 26 };
        byte += 1;
    }
    slots
};

/// The slot of `byte` (see [`SLOTS`]).
fn slot(byte: u8) -> usize {
    usize::from(SLOTS[usize::from(byte)])
}

impl Sieve {
    /// A sieve that holds no word yet. Words opening or ending with a longer character
    /// are always let through.
    pub fn new() -> Sieve {
        let mut lengths = [[0; 28]; 28];
        lengths[27] = [u32::MAX; 28];
        lengths.iter_mut().for_each(|row| row[27] = u32::MAX);
        Sieve { lengths }
    }

    /// Lets `word` through from now on, in any case.
    pub fn admit(&mut self, word: &str) {
        if let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) {
            let lengths = &mut self.lengths[slot(first)][slot(last)];
            for length in (word.len()..32).step_by(2) {
                *lengths |= 1 << length;
            }
        }
    }

    /// Whether `word` may be one of the admitted words, in some case.
    pub fn may_hold(&self, word: &str) -> bool {
        // An ASCII byte opening or ending a word is in lower case the byte that opens or
        // ends the word in lower case; other words (and very long ones) are let through.
        let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) else {
            return true;
        };
        let lengths = self.lengths[slot(first)][slot(last)];
        let length_bit = u32::try_from(word.len()).ok().and_then(|len| 1u32.checked_shl(len));
        length_bit.is_none_or(|bit| lengths & bit != 0)
    }
}

/// Whether `list` holds `word` exactly as written. The lists asked about nearly every
/// capitalised word, or every noun of a phrase, are [`Words`] sets, built into `set` on
/// first use, rather than chains of comparisons whose branches mispredict.
fn is_listed(set: &'static OnceLock<Words>, list: &'static [&'static str], word: &str) -> bool {
    set.get_or_init(|| Words::new(list)).holds(word)
}

/// Short words read exactly as written, behind a [`Sieve`]: a word the sieve lets through
/// is packed with [`Key::exact`] and looked up as one number, with no string to compare.
struct Words {
    sieve: Sieve,
    keys: FxHashSet<Key>,
}

impl Words {
    /// The set of `list`, whose words are at most [`Key::MAX_LEN`] bytes of ASCII (a unit
    /// test reads the lists for that).
    fn new(list: &[&str]) -> Words {
        let mut words = Words { sieve: Sieve::new(), keys: FxHashSet::default() };
        for word in list {
            if let Some(key) = Key::exact(word) {
                words.sieve.admit(word);
                words.keys.insert(key);
            }
        }
        words
    }

    fn holds(&self, word: &str) -> bool {
        self.sieve.may_hold(word) && Key::exact(word).is_some_and(|key| self.keys.contains(&key))
    }
}

/// Names read exactly as written, each with a value, behind a [`Sieve`]: the country
/// tables are asked about nearly every capitalised run of a text.
struct Names<V> {
    sieve: Sieve,
    by_name: FxHashMap<&'static str, V>,
}

impl<V> Names<V> {
    fn get(&self, name: &str) -> Option<&V> {
        if !self.sieve.may_hold(name) {
            return None;
        }
        self.by_name.get(name)
    }
}

impl<V> FromIterator<(&'static str, V)> for Names<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(entries: I) -> Self {
        let mut names = Names { sieve: Sieve::new(), by_name: FxHashMap::default() };
        for (name, value) in entries {
            names.sieve.admit(name);
            names.by_name.insert(name, value);
        }
        names
    }
}

/// Words read in any case, each with a value, for the lists asked about every word of a
/// text: one hash look-up by [`Key`] instead of a chain of comparisons, and most words
/// are turned away before that, without being packed, by a [`Sieve`].
pub struct Table<V> {
    by_key: FxHashMap<Key, V>,
    sieve: Sieve,
}

impl<V> Default for Table<V> {
    fn default() -> Self {
        Table { by_key: FxHashMap::default(), sieve: Sieve::new() }
    }
}

impl<V> Table<V> {
    /// The key of `word`, a lower-case ASCII word of a list, with its first and last bytes
    /// and its length recorded. A word too long for a key is left out: unit tests read
    /// the lists for that.
    fn admit(&mut self, word: &str) -> Option<Key> {
        let key = Key::lowered(word)?;
        self.sieve.admit(word);
        Some(key)
    }

    /// The value of `word`, in any case.
    pub fn get(&self, word: &str) -> Option<&V> {
        self.get_packed(word, || None)
    }

    /// [`Table::get`] of `word`, whose [`Key::exact`] `exact` gives, asked only of a word
    /// the sieve lets through: a caller that reads the word in its text packs it without a
    /// branch on its length (see [`Key::exact_in`]). `None` leaves the packing to this.
    pub fn get_packed(&self, word: &str, exact: impl FnOnce() -> Option<Key>) -> Option<&V> {
        if !self.sieve.may_hold(word) {
            return None;
        }
        let key = match exact() {
            Some(key) => key.lower(),
            None => Key::lowered_any(word)?,
        };
        self.by_key.get(&key)
    }
}

impl<V: Default> Table<V> {
    /// Updates the value of `word` (see [`Table::admit`]), added with the default value if
    /// it is new.
    fn add(&mut self, word: &str, update: impl FnOnce(&mut V)) {
        if let Some(key) = self.admit(word) {
            update(self.by_key.entry(key).or_default());
        }
    }
}

/// A table of words and their values (see [`Table::admit`]); a later value of a word wins.
impl<'w, V> FromIterator<(&'w str, V)> for Table<V> {
    fn from_iter<I: IntoIterator<Item = (&'w str, V)>>(entries: I) -> Self {
        let mut table = Table::default();
        for (word, value) in entries {
            if let Some(key) = table.admit(word) {
                table.by_key.insert(key, value);
            }
        }
        table
    }
}

/// `word` in lower case, borrowed when it is lower case already.
pub fn lower_case(word: &str) -> Cow<'_, str> {
    if is_lower_ascii(word) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII words
/// (nearly every word of English news).
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if is_lower_ascii(word) {
        return f(word);
    }
    let mut buffer = [0u8; 32];
    match buffer.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        Some(slot) => {
            slot.copy_from_slice(word.as_bytes());
            slot.make_ascii_lowercase();
            // ASCII stays valid UTF-8 when lower-cased.
            match std::str::from_utf8(slot) {
                Ok(lower) => f(lower),
                Err(_) => f(&word.to_lowercase()),
            }
        }
        None => f(&word.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_country_table_has_each_name_once_and_reads_news_spellings() {
        assert!(
            BY_NAME.windows(2).all(|w| w[0].0 < w[1].0),
            "BY_NAME sorted (as generated), so no name twice"
        );
        assert!(
            BY_DEMONYM.windows(2).all(|w| w[0].0 < w[1].0),
            "BY_DEMONYM sorted (as generated), so no adjective twice"
        );
        assert!(COUNTRIES.len() > 190);
        let named = |n: &str| country(n).map(|(c, capital)| (c.name, capital));
        assert_eq!(named("Moscow"), Some(("Russia", true)));
        assert_eq!(named("U.S."), Some(("United States", false)));
        assert_eq!(named("Washington"), Some(("United States", true)));
        assert_eq!(named("Britain"), Some(("United Kingdom", false)));
        assert_eq!(named("Tbilisi"), Some(("Georgia", true)));
        assert_eq!(named("Georgia"), None, "more often the US state in English news");
        assert_eq!(named("Victoria"), None, "more often a person than the Seychelles' capital");
        assert_eq!(country_of_demonym("Irish").map(|c| c.name), Some("Ireland"));
        assert_eq!(country_of_demonym("Singaporean").map(|c| c.name), Some("Singapore"));
    }

    #[test]
    fn the_sieve_lets_every_country_name_and_adjective_through_however_long() {
        // `country` drops a leading "the " before it looks a name up, so the table's few
        // names that begin with one are never matched; they are left out here.
        for &(name, country_index, capital) in
            BY_NAME.iter().filter(|(name, _, _)| !name.starts_with("the "))
        {
            assert_eq!(
                country(name).map(|(c, is_capital)| (c.name, is_capital)),
                Some((COUNTRIES[country_index].name, capital)),
                "{name}"
            );
        }
        for &(adjective, country_index) in BY_DEMONYM {
            assert_eq!(
                country_of_demonym(adjective).map(|c| c.name),
                Some(COUNTRIES[country_index].name),
                "{adjective}"
            );
        }
        assert!(
            BY_NAME.iter().any(|&(name, _, _)| name.len() >= 32),
            "a name past the sieve's lengths is tested"
        );
        assert_eq!(
            country("the People’s Republic of China").map(|(c, _)| c.name),
            Some("China"),
            "a curly apostrophe reads as a straight one"
        );
        assert!(country("Moscowx").is_none());
    }

    #[test]
    fn a_table_reads_its_words_in_any_case_and_a_later_value_wins() {
        let table: Table<u8> =
            [("rubbish", 1), ("nonsense", 2), ("rubbish", 3)].into_iter().collect();
        assert_eq!(table.get("RUBBISH"), Some(&3));
        assert_eq!(table.get("Nonsense"), Some(&2));
        assert_eq!(table.get("nonsens"), None);
        assert_eq!(table.get("rubbish2"), None);
        assert_eq!(table.get(""), None);
        let kelvin: Table<u8> = [("kind", 1)].into_iter().collect();
        assert_eq!(kelvin.get("\u{212A}ind"), Some(&1), "the kelvin sign lower-cases to k");
    }

    #[test]
    fn every_demonym_is_capitalised() {
        // `actors::descriptive_group` asks for a capital before it asks for a demonym.
        for (demonym, _) in BY_DEMONYM {
            assert!(demonym.starts_with(char::is_uppercase), "{demonym}");
        }
    }

    #[test]
    fn every_word_of_a_keyed_list_fits_a_key() {
        let exact = [COMMON_CAPITALISED, TITLES, ROLE_NOUNS, ORGANISATION_HEADS, GROUP_NOUNS];
        for list in [
            DENYING,
            CLAIMING,
            SAYING,
            JUDGING,
            NAMING,
            THAT_ONLY,
            EVIDENCE,
            BELIEF,
            INTENTION,
            DENIAL_WORDS,
        ]
        .into_iter()
        .chain(exact)
        {
            for form in list {
                assert!(Key::lowered(form).is_some(), "{form} is longer than a key holds");
            }
        }
    }

    #[test]
    fn a_key_is_the_word_in_lower_case_and_tells_lengths_apart() {
        assert_eq!(Key::lowered("Said"), Key::lowered("said"));
        assert_ne!(Key::lowered("said"), Key::lowered("said\0"), "a key holds the length");
        assert_eq!(Key::lowered("abcdefghijklmno").map(|_| ()), Some(()));
        assert_eq!(Key::lowered("abcdefghijklmnop"), None, "16 bytes are too long");
        assert_eq!(Key::lowered("café"), None);
        assert_eq!(
            Key::lowered_any("as\u{212A}ed"),
            Key::lowered("asked"),
            "the kelvin sign lower-cases to k"
        );
    }

    #[test]
    fn a_sieved_list_holds_its_words_as_written_and_no_other_case() {
        let lists = [
            (COMMON_CAPITALISED, is_common_capitalised as fn(&str) -> bool),
            (TITLES, is_title),
            (ROLE_NOUNS, is_role_noun),
            (ORGANISATION_HEADS, is_org_head),
            (GROUP_NOUNS, is_group_noun),
        ];
        for (list, listed) in lists {
            for word in list {
                assert!(listed(word), "{word}");
                let swapped: String = word
                    .chars()
                    .map(|c| {
                        if c.is_uppercase() {
                            c.to_ascii_lowercase()
                        } else {
                            c.to_ascii_uppercase()
                        }
                    })
                    .collect();
                assert_eq!(listed(&swapped), list.contains(&swapped.as_str()), "{swapped}");
            }
            assert!(!listed("") && !listed("Zzyzx"));
        }
    }

    #[test]
    fn a_word_packed_from_its_text_is_packed_as_the_word_alone() {
        // Every stretch of a text, near its end (fewer than sixteen bytes left) and not,
        // ASCII or not, up to past the longest key.
        let text = "Said the U.S. al-Bab spokesman: “Fourteen-bytes” café 2017-01-23 Internationalisation x";
        for start in 0..text.len() {
            for end in start..=text.len().min(start + Key::MAX_LEN + 2) {
                if let Some(word) = text.get(start..end) {
                    assert_eq!(
                        Key::exact_in(text.as_bytes(), start, end - start),
                        Key::exact(word),
                        "{word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn overlapping_loads_read_every_length_as_a_byte_by_byte_copy_does() {
        let bytes: Vec<u8> = (1..=16).map(|b| b * 15).collect();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let word = &bytes[start..end];
                let mut copied = [0u8; 16];
                copied[..word.len()].copy_from_slice(word);
                assert_eq!(little_endian(word), u128::from_le_bytes(copied), "{word:?}");
            }
        }
        // Each length packs as itself: no byte of a short word spills into the length byte.
        let keys: Vec<Option<Key>> = (0..=16).map(|len| Key::exact(&"w".repeat(len))).collect();
        assert!(keys[..16].iter().all(Option::is_some) && keys[16].is_none());
        assert!(keys[..16].windows(2).all(|pair| pair[0] != pair[1]));
    }

    #[test]
    fn a_verb_reports_as_its_lists_say_in_the_case_each_list_is_read() {
        // Speech in any case, with the lean of the first list that has the form.
        assert_eq!(speech_verb("Said"), Some(CueLean::Neutral));
        assert_eq!(speech_verb("DENIED"), Some(CueLean::Denial));
        assert_eq!(speech_verb("insists"), Some(CueLean::Claim));
        assert_eq!(speech_verb("\u{212A}"), None, "the kelvin sign is no verb");
        assert_eq!(speech_verb("as\u{212A}ed"), Some(CueLean::Neutral), "lower-cases to \"asked\"");
        // Evidence, beliefs and aims only in lower case: "Shows" may open a title.
        assert_eq!(
            reporting("shows"),
            Reporting { speech: None, evidence: true, ..Reporting::default() }
        );
        assert_eq!(reporting("Shows"), Reporting::default());
        assert_eq!(
            reporting("agreed"),
            Reporting { speech: Some(CueLean::Neutral), intention: true, ..Reporting::default() }
        );
        assert_eq!(
            reporting("Agreed"),
            Reporting { speech: Some(CueLean::Neutral), ..Reporting::default() }
        );
        assert!(reporting("believes").belief);
        // Naming verbs report only what they quote, in any case ("Calls" in a headline).
        assert_eq!(
            reporting("Calls"),
            Reporting { speech: Some(CueLean::Neutral), quoted_only: true, ..Reporting::default() }
        );
        assert!(!reporting("said").quoted_only);
        for word in ["the", "Senate", "a", "", "sayings", "tolled"] {
            assert_eq!(reporting(word), Reporting::default(), "{word}");
        }
    }
}
