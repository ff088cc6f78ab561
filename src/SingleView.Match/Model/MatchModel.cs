using System.Collections.Immutable;

namespace SingleView.Match.Model;

/// <summary>One level of a comparison with its m and u probabilities and the weight they give.</summary>
public sealed record ComparisonLevel(Comparison Comparison, string Name, double M, double U)
{
    /// <summary>log2(m/u): how much observing this level moves the odds that the records are one person.</summary>
    public double Weight { get; } = Math.Log2(M / U);
}

/// <summary>Records that agree on every key of a rule become a candidate pair.</summary>
public sealed record BlockingRule(string Name, ImmutableArray<BlockingKey> Keys);

public enum BlockingKey
{
    NhsNumber,
    Upn,
    CasePersonId,
    DateOfBirth,
    BirthYear,
    FirstNameSoundex,
    FamilyNameSoundex,
    Postcode,
}

/// <summary>What two records need, short of an agreeing identifier, before they may be linked automatically.</summary>
public enum MinimumEvidence
{
    None,
    NameAndDateOfBirth,
    NameAndDateOfBirthOrAddress,
}

public sealed record MatchSafeguards(
    bool NoAutomaticLinkOnDifferentFirstName,
    bool NoAutomaticLinkOnDifferentDateOfBirth,
    bool NoAutomaticLinkOnConflictingIdentifier,
    bool NoAutomaticLinkOnPossibleTwins,
    MinimumEvidence MinimumEvidence,
    int ClusterMaxDateOfBirthSpreadDays);

/// <summary>The validated, immutable match model the engine runs.</summary>
public sealed record MatchModel
{
    public required string ParametersSource { get; init; }
    public required double PriorMatchProbability { get; init; }
    public required double LinkProbability { get; init; }
    public required double ReviewProbability { get; init; }
    public required ImmutableArray<BlockingRule> BlockingRules { get; init; }
    public required ImmutableDictionary<Comparison, ImmutableDictionary<string, ComparisonLevel>> Levels { get; init; }
    public required MatchSafeguards Safeguards { get; init; }
    public required NicknameTable Nicknames { get; init; }

    /// <summary>The prior as a weight: log2 of the prior odds.</summary>
    public double PriorWeight => Math.Log2(PriorMatchProbability / (1 - PriorMatchProbability));

    public ComparisonLevel Level(Comparison comparison, string level) => Levels[comparison][level];

    public static double ProbabilityOf(double matchWeight) => 1 / (1 + Math.Pow(2, -matchWeight));
}
