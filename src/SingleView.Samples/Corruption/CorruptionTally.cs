namespace SingleView.Samples.Corruption;

/// <summary>Counts each deliberate error by kind, for the summary and for tests that check errors occur.</summary>
internal sealed class CorruptionTally
{
    public const string Typo = "typo";
    public const string Nickname = "nickname";
    public const string DayMonthSwap = "day_month_swap";
    public const string DateOfBirthDigitOff = "date_of_birth_digit_off";
    public const string DateOfBirthMissing = "date_of_birth_missing";
    public const string FutureDateOfBirth = "future_date_of_birth";
    public const string PostcodeMissing = "postcode_missing";
    public const string PreviousAddress = "previous_address";
    public const string SurnameVariant = "surname_variant";
    public const string Duplicate = "duplicate";
    public const string NhsNumberInvalid = "invalid_nhs_number";
    public const string UpnInvalid = "invalid_upn";
    public const string Unusable = "no_usable_name_or_date_of_birth";
    public const string Restricted = "restricted";

    private readonly SortedDictionary<string, int> counts = new(StringComparer.Ordinal);

    public void Count(string kind) => counts[kind] = counts.GetValueOrDefault(kind) + 1;

    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(counts, StringComparer.Ordinal);
}
