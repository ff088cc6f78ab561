using SingleView.Core.Model;

namespace SingleView.Serve.Workbench;

/// <summary>A pair of source records in the stored order (match_decision: ordinally smaller "feed:record_id" on the left).</summary>
internal readonly record struct PairKeys(SourceRecordKey Left, SourceRecordKey Right)
{
    /// <summary>The state a decision names when the pair has no live decision.</summary>
    public const string NoDecision = "none";

    public static PairKeys Of(SourceRecordKey a, SourceRecordKey b) =>
        string.CompareOrdinal(a.ToString(), b.ToString()) <= 0 ? new(a, b) : new(b, a);

    public static bool TryParse(string? first, string? second, out PairKeys pair)
    {
        pair = default;
        if (!SourceRecordKey.TryParse(first, out var a) || !SourceRecordKey.TryParse(second, out var b) || a == b) return false;
        pair = Of(a, b);
        return true;
    }

    public string Path => "/workbench/pairs/" + Uri.EscapeDataString(Left.ToString()) + "/" + Uri.EscapeDataString(Right.ToString());

    public override string ToString() => $"{Left} ~ {Right}";
}
