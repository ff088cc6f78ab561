namespace SingleView.Samples.Corruption.Independent;

/// <summary>
/// The second generator's own name, place and nickname tables, written apart from the project's
/// generator (Population/NameTables, Population/Nicknames) so that its data has other values and habits.
/// </summary>
internal static class IndependentNames
{
    public static readonly string[] ModernFemale =
    [
        "Elizabeth", "Katherine", "Jennifer", "Rebecca", "Victoria", "Charlotte", "Margaret", "Susan", "Patricia", "Deborah",
        "Samantha", "Jessica", "Abigail", "Eleanor", "Harriet", "Olivia", "Isla", "Amelia", "Ava", "Mia", "Aisha", "Priya",
        "Zara", "Freya", "Ruby", "Ivy", "Poppy", "Evie", "Chloe", "Grace", "Sophie", "Lily", "Holly", "Megan", "Siobhan",
        "Niamh", "Cerys", "Ffion", "Eilidh", "Kirsty", "Bethany", "Imogen", "Jasmine", "Nadia", "Yasmin", "Tamsin",
    ];

    public static readonly string[] ModernMale =
    [
        "William", "Robert", "James", "Thomas", "Daniel", "Samuel", "Joseph", "Michael", "Christopher", "Alexander", "Matthew",
        "Benjamin", "Nicholas", "Anthony", "Stephen", "Andrew", "Jonathan", "Edward", "Richard", "Frederick", "Henry", "Noah",
        "Leo", "Mohammed", "Arjun", "Finley", "Oscar", "Theo", "Jacob", "Ethan", "Lucas", "Logan", "Connor", "Kieran", "Declan",
        "Rhys", "Dylan", "Callum", "Ewan", "Fraser", "Gareth", "Hamish", "Idris", "Kwame", "Tariq", "Ravi",
    ];

