namespace SingleView.Schedule.Digests;

public enum DeliveryState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One event as a school DSL is told of it: the minimum to act. Pupil, date of birth, the kind of event
/// (never the other service's record), its date, and who to contact about it.
/// </summary>
public sealed record DigestItem(
    string EventKey,
    string PupilName,
    string? DateOfBirth,
    string Kind,
    string EventDate,
    string? ContactName,
    string? ContactRole,
    string? ContactPhone);

/// <summary>One digest for one subscription, and how its delivery went.</summary>
public sealed record Digest
{
    public required string DigestId { get; init; }
    public required string Subscription { get; init; }
    public required string SchoolUrn { get; init; }
    public required string Recipient { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public required IReadOnlyList<DigestItem> Items { get; init; }
    public DeliveryState DeliveryState { get; init; } = DeliveryState.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
}
