namespace SingleView.Serve.Audit;

/// <summary>What one request asks to have recorded: a search with its terms, or a view of a person. The log adds time, sequence and hashes.</summary>
public sealed record AuditDraft(
    string UserSubject,
    string UserName,
    string Role,
    string Action,
    string? GoldenId,
    string? RequestedId,
    string? SearchTerms,
    string? Purpose,
    int? ResultCount);

/// <summary>One entry of the access log as stored, with its place in the hash chain.</summary>
public sealed record AuditEntry(
    long Sequence,
    string OccurredAt,
    string UserSubject,
    string UserName,
    string Role,
    string Action,
    string? GoldenId,
    string? RequestedId,
    string? SearchTerms,
    string? Purpose,
    int? ResultCount,
    string PreviousHash,
    string Hash);

/// <summary>The actions recorded.</summary>
public static class AuditActions
{
    /// <summary>A search, with its terms exactly as entered.</summary>
    public const string Search = "search";

    /// <summary>A person's page or API record was shown.</summary>
    public const string View = "view";

    /// <summary>A person was asked for and not shown (no such person, or out of the viewer's scope).</summary>
    public const string ViewRefused = "view_refused";
}