    public static readonly string[] ModernFamily =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
        "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "Phillips", "Mason",
        "Mitchell", "Morgan", "Moore", "Mills", "King", "Allen", "Hughes", "Price", "Bennett", "Griffiths", "Kaur", "Singh", "Ahmed",
        "Hussain", "Begum", "Murphy", "Kelly", "O'Brien", "McDonald", "Campbell", "Stewart", "Anderson", "Scott", "Reid", "Murray",
        "Fletcher", "Hargreaves", "Ashworth", "Pemberton", "Sutcliffe", "Whitworth", "Greenhalgh", "Ormerod", "Butterworth",
        "Entwistle", "Haworth", "Kershaw", "Lomax", "Nuttall", "Schofield", "Sowerby", "Tattersall", "Unsworth", "Wolstenholme",
        "Ackroyd", "Barraclough", "Crabtree", "Dewhurst", "Fairclough", "Gaskell", "Holroyd", "Illingworth", "Jagger", "Kenworthy",
        "Lumb", "Mellor", "Nightingale", "Oldroyd", "Pickles", "Rushworth", "Stansfield", "Thwaite", "Uttley", "Verity",
        "Waddington", "Yeadon", "Okafor", "Mensah", "Nowak", "Kowalski", "Da Silva", "Chaudhry", "Iqbal", "Nguyen", "Chen",
    ];

    public static readonly string[] HistoricalFemale =
    [
        "Mary", "Elizabeth", "Ann", "Sarah", "Martha", "Margaret", "Hannah", "Jane", "Susannah", "Abigail", "Mehitabel", "Keziah",
        "Patience", "Prudence", "Temperance", "Dorcas", "Phoebe", "Rebecca", "Esther", "Alice", "Agnes", "Catherine", "Eleanor",
        "Frances", "Lydia", "Rachel", "Ruth", "Grace", "Tabitha", "Jemima",
    ];

    public static readonly string[] HistoricalMale =
    [
        "John", "William", "Thomas", "James", "Joseph", "George", "Richard", "Robert", "Edward", "Samuel", "Henry", "Charles",
        "Benjamin", "Jonathan", "Abraham", "Isaac", "Jacob", "Ebenezer", "Jeremiah", "Josiah", "Nathaniel", "Zachariah", "Elijah",
        "Obadiah", "Hezekiah", "Christopher", "Francis", "Matthew", "Enoch", "Silas",
    ];

    public static readonly string[] HistoricalFamily =
    [
        "Ashby", "Blackwood", "Cartwright", "Drinkwater", "Everard", "Fothergill", "Goodenough", "Hebblethwaite", "Inchbald",
        "Jessop", "Kettlewell", "Lockwood", "Marwood", "Newbold", "Oakley", "Pennington", "Quarmby", "Ravenscroft", "Sidebottom",
        "Thackeray", "Underwood", "Vavasour", "Wainwright", "Yarwood", "Appleyard", "Brigg", "Cockcroft", "Dobson", "Earnshaw",
        "Foxcroft", "Gledhill", "Horsfall", "Ibbotson", "Jowett", "Kitson", "Lister", "Metcalfe", "Naylor", "Oddy", "Priestley",
        "Rawnsley", "Scatcherd", "Tetley", "Varley", "Whiteley", "Smith", "Taylor", "Walker", "Wood", "Hartley",
    ];

    /// <summary>What a clerk wrote where a first name should be.</summary>
    public static readonly string[] Titles = ["Mrs", "Miss", "Widow", "Rev", "Capt", "Dr", "Mr", "Master", "Lady", "Sir"];

    /// <summary>Names and what people were called instead.</summary>
    public static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["Elizabeth"] = ["Liz", "Beth", "Bess", "Betsy", "Eliza"], ["Katherine"] = ["Kate", "Katie", "Kit"], ["Catherine"] = ["Kitty", "Kate"],
        ["Jennifer"] = ["Jen", "Jenny"], ["Rebecca"] = ["Becky", "Becca"], ["Victoria"] = ["Vicky", "Tori"], ["Charlotte"] = ["Lottie", "Charlie"],
        ["Margaret"] = ["Maggie", "Peggy", "Meg"], ["Susan"] = ["Sue", "Suzy"], ["Patricia"] = ["Trish", "Pat"], ["Deborah"] = ["Debbie", "Deb"],
        ["Samantha"] = ["Sam", "Sammy"], ["Jessica"] = ["Jess", "Jessie"], ["Abigail"] = ["Abby", "Nabby"], ["Eleanor"] = ["Ellie", "Nell"],
        ["Harriet"] = ["Hattie", "Hatty"], ["Bethany"] = ["Beth"], ["Imogen"] = ["Immy"], ["William"] = ["Will", "Bill", "Billy"],
        ["Robert"] = ["Rob", "Bob", "Bobby"], ["James"] = ["Jim", "Jamie", "Jem"], ["Thomas"] = ["Tom", "Tommy"], ["Daniel"] = ["Dan", "Danny"],
        ["Samuel"] = ["Sam"], ["Joseph"] = ["Joe", "Joey"], ["Michael"] = ["Mike", "Mick"], ["Christopher"] = ["Chris", "Kit"],
        ["Alexander"] = ["Alex", "Sandy"], ["Matthew"] = ["Matt", "Mat"], ["Benjamin"] = ["Ben", "Benji"], ["Nicholas"] = ["Nick", "Nicky"],
        ["Anthony"] = ["Tony"], ["Stephen"] = ["Steve"], ["Andrew"] = ["Andy", "Drew"], ["Jonathan"] = ["Jon", "Jonny"],
        ["Edward"] = ["Ted", "Ned", "Eddie"], ["Richard"] = ["Rick", "Dick", "Richie"], ["Frederick"] = ["Fred", "Freddie"],
        ["Henry"] = ["Harry", "Hal"], ["Mohammed"] = ["Mo"], ["Theo"] = ["Teddy"], ["Callum"] = ["Cal"],
        ["Mary"] = ["Polly", "Molly", "Mamie"], ["Martha"] = ["Patsy", "Mattie"], ["Ann"] = ["Nancy", "Nan"], ["Sarah"] = ["Sally", "Sadie"],
        ["Susannah"] = ["Sukey", "Susan"], ["Mehitabel"] = ["Hitty"], ["Frances"] = ["Fanny"], ["Dorcas"] = ["Dolly"], ["Hannah"] = ["Nan"],
        ["John"] = ["Jack", "Johnny"], ["Charles"] = ["Charley", "Chas"], ["Ebenezer"] = ["Eben"], ["Jeremiah"] = ["Jerry"],
        ["Isaac"] = ["Ike"], ["Nathaniel"] = ["Nat"], ["Zachariah"] = ["Zach"], ["Abraham"] = ["Abe"], ["Josiah"] = ["Si"],
        ["Francis"] = ["Frank"], ["George"] = ["Geordie"], ["Jemima"] = ["Mima"], ["Temperance"] = ["Tempy"], ["Prudence"] = ["Prue"],
    };

    // Few-columns data: names built from syllables, so that no value is common enough to weigh.
    public static readonly string[] FirstSyllables =
        ["Al", "Bre", "Cas", "Dor", "El", "Fen", "Gil", "Har", "Is", "Jor", "Kel", "Lor", "Mar", "Nor", "Or", "Per", "Quin", "Ros", "Sel", "Tor", "Ul", "Val", "Wen", "Xan", "Yor", "Zel"];

    public static readonly string[] FirstEndings = ["an", "ia", "en", "ette", "ric", "wyn", "ara", "ick", "ina", "or", "elle", "us", "ay", "ond", "ice"];

    public static readonly string[] FamilyStems =
        ["Ash", "Brack", "Cold", "Dun", "Elm", "Fair", "Grim", "Holt", "Ivy", "Kirk", "Lang", "Moss", "Nether", "Oak", "Pen", "Rook", "Stain", "Thorn", "Wick", "Yew", "Bram", "Cray", "Dray", "Frost"];

    public static readonly string[] FamilyEndings = ["en", "er", "ing", "ley", "by", "ham", "ford", "wood", "wick", "worth", "ton", "field", "more", "dale", "cott", "stead"];

    public static readonly string[] TownStems =
        ["Ambles", "Bex", "Cald", "Dent", "Eskr", "Fold", "Garth", "Hawk", "Ings", "Kel", "Lang", "Mick", "Nab", "Ouse", "Pool", "Ribbles", "Skel", "Thorp", "Ulver", "Wark"];

    public static readonly string[] TownEndings = ["by", "ton", "ham", "ley", "wick", "thwaite", "dale", "side", "worth", "bridge", "mouth", "field", "stow", "ing", "holme", "gate"];

    /// <summary>Towns of the UK flavour, each with its postcode area.</summary>
    public static readonly (string Town, string Area)[] UkTowns =
    [
        ("Stockport", "SK"), ("Oldham", "OL"), ("Bolton", "BL"), ("Warrington", "WA"), ("Leeds", "LS"), ("Bradford", "BD"),
        ("Halifax", "HX"), ("Huddersfield", "HD"), ("Wigan", "WN"), ("Preston", "PR"), ("Blackburn", "BB"), ("Lancaster", "LA"),
        ("Harrogate", "HG"), ("Wakefield", "WF"), ("Sheffield", "S"), ("Manchester", "M"), ("Chester", "CH"), ("Crewe", "CW"),
    ];

    public static readonly string[] HistoricalParishes =
    [
        "Haworth", "Heptonstall", "Otley", "Ilkley", "Keighley", "Skipton", "Settle", "Giggleswick", "Dewsbury", "Batley",
        "Birstall", "Almondbury", "Kirkburton", "Slaithwaite", "Marsden", "Saddleworth", "Rochdale", "Todmorden", "Ripponden", "Elland",
    ];

    public static readonly string[] Streets =
    [
        "Mill Lane", "Church Street", "Chapel Row", "Moor Road", "Station Road", "Victoria Street", "Albert Terrace", "Park Avenue",
        "Green Lane", "Back Lane", "High Street", "Cliff Road", "Well Street", "Brook Side", "Fold Court", "Hollin Lane",
    ];

    public static readonly string[] EmailDomains = ["mail.example", "post.example", "inbox.example", "letters.example"];
}
