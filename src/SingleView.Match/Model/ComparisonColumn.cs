namespace SingleView.Match.Model;

/// <summary>The person columns a comparison can look at. A record without the column gives the null level: no evidence.</summary>
public enum ComparisonColumn
{
    FirstName,
    FamilyName,
    DateOfBirth,
    Gender,
    /// <summary>The address with its postcode, as one piece of evidence (a shared home must not count twice).</summary>
    Address,
    Postcode,
    /// <summary>The town: the last part of the address ("12 Mill Lane, Anytown" → Anytown).</summary>
    City,
    Email,
    NhsNumber,
    Upn,
    CasePersonId,
    /// <summary>
    /// The feeds' named identifiers (<c>identifier.police_person_id</c>): compared where both records hold
    /// one of the same name. They carry no check digit, so a differing value may be a typo and is
    /// evidence against, not proof of two people.
    /// </summary>
    Identifier,
}

/// <summary>
/// The fixed vocabulary of comparison levels. A comparison lists some of them in order; the first that
/// holds for a pair is the pair's level. Which kinds suit which columns is checked on load.
/// </summary>
public enum LevelKind
{
    /// <summary>The same value (for dates: the same date; for addresses: the same address and postcode).</summary>
    Exact,
    /// <summary>First names in one group of config/nicknames.csv (Frederick, Fred, Freddie).</summary>
    Nickname,
    /// <summary>A part of a double-barrelled or hyphenated name agrees (Smith against Smith-Jones).</summary>
    SharedPart,
    /// <summary>Within <c>max_edits</c> edits, and the rarer value is rare in the data beside the other: a slip of the keyboard, not another name.</summary>
    Misspelling,
    /// <summary>Jaro-Winkler similarity at least <c>threshold</c>.</summary>
    JaroWinkler,
    /// <summary>The same phonetic code (a Double-Metaphone-like key: Catherine and Kathryn).</summary>
    Phonetic,
    /// <summary>Optimal string alignment distance at most <c>max_edits</c>.</summary>
    EditDistance,
    /// <summary>An initial against the full name, or one record's first name among the other's middle names.</summary>
    InitialOrMiddleName,
    /// <summary>Dates of birth with day and month swapped (US order).</summary>
    DayMonthSwapped,
    /// <summary>Dates of birth written yyyyMMdd that differ in exactly one digit.</summary>
    OneDigitOff,
    /// <summary>Dates of birth written yyyyMMdd with two neighbouring digits swapped (1937 / 1973).</summary>
    DigitsTransposed,
    /// <summary>Dates of birth at most <c>days</c> apart.</summary>
    WithinDays,
    /// <summary>Same house number and street (the town or postcode written differently).</summary>
    HouseAndStreet,
    PostcodeFull,
    PostcodeSector,
    PostcodeDistrict,
    /// <summary>
    /// First and family names swapped between the records (Imran Shah against Shah Imran); with a
    /// <c>threshold</c>, each crosswise pair at least that Jaro-Winkler similar (a typo besides the swap).
    /// </summary>
    SwappedNames,
    /// <summary>One record's first name is the other's family name, the other name differing (a swap with one name replaced).</summary>
    CrossedName,
    /// <summary>One name cut short of the other, at least three letters kept (Alexandr / Alexandra, Chris / Christopher).</summary>
    Truncated,
    /// <summary>Identifiers both valid and different: strong evidence of two people.</summary>
    Conflicting,
    /// <summary>Anything else: the values disagree.</summary>
    Else,
}
