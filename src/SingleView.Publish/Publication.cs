using SingleView.Core.Model;
using SingleView.Golden.Identity;

namespace SingleView.Publish;

/// <summary>A feed's state as the view shows it: coverage and freshness, governance, and where to launch into the source.</summary>
public sealed record PublishedFeed(
    FeedCoverage Coverage,
    string? LaunchUrl,
    string LegalBasis,
    string SharingAgreement,
    string DataOwner,
    int RetentionDays);

/// <summary>A linked or review pair with its explanation as JSON (prior, comparisons, weight, probability).</summary>
public sealed record PublishedPair(
    SourceRecordKey Left,
    SourceRecordKey Right,
    string Decision,
    double MatchWeight,
    double MatchProbability,
    string ExplanationJson);

/// <summary>Everything one refresh publishes, replacing the previous publication as a whole.</summary>
public sealed record Publication
{
    public required string RunId { get; init; }
    public required IReadOnlyList<GoldenRecord> People { get; init; }
    public required IReadOnlyList<PersonRecord> SourceRecords { get; init; }
    public required IReadOnlyList<Family> Families { get; init; }
    public required IReadOnlyList<Relationship> Relationships { get; init; }
    public required IReadOnlyList<PublishedFeed> Feeds { get; init; }
    /// <summary>Read once, in order, while publishing: a list that builds each pair (and its JSON) on access is fine.</summary>
    public required IReadOnlyList<PublishedPair> Pairs { get; init; }
    /// <summary>Tonight's golden ID changes (history events, redirects), written with the publication; null writes none.</summary>
    public GoldenIdAssignment? Identity { get; init; }
}
