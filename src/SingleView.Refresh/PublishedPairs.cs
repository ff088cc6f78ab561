using System.Collections;
using SingleView.Match.Scoring;
using SingleView.Publish;

namespace SingleView.Refresh;

/// <summary>
/// The linked and review pairs as the publisher reads them, each explanation serialised only when its
/// pair is read: holding every explanation's JSON at once would cost hundreds of megabytes at a million records.
/// </summary>
/// <remarks>
/// Read once: when the last pair has been read the list lets go of the pairs (and their explanations,
/// about 0.4 GB at a million records), so they are not held through the rest of the publish. Reading
/// a pair after that throws.
/// </remarks>
internal sealed class PublishedPairs(IReadOnlyList<ScoredPair> pairs) : IReadOnlyList<PublishedPair>
{
    private IReadOnlyList<ScoredPair>? pairs = pairs;
    private int unread = pairs.Count;

    public int Count { get; } = pairs.Count;

    public PublishedPair this[int index]
    {
        get
        {
            var pair = (pairs ?? throw new InvalidOperationException("The pairs have been published and released."))[index];
            var published = new PublishedPair(
                pair.Left,
                pair.Right,
                pair.Decision == MatchDecision.Linked ? "link" : "review",
                pair.Explanation.MatchWeight,
                pair.Explanation.MatchProbability,
                ExplanationJson.Serialise(pair));

            // Read from several threads at once (rows are prepared in parallel).
            if (Interlocked.Decrement(ref unread) == 0) pairs = null;
            return published;
        }
    }

    public IEnumerator<PublishedPair> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
