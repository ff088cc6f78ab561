using SingleView.Core.Model;

namespace SingleView.Golden.Identity;

/// <summary>What can happen to a golden ID in one run (golden_id_event.event holds the snake_case name).</summary>
public enum GoldenIdEventKind
{
    /// <summary>A new person: every record is new to SingleView or new to being a person of their own.</summary>
    Created,
    /// <summary>Records joined the person (new records, or records that were with someone else).</summary>
    RecordsAdded,
    /// <summary>Records left the person (gone from their feed, or now with someone else).</summary>
    RecordsRemoved,
    /// <summary>The person merged into another (related ID) and this ID now redirects to it.</summary>
    MergedInto,
    /// <summary>Another person (related ID) merged into this one; the records are theirs.</summary>
    Absorbed,
    /// <summary>Part of the person split off as a new person (related ID); the records are that part.</summary>
    Split,
    /// <summary>This new person split off another (related ID); the records came from it.</summary>
    SplitFrom,
    /// <summary>Every record of the person is gone; the ID is kept out of use.</summary>
    Retired,
    /// <summary>A retired person's first record came back, and with it their ID.</summary>
    Returned,
}

/// <summary>One change to one golden ID, with the source records it concerns.</summary>
public sealed record GoldenIdEvent(string GoldenId, GoldenIdEventKind Kind, string? RelatedGoldenId, IReadOnlyList<SourceRecordKey> SourceRecords)
{
    /// <summary>The name stored in golden_id_event.event.</summary>
    public string Name => Kind switch
    {
        GoldenIdEventKind.Created => "created",
        GoldenIdEventKind.RecordsAdded => "records_added",
        GoldenIdEventKind.RecordsRemoved => "records_removed",
        GoldenIdEventKind.MergedInto => "merged_into",
        GoldenIdEventKind.Absorbed => "absorbed",
        GoldenIdEventKind.Split => "split",
        GoldenIdEventKind.SplitFrom => "split_from",
        GoldenIdEventKind.Retired => "retired",
        _ => "returned",
    };
}

/// <summary>A retired ID and the live ID it now leads to.</summary>
public sealed record GoldenIdRedirect(string OldGoldenId, string NewGoldenId, string Reason);

/// <summary>The outcome of one night's assignment.</summary>
public sealed record GoldenIdAssignment
{
    /// <summary>The golden ID of each of tonight's clusters, by the cluster's position.</summary>
    public required IReadOnlyList<string> Ids { get; init; }

    /// <summary>Redirect rows to write (new ones, and old ones re-pointed so a redirect is always one step).</summary>
    public required IReadOnlyList<GoldenIdRedirect> Redirects { get; init; }

    /// <summary>Old IDs whose redirect must be deleted because the ID is a live person again.</summary>
    public required IReadOnlyList<string> RedirectsRemoved { get; init; }

    /// <summary>What happened, in a stable order.</summary>
    public required IReadOnlyList<GoldenIdEvent> Events { get; init; }

    /// <summary>The redirect table after this assignment is applied to <paramref name="before"/>.</summary>
    public Dictionary<string, string> ApplyTo(IReadOnlyDictionary<string, string> before)
    {
        var after = new Dictionary<string, string>(before, StringComparer.Ordinal);
        foreach (var removed in RedirectsRemoved) after.Remove(removed);
        foreach (var redirect in Redirects) after[redirect.OldGoldenId] = redirect.NewGoldenId;
        return after;
    }
}
