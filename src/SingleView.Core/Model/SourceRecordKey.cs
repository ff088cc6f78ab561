namespace SingleView.Core.Model;

/// <summary>A record as its feed knows it: the feed's name and the feed's own record id.</summary>
public readonly record struct SourceRecordKey(string Feed, string RecordId) : IComparable<SourceRecordKey>
{
    public override string ToString() => $"{Feed}:{RecordId}";

    /// <summary>Parses the <c>feed:record id</c> form used on the command line and in URLs.</summary>
    public static bool TryParse(string? text, out SourceRecordKey key)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1) return false;
        key = new SourceRecordKey(text[..colon], text[(colon + 1)..]);
        return true;
    }

    public int CompareTo(SourceRecordKey other)
    {
        var byFeed = string.CompareOrdinal(Feed, other.Feed);
        return byFeed != 0 ? byFeed : string.CompareOrdinal(RecordId, other.RecordId);
    }

    public static bool operator <(SourceRecordKey left, SourceRecordKey right) => left.CompareTo(right) < 0;
    public static bool operator <=(SourceRecordKey left, SourceRecordKey right) => left.CompareTo(right) <= 0;
    public static bool operator >(SourceRecordKey left, SourceRecordKey right) => left.CompareTo(right) > 0;
    public static bool operator >=(SourceRecordKey left, SourceRecordKey right) => left.CompareTo(right) >= 0;
}
