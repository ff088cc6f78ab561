namespace SingleView.Samples.Corruption;

/// <summary>
/// How often a feed gets each kind of error. The defaults suit a well-kept case system; each feed
/// overrides what its source is known for (police typos, Early Help nicknames, stale addresses).
/// </summary>
internal sealed record CorruptionRates
{
    /// <summary>Whether the feed has an NHS number column at all (errors are only made, and counted, where written).</summary>
    public bool CarriesNhsNumber { get; init; }

    public bool CarriesUpn { get; init; }

    public double Typo { get; init; } = 0.01;
    public double Nickname { get; init; } = 0.01;
    public double MiddleNameDropped { get; init; } = 0.3;
    public double DayMonthSwap { get; init; } = 0.004;
    public double DateOfBirthDigitOff { get; init; } = 0.004;
    public double DateOfBirthMissing { get; init; } = 0.005;
    public double FutureDateOfBirth { get; init; } = 0.0008;
    public double PostcodeMissing { get; init; } = 0.01;

    /// <summary>For a family that has moved: how often this feed still holds the previous address.</summary>
    public double PreviousAddress { get; init; } = 0.2;

    public double SurnameVariant { get; init; } = 0.02;
    public double Duplicate { get; init; } = 0.01;
    public double NhsNumberMissing { get; init; } = 0.03;
    public double NhsNumberInvalid { get; init; } = 0.004;
    public double UpnMissing { get; init; } = 0.01;
    public double UpnInvalid { get; init; } = 0.004;
    public double Unusable { get; init; } = 0.001;
    public double GenderMissing { get; init; } = 0.005;
}
