using System.Collections;
using SingleView.Match.Scoring;
using SingleView.Publish;

namespace SingleView.Refresh;

/// <summary>
/// The linked and review pairs as the publisher reads them, each explanation serialised only when its
/// pair is read: holding every explanation's JSON at once would cost hundreds of megabytes at a million records.
/// </summary>
internal sealed class PublishedPairs(IReadOnlyList<ScoredPair> pairs) : IReadOnlyList<PublishedPair>
{
    public int Count => pairs.Count;

    public PublishedPair this[int index]
    {
        get
        {
            var pair = pairs[index];
            return new PublishedPair(
                pair.Left,
                pair.Right,
                pair.Decision == MatchDecision.Linked ? "link" : "review",
                pair.Explanation.MatchWeight,
                pair.Explanation.MatchProbability,
                ExplanationJson.Serialise(pair));
        }
    }

    public IEnumerator<PublishedPair> GetEnumerator()
    {
        for (var i = 0; i < pairs.Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
