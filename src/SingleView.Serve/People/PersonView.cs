namespace SingleView.Serve.People;

// What one viewer may see of one person, already filtered by the access policy: the page and the API
// both render exactly this, so they cannot disagree about what is shown.

internal sealed record PersonView(
    string GoldenId,
    string Name,
    string Kind,
    string? DateOfBirth,
    int? Age,
    bool Restricted,
    IReadOnlyList<GoldenField> Fields,
    IReadOnlyList<ServiceView> Services,
    IReadOnlyList<string> ServicesNotShownForAge,
    IReadOnlyList<FamilyMember> Family,
    IReadOnlyList<SourceRecordView> SourceRecords,
    IReadOnlyList<MatchView> Matches,
    IReadOnlyList<StaleFeed> StaleFeeds,
    string Disclaimer,
    string? PublishedAt);

/// <summary>A golden field; <see cref="Withheld"/> when the person is restricted and the field would say where they live or how to reach them.</summary>
internal sealed record GoldenField(string Field, string Label, string? Value, bool Withheld, Provenance? Provenance);

/// <summary>
/// Where a field's value came from. A field whose source is a service hidden from the viewer has no provenance at
/// all: saying "police record P123", or even "a source not shared with you", would itself be police data.
/// </summary>
internal sealed record Provenance(
    string SourceSystem,
    string SourceRecord,
    string ExtractDate,
    string Rule,
    IReadOnlyList<OtherValue> OtherValues);

internal sealed record OtherValue(string Value, string SourceSystem, string SourceRecord, string ExtractDate);

internal static class ServiceFlags
{
    public const string RecordsFound = "RecordsFound";
    public const string NoRecordsFound = "NoRecordsFound";
    public const string SourceNotAvailable = "SourceNotAvailable";

    public static string TextOf(string flag) => flag switch
    {
        RecordsFound => "Records found",
        NoRecordsFound => "No records found",
        _ => "Source not available",
    };
}

/// <summary>One service's closed-view flag and expanded view.</summary>
internal sealed record ServiceView(
    string Service,
    string Label,
    string Flag,
    string FlagText,
    string? Note,
    IReadOnlyList<InvolvementView> Involvements,
    IReadOnlyList<FeedView> Sources);

internal sealed record InvolvementView(
    string SourceRecord,
    string SourceSystem,
    string Status,
    string? StartDate,
    string? EndDate,
    string? Nature,
    string? Organisation,
    ContactView? Contact,
    IReadOnlyList<DetailView> Details,
    string? CorrectAsOf,
    string? LaunchUrl);

internal sealed record ContactView(string? Name, string? Role, string? Phone, string? Email);

internal sealed record DetailView(string Name, string Label, string? Value);

internal sealed record FeedView(
    string Feed,
    string SourceSystem,
    string State,
    string? CurrentAsOf,
    string? CoverageStart,
    string? CoverageEnd,
    string? CoverageArea,
    bool Stale,
    string? Message);

internal sealed record FamilyMember(
    string GoldenId,
    string Name,
    string Relationship,
    string? DateOfBirth,
    string Kind,
    string SourceFeed,
    string Evidence);

internal sealed record SourceRecordView(string SourceRecord, string SourceSystem, string ExtractDate, string Name, string? DateOfBirth);

internal sealed record MatchView(
    string RecordA,
    string RecordB,
    string Decision,
    double? Prior,
    string? BlockingRule,
    IReadOnlyList<ComparisonView> Comparisons,
    double MatchWeight,
    double MatchProbability);

internal sealed record ComparisonView(string Comparison, string Level, double Weight);

internal sealed record StaleFeed(string Feed, string SourceSystem, string Service, string Reason);
